// SunSpecClient against the pymodbus inverter simulator: discovery and decoded readings in
// every register-map variant the simulator serves, and the failure cases a user meets.

#include "SunSpecTestSupport.h"
#include "der/sunspec/SunSpecClient.h"

#include <QTcpServer>

#include <map>

using namespace ovpp::core;
using ovpp::test::InverterSimulator;
using ovpp::test::waitFor;

namespace {

struct Variant
{
    const char *name;
    quint32 base;
    quint16 model;
    int model1Length;
    quint8 unitId;
    bool asleep;
    const char *peakW; // what the simulator serves at noon
    const char *hz;
    int whSf; // WH_SF for model 103
};

std::ostream &operator<<(std::ostream &os, const Variant &v)
{
    return os << v.name;
}

// "2750.5" -> 2750500 (milli units), parsed exactly.
qint64 milli(const char *decimal)
{
    const QString s = QString::fromLatin1(decimal);
    const QString whole = s.section(QLatin1Char('.'), 0, 0);
    const QString frac = (s.section(QLatin1Char('.'), 1) + QStringLiteral("000")).left(3);
    return whole.toLongLong() * 1000 + frac.toLongLong();
}

constexpr qint64 kEnergyStartWh = 12345678;

QStringList simulatorArgs(const Variant &v)
{
    QStringList args {QStringLiteral("--base"),
                      QString::number(v.base),
                      QStringLiteral("--model"),
                      QString::number(v.model),
                      QStringLiteral("--model1-length"),
                      QString::number(v.model1Length),
                      QStringLiteral("--unit-id"),
                      QString::number(v.unitId),
                      QStringLiteral("--time"),
                      QStringLiteral("12:00"),
                      QStringLiteral("--peak-w"),
                      QString::fromLatin1(v.peakW),
                      QStringLiteral("--hz"),
                      QString::fromLatin1(v.hz),
                      QStringLiteral("--energy-wh"),
                      QString::number(kEnergyStartWh),
                      QStringLiteral("--wh-sf"),
                      QString::number(v.whSf),
                      QStringLiteral("--manufacturer"),
                      QStringLiteral("Sim-%1").arg(QString::fromLatin1(v.name)),
                      QStringLiteral("--serial"),
                      QStringLiteral("SN-%1-%2").arg(v.base).arg(v.unitId)};
    if (v.asleep)
        args << QStringLiteral("--asleep");
    return args;
}

std::optional<Result<SunSpecDeviceInfo>> discover(SunSpecClient &client)
{
    return waitFor<SunSpecDeviceInfo>(
        [&](QObject *ctx, auto done) { client.discover(ctx, std::move(done)); });
}

std::optional<Result<SunSpecSnapshot>> snapshot(SunSpecClient &client)
{
    return waitFor<SunSpecSnapshot>(
        [&](QObject *ctx, auto done) { client.readSnapshot(ctx, std::move(done)); });
}

SunSpecClientOptions quickOptions()
{
    SunSpecClientOptions o;
    o.timeoutMs = 2000;
    return o;
}

class SunSpecVariants : public ::testing::TestWithParam<Variant>
{
};

} // namespace

TEST_P(SunSpecVariants, DiscoversAndDecodesWhatTheSimulatorServes)
{
    const Variant v = GetParam();
    InverterSimulator sim(simulatorArgs(v));
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();

    SunSpecClient client({sim.host(), sim.port(), v.unitId}, quickOptions());
    const auto info = discover(client);
    ASSERT_TRUE(info.has_value());
    ASSERT_TRUE(info->ok()) << info->error().detail.toStdString();
    EXPECT_EQ(info->value().baseAddress, v.base);
    EXPECT_EQ(info->value().unitId, v.unitId);
    ASSERT_EQ(info->value().models.size(), 2);
    EXPECT_EQ(info->value().models[0].id, SunSpecModelId::Common);
    EXPECT_EQ(info->value().models[0].address, v.base + 2);
    EXPECT_EQ(int(info->value().models[0].length), v.model1Length);
    EXPECT_EQ(info->value().models[1].id, v.model);
    EXPECT_EQ(info->value().models[1].address, v.base + 2 + 2 + quint32(v.model1Length));
    const auto &common = info->value().common;
    EXPECT_EQ(common.manufacturer, QStringLiteral("Sim-%1").arg(QString::fromLatin1(v.name)));
    EXPECT_EQ(common.model, QStringLiteral("SimInverter-3P"));
    EXPECT_EQ(common.serialNumber, QStringLiteral("SN-%1-%2").arg(v.base).arg(v.unitId));
    EXPECT_EQ(common.deviceAddress, std::optional<quint16>(v.unitId));
    ASSERT_TRUE(client.deviceInfo().has_value());

    const auto first = snapshot(client);
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(first->ok()) << first->error().detail.toStdString();
    const SunSpecSnapshot &s = first->value();
    EXPECT_TRUE(s.responded);
    ASSERT_TRUE(s.inverter.has_value());
    EXPECT_EQ(s.inverter->modelId, v.model);
    EXPECT_FALSE(s.mppt.has_value());
    EXPECT_FALSE(s.battery.has_value());
    EXPECT_EQ(s.inverter->frequencyMillihertz, milli(v.hz));
    if (v.asleep) {
        EXPECT_TRUE(s.sleeping);
        EXPECT_EQ(s.inverter->state(), SunSpecOperatingState::Sleeping);
        EXPECT_EQ(s.inverter->acPowerMilliwatts, 0);
    } else {
        EXPECT_FALSE(s.sleeping);
        EXPECT_EQ(s.inverter->state(), SunSpecOperatingState::Mppt);
        EXPECT_EQ(s.inverter->acPowerMilliwatts, milli(v.peakW));
        // The simulator serves DC power as AC power x 1.04 (conversion losses).
        ASSERT_TRUE(s.inverter->dcPowerMilliwatts.has_value());
        EXPECT_GT(*s.inverter->dcPowerMilliwatts, *s.inverter->acPowerMilliwatts);
    }
    // Energy starts where the simulator was told (to WH_SF's resolution) and never decreases.
    qint64 resolution = 1;
    for (int i = 0; i < v.whSf; ++i)
        resolution *= 10;
    ASSERT_TRUE(s.inverter->lifetimeEnergyWh.has_value());
    EXPECT_GE(qint64(*s.inverter->lifetimeEnergyWh), kEnergyStartWh / resolution * resolution);
    EXPECT_EQ(qint64(*s.inverter->lifetimeEnergyWh) % resolution, 0);

    const auto second = snapshot(client);
    ASSERT_TRUE(second.has_value() && second->ok());
    ASSERT_TRUE(second->value().inverter->lifetimeEnergyWh.has_value());
    EXPECT_GE(*second->value().inverter->lifetimeEnergyWh, *s.inverter->lifetimeEnergyWh);
}

INSTANTIATE_TEST_SUITE_P(
    Simulator, SunSpecVariants,
    ::testing::Values(Variant {"base40000_m103", 40000, 103, 66, 1, false, "2750.5", "50.02", 0},
                      Variant {"base0_m103_l65", 0, 103, 65, 1, false, "3100.7", "60.00", 0},
                      Variant {"base50000_m103_wh10", 50000, 103, 66, 1, false, "1999.9", "49.98",
                               1},
                      // 40 kW needs W_SF = 1 in an int16 register.
                      Variant {"m103_40kW", 40000, 103, 66, 1, false, "40000", "50.00", 0},
                      Variant {"base40000_m113", 40000, 113, 66, 1, false, "2750.5", "50.02", 0},
                      Variant {"base0_m113_l65", 0, 113, 65, 1, false, "812.25", "59.95", 0},
                      Variant {"unit17_m103", 40000, 103, 66, 17, false, "2750.5", "50.00", 0},
                      Variant {"unit200_m113", 50000, 113, 65, 200, false, "2750.5", "50.00", 0},
                      Variant {"asleep_m103", 40000, 103, 66, 1, true, "2750.5", "50.00", 0},
                      Variant {"asleep_m113", 0, 113, 66, 1, true, "2750.5", "50.00", 0}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(SunSpecClient, MpptAndBatteryModels)
{
    InverterSimulator sim(
        {QStringLiteral("--time"), QStringLiteral("12:00"), QStringLiteral("--peak-w"),
         QStringLiteral("2500.0"), QStringLiteral("--mppt"), QStringLiteral("3"),
         QStringLiteral("--battery"), QStringLiteral("--battery-soc"), QStringLiteral("61.5"),
         QStringLiteral("--battery-w"), QStringLiteral("1500")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    const auto s = snapshot(client); // discovers on first use
    ASSERT_TRUE(s.has_value());
    ASSERT_TRUE(s->ok()) << s->error().detail.toStdString();
    ASSERT_TRUE(client.deviceInfo().has_value());
    EXPECT_TRUE(client.deviceInfo()->findModel(SunSpecModelId::Mppt).has_value());
    EXPECT_TRUE(client.deviceInfo()->findModel(SunSpecModelId::Battery).has_value());

    const auto &snap = s->value();
    ASSERT_TRUE(snap.inverter.has_value());
    ASSERT_TRUE(snap.mppt.has_value());
    ASSERT_EQ(snap.mppt->modules.size(), 3);
    qint64 dcTotal = 0;
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(snap.mppt->modules[i].label, QStringLiteral("PV%1").arg(i + 1));
        EXPECT_EQ(snap.mppt->modules[i].dcVoltageMillivolts, 380000);
        EXPECT_FALSE(snap.mppt->modules[i].dcCurrentMilliamps.has_value());
        dcTotal += snap.mppt->modules[i].dcPowerMilliwatts.value_or(0);
    }
    // The modules share the inverter's DC power between them.
    EXPECT_EQ(snap.inverter->dcPowerMilliwatts, dcTotal);

    ASSERT_TRUE(snap.battery.has_value());
    EXPECT_EQ(snap.battery->stateOfChargeMillipercent, 61500);
    EXPECT_EQ(snap.battery->powerMilliwatts, 1500000);
    EXPECT_EQ(snap.battery->chargeStatus, std::optional<quint16>(3)); // DISCHARGING
    EXPECT_EQ(snap.battery->capacityWh, 10000u);
}

TEST(SunSpecClient, DeadPortIsAClearError)
{
    // A port that was free a moment ago: nothing listens there now.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    SunSpecClient client({QStringLiteral("127.0.0.1"), port, 1}, quickOptions());
    const auto info = discover(client);
    ASSERT_TRUE(info.has_value());
    ASSERT_FALSE(info->ok());
    EXPECT_EQ(info->error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(info->error().detail.contains(QStringLiteral("cannot connect")))
        << info->error().detail.toStdString();
    EXPECT_TRUE(info->error().detail.contains(QString::number(port)));
    EXPECT_FALSE(client.deviceInfo().has_value());
}

TEST(SunSpecClient, NoSunSMarkerIsAClearError)
{
    InverterSimulator sim({QStringLiteral("--corrupt"), QStringLiteral("no-suns")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    const auto info = discover(client);
    ASSERT_TRUE(info.has_value());
    ASSERT_FALSE(info->ok());
    EXPECT_EQ(info->error().code, ErrorCode::NotFound);
    EXPECT_TRUE(info->error().detail.contains(QStringLiteral("not a SunSpec device")))
        << info->error().detail.toStdString();
}

TEST(SunSpecClient, BrokenModelChainIsAClearError)
{
    InverterSimulator sim({QStringLiteral("--corrupt"), QStringLiteral("bad-chain")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    const auto info = discover(client);
    ASSERT_TRUE(info.has_value());
    ASSERT_FALSE(info->ok());
    EXPECT_EQ(info->error().code, ErrorCode::NotFound);
    EXPECT_TRUE(info->error().detail.contains(QStringLiteral("broken SunSpec model chain")))
        << info->error().detail.toStdString();
}

TEST(SunSpecClient, WrongUnitIdIsAClearError)
{
    InverterSimulator sim({QStringLiteral("--unit-id"), QStringLiteral("7")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClientOptions o;
    o.timeoutMs = 500; // pymodbus stays silent for unknown unit ids
    SunSpecClient client({sim.host(), sim.port(), 1}, o);
    const auto info = discover(client);
    ASSERT_TRUE(info.has_value());
    ASSERT_FALSE(info->ok());
    EXPECT_EQ(info->error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(info->error().detail.contains(QStringLiteral("unit id")))
        << info->error().detail.toStdString();
}

TEST(SunSpecClient, DeviceThatStopsAnsweringReadsAsSleeping)
{
    InverterSimulator sim({QStringLiteral("--time"), QStringLiteral("12:00")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    const auto awake = snapshot(client);
    ASSERT_TRUE(awake.has_value() && awake->ok());
    EXPECT_TRUE(awake->value().responded);
    EXPECT_FALSE(awake->value().sleeping);

    sim.stop(); // night: the inverter's network interface goes away
    for (int poll = 0; poll < 3; ++poll) {
        const auto night = snapshot(client);
        ASSERT_TRUE(night.has_value());
        ASSERT_TRUE(night->ok()) << night->error().detail.toStdString();
        EXPECT_FALSE(night->value().responded);
        EXPECT_TRUE(night->value().sleeping);
        EXPECT_FALSE(night->value().inverter.has_value());
    }
    // What was discovered stays known for when it wakes up.
    EXPECT_TRUE(client.deviceInfo().has_value());
}

TEST(SunSpecClient, ReadRegistersSplitsLongReads)
{
    InverterSimulator sim({QStringLiteral("--mppt"), QStringLiteral("8")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    // SunS (2) + model 1 (2 + 66) + model 103 (2 + 50) + model 160 (2 + 8 + 8 * 20) = 292.
    const auto regs = waitFor<QList<quint16>>(
        [&](QObject *ctx, auto done) { client.readRegisters(40000, 292, ctx, std::move(done)); });
    ASSERT_TRUE(regs.has_value() && regs->ok());
    ASSERT_EQ(regs->value().size(), 292);
    EXPECT_EQ(regs->value()[0], 0x5375);
    EXPECT_EQ(regs->value()[1], 0x6E53);
    EXPECT_EQ(regs->value()[2 + 68], 103);
    EXPECT_EQ(regs->value()[2 + 68 + 52], 160);
    EXPECT_EQ(regs->value()[2 + 68 + 52 + 1], 8 + 8 * 20); // L excludes ID and L

    const auto beyond = waitFor<QList<quint16>>(
        [&](QObject *ctx, auto done) { client.readRegisters(40000, 400, ctx, std::move(done)); });
    ASSERT_TRUE(beyond.has_value());
    ASSERT_FALSE(beyond->ok());
    EXPECT_TRUE(beyond->error().detail.contains(QStringLiteral("illegal data address")))
        << beyond->error().detail.toStdString();
}

TEST(SunSpecClient, ConcurrentCallersAreServedInTurn)
{
    InverterSimulator sim({QStringLiteral("--base"), QStringLiteral("50000")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    SunSpecClient client({sim.host(), sim.port(), 1}, quickOptions());
    // Several callers at once share the one connection; each gets its own registers back.
    QObject context;
    QEventLoop loop;
    const QList<quint32> addresses {50000, 50002, 50004, 50070, 50072};
    std::map<quint32, Result<QList<quint16>>> results;
    for (quint32 address : addresses) {
        client.readRegisters(address, 2, &context, [&, address](Result<QList<quint16>> r) {
            results.emplace(address, std::move(r));
            if (results.size() == std::size_t(addresses.size()))
                loop.quit();
        });
    }
    QTimer::singleShot(90000, &loop, &QEventLoop::quit); // hang guard only
    loop.exec();
    ASSERT_EQ(results.size(), std::size_t(addresses.size()));
    for (const auto &[address, r] : results)
        ASSERT_TRUE(r.ok()) << address << ": " << r.error().detail.toStdString();
    EXPECT_EQ(results.at(50000).value(), QList<quint16>({0x5375, 0x6E53}));
    EXPECT_EQ(results.at(50002).value(), QList<quint16>({1, 66}));
    EXPECT_EQ(results.at(50004).value(), QList<quint16>({0x4F70, 0x656E})); // "Open"
    EXPECT_EQ(results.at(50070).value(), QList<quint16>({103, 50}));
    EXPECT_EQ(results.at(50072).value().size(), 2);
}

TEST(SunSpecClient, ReadOutsideTheAddressSpaceFails)
{
    // No device needed: the request is refused before anything is sent.
    SunSpecClient client({QStringLiteral("127.0.0.1"), 1, 1}, quickOptions());
    const auto r = waitFor<QList<quint16>>(
        [&](QObject *ctx, auto done) { client.readRegisters(65530, 10, ctx, std::move(done)); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_TRUE(r->error().detail.contains(QStringLiteral("outside the Modbus address space")))
        << r->error().detail.toStdString();
}

OVPP_SUNSPEC_TEST_MAIN
