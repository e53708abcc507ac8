// `ovpp device`, `ovpp charger` and `ovpp csms` as a person or a script runs them, against real
// peers: the pymodbus SunSpec inverter simulator, ocpp-rpc strict charge points and the litesvm
// localnet. Waits only bound how long we wait for an event; nothing asserts on time.

#include "../core/der_network/ChargePointSimulator.h"
#include "../core/sunspec/SunSpecTestSupport.h"
#include "LocalnetProcess.h"
#include "OvppProcess.h"
#include "RpcTestSupport.h"
#include "crypto/Keypair.h"
#include "store/TelemetryStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp::core;
using ovpp::test::ChargePointSimulator;
using ovpp::test::InverterSimulator;
using ovpp::test::OvppProcess;
using ovpp::test::OvppRun;

namespace {

constexpr int waitMs = 30000;

QString diagnostics(const OvppRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(run.outText(), run.errText());
}

// `ovpp csms` running in the background; its stdout is one JSON event per line.
class CsmsProcess
{
public:
    CsmsProcess(const OvppProcess &ovpp, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), ovpp.path(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), ovpp.path(QStringLiteral("data")));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { drain(); });
        m_process.start(QStringLiteral(OVPP_BINARY),
                        QStringList {QStringLiteral("csms")} + arguments);
    }
    ~CsmsProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QList<QJsonObject> events(const QString &name, const QString &id = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &e : m_events) {
            if (e.value(u"event").toString() == name
                && (id.isEmpty() || e.value(u"id").toString() == id))
                found.append(e);
        }
        return found;
    }
    bool waitFor(const QString &name, const QString &id = {}, int count = 1)
    {
        return QTest::qWaitFor([&] { return events(name, id).size() >= count; }, waitMs);
    }
    int port() const { return events(QStringLiteral("listening")).value(0).value(u"port").toInt(); }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(port()); }

    // SIGTERM, as a service manager stops it; the exit status.
    int terminate()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(waitMs))
            return -1;
        drain();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    QByteArray errors() { return m_process.readAllStandardError(); }

private:
    void drain()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(m_buffer.left(nl)).object();
            m_buffer.remove(0, nl + 1);
            if (!event.isEmpty())
                m_events.append(event);
        }
    }
    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
};

class DeviceCommands : public ::testing::Test
{
protected:
    OvppRun ovpp(QStringList arguments, const QByteArray &input = {}) const
    {
        arguments << QStringLiteral("--devices") << devices();
        return m_ovpp.run(arguments, input);
    }
    QString devices() const { return m_ovpp.path(QStringLiteral("devices.json")); }
    QString telemetry() const { return m_ovpp.path(QStringLiteral("telemetry.sqlite")); }

    OvppProcess m_ovpp;
};

QStringList json(QStringList arguments)
{
    return QStringList {QStringLiteral("--output"), QStringLiteral("json")} + arguments;
}

// A wallet with SOL on a fresh localnet, as a solana-keygen keypair file for --keypair.
struct FundedOwner
{
    QString problem; // empty when ready
    QString keypairFile;
    QString url;
    QString address;
};

FundedOwner fundedOwner(ovpp::testing::LocalnetProcess &localnet, const OvppProcess &ovpp)
{
    FundedOwner owner;
    owner.problem = localnet.start();
    if (!owner.problem.isEmpty())
        return owner;
    RpcClient client(localnet.rpcUrl());
    const Keypair keypair = ovpp::testing::randomKeypair();
    owner.problem = ovpp::testing::airdrop(client, keypair.publicKey(), 1'000'000'000);
    QByteArray keypairJson = "[";
    for (std::size_t i = 0; i < keypair.secretKey().size(); ++i)
        keypairJson += (i ? "," : "") + QByteArray::number(keypair.secretKey().data()[i]);
    keypairJson += "]";
    owner.keypairFile = ovpp.writeFile(QStringLiteral("owner.json"), keypairJson);
    owner.url = localnet.rpcUrl().toString();
    owner.address = keypair.publicKey().toBase58();
    return owner;
}

QString errorCode(const OvppRun &run)
{
    return run.json().value_or(QJsonObject {}).value(u"error").toObject().value(u"code").toString();
}

// The signature `ovpp device register --output json` reports for the first device it registered.
QString firstRegisteredSignature(const OvppRun &run)
{
    return run.json()
        .value_or(QJsonObject {})
        .value(u"registered")
        .toArray()
        .at(0)
        .toObject()
        .value(u"signature")
        .toString();
}

} // namespace

TEST_F(DeviceCommands, ProbeReadsTheInverter)
{
    InverterSimulator sim({QStringLiteral("--time"), QStringLiteral("12:00"),
                           QStringLiteral("--battery"), QStringLiteral("--serial"),
                           QStringLiteral("SN-PROBE-7")});
    ASSERT_TRUE(sim.ok()) << qPrintable(sim.error());
    const QString target = QStringLiteral("%1:%2").arg(sim.host()).arg(sim.port());

    const OvppRun run = ovpp(json({QStringLiteral("device"), QStringLiteral("probe"), target}));
    ASSERT_EQ(run.exitCode, 0) << qPrintable(diagnostics(run));
    const QJsonObject o = run.json().value_or(QJsonObject {});
    EXPECT_EQ(o.value(u"manufacturer").toString(), QStringLiteral("OpenVPP"));
    EXPECT_EQ(o.value(u"model").toString(), QStringLiteral("SimInverter-3P"));
    EXPECT_EQ(o.value(u"serialNumber").toString(), QStringLiteral("SN-PROBE-7"));
    EXPECT_EQ(o.value(u"port").toInt(), sim.port());
    const QJsonObject readings = o.value(u"readings").toObject();
    EXPECT_GT(readings.value(u"inverter").toObject().value(u"acPowerMilliwatts").toInteger(), 0);
    EXPECT_EQ(readings.value(u"battery").toObject().value(u"stateOfChargeMillipercent").toInteger(),
              55500);
    EXPECT_EQ(readings.value(u"inverter").toObject().value(u"state").toString(),
              QStringLiteral("mppt"));

    const OvppRun human = ovpp({QStringLiteral("device"), QStringLiteral("probe"), target});
    ASSERT_EQ(human.exitCode, 0) << qPrintable(diagnostics(human));
    EXPECT_TRUE(human.outText().contains(QStringLiteral("SN-PROBE-7")));
    EXPECT_TRUE(human.outText().contains(QStringLiteral("battery SoC:    55.5 %")));
    // Nothing was stored.
    EXPECT_FALSE(QFile::exists(devices()));
}

TEST_F(DeviceCommands, ProbeOfNothingFailsClearly)
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    const OvppRun run = ovpp(json({QStringLiteral("device"), QStringLiteral("probe"),
                                   QStringLiteral("127.0.0.1:%1").arg(closedPort)}));
    EXPECT_EQ(run.exitCode, 1) << qPrintable(diagnostics(run));
    EXPECT_EQ(run.json().value_or(QJsonObject {}).value(u"error").toObject().value(u"code"),
              QStringLiteral("no-sunspec-device"));
    const OvppRun bad = ovpp(
        {QStringLiteral("device"), QStringLiteral("probe"), QStringLiteral("127.0.0.1:99999")});
    EXPECT_EQ(bad.exitCode, 2) << qPrintable(diagnostics(bad));
}

TEST_F(DeviceCommands, ScanFindsTheInverterAndRefusesHugeRanges)
{
    InverterSimulator sim({QStringLiteral("--serial"), QStringLiteral("SN-SCAN-3")});
    ASSERT_TRUE(sim.ok()) << qPrintable(sim.error());
    const OvppRun run = ovpp(
        json({QStringLiteral("device"), QStringLiteral("scan"), QStringLiteral("127.0.0.1/30"),
              QStringLiteral("--port"), QString::number(sim.port())}));
    ASSERT_EQ(run.exitCode, 0) << qPrintable(diagnostics(run));
    const QJsonObject o = run.json().value_or(QJsonObject {});
    const QJsonArray found = o.value(u"devices").toArray();
    ASSERT_EQ(found.size(), 1) << qPrintable(run.outText());
    EXPECT_EQ(found.at(0).toObject().value(u"host").toString(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(found.at(0).toObject().value(u"serialNumber").toString(),
              QStringLiteral("SN-SCAN-3"));
    EXPECT_EQ(o.value(u"scanned").toInt(), 2); // a /30 without network and broadcast

    const OvppRun human
        = ovpp({QStringLiteral("device"), QStringLiteral("scan"), QStringLiteral("127.0.0.1/32"),
                QStringLiteral("--port"), QString::number(sim.port())});
    ASSERT_EQ(human.exitCode, 0) << qPrintable(diagnostics(human));
    EXPECT_TRUE(human.errText().contains(QStringLiteral("scanned 1 of 1")));

    const OvppRun huge
        = ovpp({QStringLiteral("device"), QStringLiteral("scan"), QStringLiteral("10.0.0.0/16")});
    EXPECT_EQ(huge.exitCode, 2) << qPrintable(diagnostics(huge));
}

TEST_F(DeviceCommands, PairListShowRemove)
{
    InverterSimulator sim({QStringLiteral("--time"), QStringLiteral("12:00")});
    ASSERT_TRUE(sim.ok()) << qPrintable(sim.error());
    const QString target = QStringLiteral("%1:%2").arg(sim.host()).arg(sim.port());

    // Answering no pairs nothing.
    const OvppRun declined
        = ovpp({QStringLiteral("device"), QStringLiteral("pair"), target}, QByteArray("n\n"));
    EXPECT_EQ(declined.exitCode, 1) << qPrintable(diagnostics(declined));
    EXPECT_FALSE(QFile::exists(devices()));

    const OvppRun paired
        = ovpp(json({QStringLiteral("device"), QStringLiteral("pair"), target,
                     QStringLiteral("--label"), QStringLiteral("Roof"), QStringLiteral("--yes")}));
    ASSERT_EQ(paired.exitCode, 0) << qPrintable(diagnostics(paired));
    const QJsonObject entry = paired.json().value_or(QJsonObject {});
    const QString id = entry.value(u"id").toString();
    EXPECT_TRUE(id.startsWith(QStringLiteral("inv-")));
    EXPECT_EQ(entry.value(u"label").toString(), QStringLiteral("Roof"));
    EXPECT_EQ(entry.value(u"serialNumber").toString(), QStringLiteral("SIM-0001"));

    const OvppRun again = ovpp(
        json({QStringLiteral("device"), QStringLiteral("pair"), target, QStringLiteral("--yes")}));
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_EQ(again.json().value_or(QJsonObject {}).value(u"error").toObject().value(u"code"),
              QStringLiteral("already-paired"));

    const OvppRun list = ovpp(json({QStringLiteral("device"), QStringLiteral("list")}));
    ASSERT_EQ(list.exitCode, 0) << qPrintable(diagnostics(list));
    const QJsonArray listed = list.json().value_or(QJsonObject {}).value(u"devices").toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.at(0).toObject().value(u"id").toString(), id);
    EXPECT_EQ(listed.at(0).toObject().value(u"port").toInt(), sim.port());

    // Readings as the app records them, then `show` reports the latest.
    {
        auto store = TelemetryStore::open(telemetry());
        ASSERT_TRUE(store.ok());
        const qint64 device = *(*store)->deviceId(id);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ASSERT_TRUE((*store)
                        ->append({{device, TelemetryKind::AcPowerMilliwatts, now - 60000, 1000},
                                  {device, TelemetryKind::AcPowerMilliwatts, now - 1000, 2345678},
                                  {device, TelemetryKind::EnergyWattHours, now - 1000, 12345678}})
                        .ok());
    }
    const OvppRun show = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), id,
                                    QStringLiteral("--telemetry"), telemetry()}));
    ASSERT_EQ(show.exitCode, 0) << qPrintable(diagnostics(show));
    const QJsonObject shown = show.json().value_or(QJsonObject {});
    EXPECT_EQ(shown.value(u"host").toString(), sim.host());
    const QJsonObject latest = shown.value(u"latest").toObject();
    EXPECT_EQ(latest.value(u"acPowerMilliwatts").toObject().value(u"value").toInteger(), 2345678);
    EXPECT_EQ(latest.value(u"energyWh").toObject().value(u"value").toInteger(), 12345678);
    const OvppRun showHuman = ovpp({QStringLiteral("device"), QStringLiteral("show"), id,
                                    QStringLiteral("--telemetry"), telemetry()});
    EXPECT_TRUE(showHuman.outText().contains(QStringLiteral("2.35 kW")))
        << qPrintable(showHuman.outText());

    const OvppRun removed = ovpp({QStringLiteral("device"), QStringLiteral("remove"), id});
    ASSERT_EQ(removed.exitCode, 0) << qPrintable(diagnostics(removed));
    const OvppRun gone = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), id}));
    EXPECT_EQ(gone.exitCode, 1);
    EXPECT_EQ(gone.json().value_or(QJsonObject {}).value(u"error").toObject().value(u"code"),
              QStringLiteral("not-found"));
}

TEST_F(DeviceCommands, CorruptCatalogIsNotOverwritten)
{
    const QByteArray corrupt = "{\"version\":1,\"devices\":[{\"id\":";
    m_ovpp.writeFile(QStringLiteral("devices.json"), corrupt);
    const OvppRun run = ovpp({QStringLiteral("charger"), QStringLiteral("add")});
    EXPECT_EQ(run.exitCode, 1) << qPrintable(diagnostics(run));
    EXPECT_TRUE(run.errText().contains(QStringLiteral("devices.json")));
    EXPECT_EQ(m_ovpp.readFile(devices()), corrupt);
}

TEST_F(DeviceCommands, ChargerConnectsToCsmsWithThePrintedPassword)
{
    const OvppRun added
        = ovpp(json({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("CP-CLI-1"),
                     QStringLiteral("--label"), QStringLiteral("Garage")}));
    ASSERT_EQ(added.exitCode, 0) << qPrintable(diagnostics(added));
    const QJsonObject charger = added.json().value_or(QJsonObject {});
    const QString password = charger.value(u"password").toString();
    EXPECT_EQ(password.size(), 20);
    EXPECT_EQ(charger.value(u"id").toString(), QStringLiteral("CP-CLI-1"));
    EXPECT_TRUE(charger.value(u"url").toString().endsWith(QStringLiteral("/CP-CLI-1")));
    // Only a verifier is on disk.
    EXPECT_FALSE(m_ovpp.readFile(devices()).contains(password.toLatin1()));

    CsmsProcess csms(m_ovpp,
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--devices"), devices(), QStringLiteral("--telemetry"),
                      telemetry()});
    ASSERT_TRUE(csms.waitFor(QStringLiteral("listening"))) << csms.errors().constData();
    EXPECT_EQ(csms.events(QStringLiteral("listening")).first().value(u"chargers").toInt(), 1);

    ChargePointSimulator sim({QStringLiteral("--url"), csms.url(), QStringLiteral("--id"),
                              QStringLiteral("CP-CLI-1"), QStringLiteral("--password"), password,
                              QStringLiteral("--plug-in"), QStringLiteral("--samples"),
                              QStringLiteral("3"), QStringLiteral("--meter-interval-ms"),
                              QStringLiteral("100")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(csms.waitFor(QStringLiteral("stop"), QStringLiteral("CP-CLI-1")));
    const QJsonObject boot = csms.events(QStringLiteral("boot")).value(0);
    EXPECT_EQ(boot.value(u"vendor").toString(), QStringLiteral("OpenVPPSim"));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStopped")));
    const QJsonObject simStop = sim.events(QStringLiteral("transactionStopped")).first();
    const QJsonObject stop = csms.events(QStringLiteral("stop")).first();
    EXPECT_EQ(stop.value(u"meterStopWh").toInteger(), simStop.value(u"meterStop").toInteger());
    EXPECT_EQ(csms.events(QStringLiteral("start")).size(), 1);
    EXPECT_GE(csms.events(QStringLiteral("meter")).size(), 3);
    EXPECT_FALSE(csms.events(QStringLiteral("status")).isEmpty());

    // The same id with a wrong password is refused at the handshake.
    ChargePointSimulator intruder({QStringLiteral("--url"), csms.url(), QStringLiteral("--id"),
                                   QStringLiteral("CP-CLI-1"), QStringLiteral("--password"),
                                   QStringLiteral("ABCDEFGHJKLMNPQRSTUV")});
    ASSERT_TRUE(intruder.started());
    ASSERT_TRUE(csms.waitFor(QStringLiteral("refused"), QStringLiteral("CP-CLI-1")));
    ASSERT_TRUE(intruder.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(intruder.events(QStringLiteral("connectFailed")).first().value(u"status").toInt(),
              401);

    EXPECT_EQ(csms.terminate(), 0);
    EXPECT_EQ(csms.events(QStringLiteral("stopped")).size(), 1);
    EXPECT_TRUE(sim.problems().isEmpty()) << qPrintable(ChargePointSimulator::dump(sim.problems()));

    // BootNotification filled in the catalog; MeterValues are in the store.
    const OvppRun show
        = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), QStringLiteral("CP-CLI-1"),
                     QStringLiteral("--telemetry"), telemetry()}));
    ASSERT_EQ(show.exitCode, 0) << qPrintable(diagnostics(show));
    const QJsonObject shown = show.json().value_or(QJsonObject {});
    EXPECT_EQ(shown.value(u"manufacturer").toString(), QStringLiteral("OpenVPPSim"));
    EXPECT_EQ(
        shown.value(u"latest").toObject().value(u"energyWh").toObject().value(u"value").toInteger(),
        simStop.value(u"meterStop").toInteger());
}

TEST_F(DeviceCommands, FleetForTheSimulator)
{
    const OvppRun added
        = ovpp(json({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("--count"),
                     QStringLiteral("5"), QStringLiteral("--prefix"), QStringLiteral("FL"),
                     QStringLiteral("--shared-key")}));
    ASSERT_EQ(added.exitCode, 0) << qPrintable(diagnostics(added));
    const QJsonArray chargers = added.json().value_or(QJsonObject {}).value(u"chargers").toArray();
    ASSERT_EQ(chargers.size(), 5);
    EXPECT_EQ(chargers.at(0).toObject().value(u"id").toString(), QStringLiteral("FL-001"));
    EXPECT_EQ(chargers.at(4).toObject().value(u"id").toString(), QStringLiteral("FL-005"));
    const QString password = chargers.at(0).toObject().value(u"password").toString();
    for (const QJsonValue &c : chargers)
        EXPECT_EQ(c.toObject().value(u"password").toString(), password);

    // Without --shared-key every charger gets its own.
    const OvppRun own
        = ovpp(json({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("--count"),
                     QStringLiteral("2"), QStringLiteral("--prefix"), QStringLiteral("OWN")}));
    ASSERT_EQ(own.exitCode, 0) << qPrintable(diagnostics(own));
    const QJsonArray ownChargers = own.json().value_or(QJsonObject {}).value(u"chargers").toArray();
    ASSERT_EQ(ownChargers.size(), 2);
    EXPECT_NE(ownChargers.at(0).toObject().value(u"password"),
              ownChargers.at(1).toObject().value(u"password"));

    CsmsProcess csms(m_ovpp,
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--devices"), devices(), QStringLiteral("--telemetry"),
                      telemetry()});
    ASSERT_TRUE(csms.waitFor(QStringLiteral("listening"))) << csms.errors().constData();
    ChargePointSimulator fleet({QStringLiteral("--url"), csms.url(), QStringLiteral("--id"),
                                QStringLiteral("FL"), QStringLiteral("--count"),
                                QStringLiteral("5"), QStringLiteral("--password"), password});
    ASSERT_TRUE(fleet.started());
    ASSERT_TRUE(csms.waitFor(QStringLiteral("boot"), {}, 5));
    QSet<QString> booted;
    for (const QJsonObject &e : csms.events(QStringLiteral("boot")))
        booted.insert(e.value(u"id").toString());
    EXPECT_EQ(booted.size(), 5);
    EXPECT_EQ(csms.terminate(), 0);
}

TEST_F(DeviceCommands, RegistrationIsReadBackFromTheChain)
{
    ovpp::testing::LocalnetProcess localnet;
    const QString problem = localnet.start();
    ASSERT_TRUE(problem.isEmpty()) << qPrintable(problem);
    RpcClient client(localnet.rpcUrl());
    const Keypair owner = ovpp::testing::randomKeypair();
    const QString funded = ovpp::testing::airdrop(client, owner.publicKey(), 1'000'000'000);
    ASSERT_TRUE(funded.isEmpty()) << qPrintable(funded);
    QByteArray keypairJson = "[";
    for (std::size_t i = 0; i < owner.secretKey().size(); ++i)
        keypairJson += (i ? "," : "") + QByteArray::number(owner.secretKey().data()[i]);
    keypairJson += "]";
    const QString keypairFile = m_ovpp.writeFile(QStringLiteral("owner.json"), keypairJson);

    InverterSimulator sim({QStringLiteral("--serial"), QStringLiteral("SN-CHAIN-1")});
    ASSERT_TRUE(sim.ok()) << qPrintable(sim.error());
    const QString url = localnet.rpcUrl().toString();
    const OvppRun paired
        = ovpp(json({QStringLiteral("device"), QStringLiteral("pair"),
                     QStringLiteral("%1:%2").arg(sim.host()).arg(sim.port()),
                     QStringLiteral("--yes"), QStringLiteral("--register"),
                     QStringLiteral("--keypair"), keypairFile, QStringLiteral("--url"), url}));
    ASSERT_EQ(paired.exitCode, 0) << qPrintable(diagnostics(paired));
    const QJsonObject entry = paired.json().value_or(QJsonObject {});
    const QString signature = entry.value(u"registrySignature").toString();
    ASSERT_FALSE(signature.isEmpty());

    const OvppRun listed = ovpp(json({QStringLiteral("device"), QStringLiteral("registry"),
                                      owner.publicKey().toBase58(), QStringLiteral("--url"), url}));
    ASSERT_EQ(listed.exitCode, 0) << qPrintable(diagnostics(listed));
    const QJsonArray devices = listed.json().value_or(QJsonObject {}).value(u"devices").toArray();
    ASSERT_EQ(devices.size(), 1);
    const QJsonObject d = devices.at(0).toObject();
    EXPECT_EQ(d.value(u"id").toString(), entry.value(u"id").toString());
    EXPECT_EQ(d.value(u"kind").toString(), QStringLiteral("inverter"));
    EXPECT_EQ(d.value(u"manufacturer").toString(), QStringLiteral("OpenVPP"));
    EXPECT_EQ(d.value(u"signature").toString(), signature);
    EXPECT_FALSE(d.value(u"retired").toBool());

    // The catalog kept the signature.
    const OvppRun show = ovpp(
        json({QStringLiteral("device"), QStringLiteral("show"), entry.value(u"id").toString()}));
    EXPECT_EQ(show.json().value_or(QJsonObject {}).value(u"registrySignature").toString(),
              signature);
}

// Chargers are registered after their first boot, when the catalog knows what they are; one
// that reported no serial number is registered with the serial typed from its label.
TEST_F(DeviceCommands, ChargersRegisterAfterTheirFirstBoot)
{
    QString passwords[2];
    const QString ids[2] = {QStringLiteral("CP-REG-1"), QStringLiteral("CP-REG-2")};
    for (int i = 0; i < 2; ++i) {
        const OvppRun added
            = ovpp(json({QStringLiteral("charger"), QStringLiteral("add"), ids[i]}));
        ASSERT_EQ(added.exitCode, 0) << qPrintable(diagnostics(added));
        passwords[i] = added.json().value_or(QJsonObject {}).value(u"password").toString();
    }
    ovpp::testing::LocalnetProcess localnet;
    const FundedOwner owner = fundedOwner(localnet, m_ovpp);
    ASSERT_TRUE(owner.problem.isEmpty()) << qPrintable(owner.problem);
    const QStringList signer {QStringLiteral("--keypair"), owner.keypairFile,
                              QStringLiteral("--url"), owner.url};

    // Not seen yet: nothing to register, and the catalog stays as it is.
    const QByteArray fresh = m_ovpp.readFile(devices());
    const OvppRun early = ovpp(
        json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[0]} + signer));
    EXPECT_EQ(early.exitCode, 1) << qPrintable(diagnostics(early));
    EXPECT_EQ(errorCode(early), QStringLiteral("not-seen-yet"));
    EXPECT_EQ(m_ovpp.readFile(devices()), fresh);

    {
        CsmsProcess csms(m_ovpp,
                         {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--devices"), devices(), QStringLiteral("--telemetry"),
                          telemetry()});
        ASSERT_TRUE(csms.waitFor(QStringLiteral("listening"))) << csms.errors().constData();
        ChargePointSimulator withSerial({QStringLiteral("--url"), csms.url(),
                                         QStringLiteral("--id"), ids[0],
                                         QStringLiteral("--password"), passwords[0]});
        ChargePointSimulator withoutSerial(
            {QStringLiteral("--url"), csms.url(), QStringLiteral("--id"), ids[1],
             QStringLiteral("--password"), passwords[1], QStringLiteral("--serial-field"),
             QStringLiteral("none")});
        ASSERT_TRUE(withSerial.started());
        ASSERT_TRUE(withoutSerial.started());
        ASSERT_TRUE(csms.waitFor(QStringLiteral("boot"), ids[0]));
        ASSERT_TRUE(csms.waitFor(QStringLiteral("boot"), ids[1]));
        EXPECT_EQ(csms.terminate(), 0);
    }
    const OvppRun shown = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), ids[1]}));
    ASSERT_EQ(shown.exitCode, 0) << qPrintable(diagnostics(shown));
    EXPECT_EQ(shown.json().value_or(QJsonObject {}).value(u"manufacturer").toString(),
              QStringLiteral("OpenVPPSim"));
    EXPECT_TRUE(shown.json().value_or(QJsonObject {}).value(u"serialNumber").toString().isEmpty());

    // Named without a serial number: the hint, nothing sent, nothing written.
    const QByteArray booted = m_ovpp.readFile(devices());
    const OvppRun noSerial = ovpp(
        json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[1]} + signer));
    EXPECT_EQ(noSerial.exitCode, 1) << qPrintable(diagnostics(noSerial));
    EXPECT_EQ(errorCode(noSerial), QStringLiteral("no-serial-number"));
    EXPECT_TRUE(noSerial.errText().contains(QStringLiteral("--serial")))
        << qPrintable(noSerial.errText());
    EXPECT_EQ(m_ovpp.readFile(devices()), booted);

    // A wallet that cannot pay: the failure names the devices left unregistered, nothing is
    // stored.
    {
        const Keypair poor = ovpp::testing::randomKeypair();
        QByteArray poorJson = "[";
        for (std::size_t i = 0; i < poor.secretKey().size(); ++i)
            poorJson += (i ? "," : "") + QByteArray::number(poor.secretKey().data()[i]);
        poorJson += "]";
        const OvppRun unpaid = ovpp(json({QStringLiteral("device"), QStringLiteral("register"),
                                          QStringLiteral("--all"), QStringLiteral("--keypair"),
                                          m_ovpp.writeFile(QStringLiteral("poor.json"), poorJson),
                                          QStringLiteral("--url"), owner.url}));
        EXPECT_EQ(unpaid.exitCode, 1) << qPrintable(diagnostics(unpaid));
        EXPECT_EQ(errorCode(unpaid), QStringLiteral("insufficient-funds"));
        EXPECT_TRUE(unpaid.errText().contains(QStringLiteral("not registered: CP-REG-1")))
            << qPrintable(unpaid.errText());
        EXPECT_EQ(m_ovpp.readFile(devices()), booted);
    }

    // --all registers the one that can be and lists the other with what to do.
    const OvppRun all = ovpp(json(
        QStringList {QStringLiteral("device"), QStringLiteral("register"), QStringLiteral("--all")}
        + signer));
    ASSERT_EQ(all.exitCode, 0) << qPrintable(diagnostics(all));
    const QJsonObject allResult = all.json().value_or(QJsonObject {});
    const QJsonArray registered = allResult.value(u"registered").toArray();
    ASSERT_EQ(registered.size(), 1) << qPrintable(all.outText());
    EXPECT_EQ(registered.at(0).toObject().value(u"id").toString(), ids[0]);
    const QString firstSignature = registered.at(0).toObject().value(u"signature").toString();
    EXPECT_FALSE(firstSignature.isEmpty());
    const QJsonArray skipped = allResult.value(u"skipped").toArray();
    ASSERT_EQ(skipped.size(), 1);
    EXPECT_EQ(skipped.at(0).toObject().value(u"id").toString(), ids[1]);
    EXPECT_EQ(skipped.at(0).toObject().value(u"reason").toString(),
              QStringLiteral("no-serial-number"));
    EXPECT_TRUE(skipped.at(0)
                    .toObject()
                    .value(u"message")
                    .toString()
                    .contains(QStringLiteral("ovpp device register CP-REG-2 --serial TEXT")));
    EXPECT_EQ(allResult.value(u"transactions").toArray().size(), 1);

    // A serial that contradicts the reported one is refused, not overwritten.
    const QByteArray registeredOne = m_ovpp.readFile(devices());
    const OvppRun mismatch
        = ovpp(json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[0],
                                 QStringLiteral("--serial"), QStringLiteral("OTHER-9")}
                    + signer));
    EXPECT_EQ(mismatch.exitCode, 1) << qPrintable(diagnostics(mismatch));
    EXPECT_EQ(errorCode(mismatch), QStringLiteral("serial-mismatch"));
    EXPECT_EQ(m_ovpp.readFile(devices()), registeredOne);

    // The serial from the label: kept in the catalog, then registered.
    const OvppRun typed
        = ovpp(json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[1],
                                 QStringLiteral("--serial"), QStringLiteral("LABEL-123")}
                    + signer));
    ASSERT_EQ(typed.exitCode, 0) << qPrintable(diagnostics(typed));
    const QString secondSignature = firstRegisteredSignature(typed);
    EXPECT_FALSE(secondSignature.isEmpty());
    EXPECT_NE(secondSignature, firstSignature);

    // Registered already: asks (no answer here, so no), or with --yes publishes an update.
    const OvppRun again = ovpp(
        json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[0]} + signer));
    EXPECT_EQ(again.exitCode, 1) << qPrintable(diagnostics(again));
    EXPECT_EQ(errorCode(again), QStringLiteral("already-registered"));
    const OvppRun nothingLeft = ovpp(json(
        QStringList {QStringLiteral("device"), QStringLiteral("register"), QStringLiteral("--all")}
        + signer));
    ASSERT_EQ(nothingLeft.exitCode, 0) << qPrintable(diagnostics(nothingLeft));
    EXPECT_TRUE(
        nothingLeft.json().value_or(QJsonObject {}).value(u"registered").toArray().isEmpty());
    EXPECT_TRUE(nothingLeft.json().value_or(QJsonObject {}).value(u"skipped").toArray().isEmpty());

    const OvppRun listed = ovpp(json({QStringLiteral("device"), QStringLiteral("registry"),
                                      owner.address, QStringLiteral("--url"), owner.url}));
    ASSERT_EQ(listed.exitCode, 0) << qPrintable(diagnostics(listed));
    QHash<QString, QJsonObject> onChain;
    for (const QJsonValue &d : listed.json().value_or(QJsonObject {}).value(u"devices").toArray())
        onChain.insert(d.toObject().value(u"id").toString(), d.toObject());
    ASSERT_EQ(onChain.size(), 2) << qPrintable(listed.outText());
    for (const QString &id : ids) {
        EXPECT_EQ(onChain.value(id).value(u"kind").toString(), QStringLiteral("evcharger"));
        EXPECT_EQ(onChain.value(id).value(u"manufacturer").toString(),
                  QStringLiteral("OpenVPPSim"));
        EXPECT_EQ(onChain.value(id).value(u"model").toString(), QStringLiteral("SimAC-22"));
        EXPECT_FALSE(onChain.value(id).value(u"retired").toBool());
    }
    EXPECT_EQ(onChain.value(ids[0]).value(u"signature").toString(), firstSignature);
    EXPECT_EQ(onChain.value(ids[1]).value(u"signature").toString(), secondSignature);
    // The published hash is the label's serial, normalised as anyone holding the charger would.
    EXPECT_NE(onChain.value(ids[0]).value(u"serialHash"),
              onChain.value(ids[1]).value(u"serialHash"));

    const OvppRun update
        = ovpp(json(QStringList {QStringLiteral("device"), QStringLiteral("register"), ids[0],
                                 QStringLiteral("--yes")}
                    + signer));
    ASSERT_EQ(update.exitCode, 0) << qPrintable(diagnostics(update));
    const QString updateSignature = firstRegisteredSignature(update);
    EXPECT_NE(updateSignature, firstSignature);

    // The catalog has the signatures and the typed serial.
    const OvppRun show1 = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), ids[0]}));
    EXPECT_EQ(show1.json().value_or(QJsonObject {}).value(u"registrySignature").toString(),
              updateSignature);
    const OvppRun show2 = ovpp(json({QStringLiteral("device"), QStringLiteral("show"), ids[1]}));
    const QJsonObject second = show2.json().value_or(QJsonObject {});
    EXPECT_EQ(second.value(u"registrySignature").toString(), secondSignature);
    EXPECT_EQ(second.value(u"serialNumber").toString(), QStringLiteral("LABEL-123"));
    const OvppRun showHuman = ovpp({QStringLiteral("device"), QStringLiteral("show"), ids[1]});
    EXPECT_TRUE(showHuman.outText().contains(QStringLiteral("registered:     ") + secondSignature))
        << qPrintable(showHuman.outText());
}

// A fleet registers with several memos per transaction, each device's signature in the catalog.
TEST_F(DeviceCommands, FleetRegistersWithSeveralDevicesPerTransaction)
{
    constexpr int fleetSize = 12;
    const OvppRun added
        = ovpp(json({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("--count"),
                     QString::number(fleetSize), QStringLiteral("--prefix"), QStringLiteral("PK"),
                     QStringLiteral("--shared-key")}));
    ASSERT_EQ(added.exitCode, 0) << qPrintable(diagnostics(added));
    const QString password = added.json()
                                 .value_or(QJsonObject {})
                                 .value(u"chargers")
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(u"password")
                                 .toString();
    // One that never connects.
    ASSERT_EQ(ovpp({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("CP-NEVER")})
                  .exitCode,
              0);
    ovpp::testing::LocalnetProcess localnet;
    const FundedOwner owner = fundedOwner(localnet, m_ovpp);
    ASSERT_TRUE(owner.problem.isEmpty()) << qPrintable(owner.problem);
    {
        CsmsProcess csms(m_ovpp,
                         {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--devices"), devices(), QStringLiteral("--telemetry"),
                          telemetry()});
        ASSERT_TRUE(csms.waitFor(QStringLiteral("listening"))) << csms.errors().constData();
        ChargePointSimulator fleet({QStringLiteral("--url"), csms.url(), QStringLiteral("--id"),
                                    QStringLiteral("PK"), QStringLiteral("--count"),
                                    QString::number(fleetSize), QStringLiteral("--password"),
                                    password});
        ASSERT_TRUE(fleet.started());
        ASSERT_TRUE(csms.waitFor(QStringLiteral("boot"), {}, fleetSize));
        EXPECT_EQ(csms.terminate(), 0);
    }

    QElapsedTimer clock;
    clock.start();
    const OvppRun all = ovpp(
        json({QStringLiteral("device"), QStringLiteral("register"), QStringLiteral("--all"),
              QStringLiteral("--keypair"), owner.keypairFile, QStringLiteral("--url"), owner.url}));
    const qint64 elapsedMs = clock.elapsed();
    ASSERT_EQ(all.exitCode, 0) << qPrintable(diagnostics(all));
    const QJsonObject result = all.json().value_or(QJsonObject {});
    const QJsonArray registered = result.value(u"registered").toArray();
    ASSERT_EQ(registered.size(), fleetSize);
    QSet<QString> signatures;
    for (const QJsonValue &r : registered)
        signatures.insert(r.toObject().value(u"signature").toString());
    const QJsonArray transactions = result.value(u"transactions").toArray();
    EXPECT_EQ(signatures.size(), transactions.size());
    EXPECT_LT(transactions.size(), fleetSize);
    EXPECT_GE(transactions.at(0).toObject().value(u"devices").toArray().size(), 5);
    const QJsonArray skipped = result.value(u"skipped").toArray();
    ASSERT_EQ(skipped.size(), 1);
    EXPECT_EQ(skipped.at(0).toObject().value(u"id").toString(), QStringLiteral("CP-NEVER"));
    EXPECT_EQ(skipped.at(0).toObject().value(u"reason").toString(), QStringLiteral("not-seen-yet"));
    RecordProperty("transactions", int(transactions.size()));
    RecordProperty("devicesPerTransaction",
                   int(transactions.at(0).toObject().value(u"devices").toArray().size()));
    RecordProperty("registerAllMs", int(elapsedMs));

    const OvppRun listed = ovpp(json({QStringLiteral("device"), QStringLiteral("registry"),
                                      owner.address, QStringLiteral("--url"), owner.url}));
    ASSERT_EQ(listed.exitCode, 0) << qPrintable(diagnostics(listed));
    const QJsonArray onChain = listed.json().value_or(QJsonObject {}).value(u"devices").toArray();
    ASSERT_EQ(onChain.size(), fleetSize);
    for (const QJsonValue &d : onChain) {
        EXPECT_EQ(d.toObject().value(u"kind").toString(), QStringLiteral("evcharger"));
        EXPECT_TRUE(signatures.contains(d.toObject().value(u"signature").toString()));
    }

    // Every entry kept its transaction's signature; the one that never connected is listed as
    // not registered.
    const OvppRun list = ovpp(json({QStringLiteral("device"), QStringLiteral("list")}));
    int withSignature = 0;
    for (const QJsonValue &d : list.json().value_or(QJsonObject {}).value(u"devices").toArray())
        withSignature += signatures.contains(d.toObject().value(u"registrySignature").toString());
    EXPECT_EQ(withSignature, fleetSize);
    const OvppRun listHuman = ovpp({QStringLiteral("device"), QStringLiteral("list")});
    EXPECT_EQ(listHuman.outText().count(QStringLiteral("not registered")), 1)
        << qPrintable(listHuman.outText());
}

// What `device register` refuses, before any network and without touching the catalog.
TEST_F(DeviceCommands, RegisterRefusesWhatItCannotDo)
{
    ASSERT_EQ(
        ovpp({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("CP-A")}).exitCode,
        0);
    ASSERT_EQ(
        ovpp({QStringLiteral("charger"), QStringLiteral("add"), QStringLiteral("CP-B")}).exitCode,
        0);
    const QByteArray before = m_ovpp.readFile(devices());
    // Nothing listens there: a command that got as far as the network would fail differently.
    const QStringList signer {QStringLiteral("--keypair"), m_ovpp.path(QStringLiteral("none.json")),
                              QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9")};
    const QString reg = QStringLiteral("register");
    const QString dev = QStringLiteral("device");

    const OvppRun unknown = ovpp(json(QStringList {dev, reg, QStringLiteral("CP-NOPE")} + signer));
    EXPECT_EQ(unknown.exitCode, 1) << qPrintable(diagnostics(unknown));
    EXPECT_EQ(errorCode(unknown), QStringLiteral("not-found"));

    const OvppRun twoSerials
        = ovpp(json(QStringList {dev, reg, QStringLiteral("CP-A"), QStringLiteral("CP-B"),
                                 QStringLiteral("--serial"), QStringLiteral("X-1")}
                    + signer));
    EXPECT_EQ(twoSerials.exitCode, 2) << qPrintable(diagnostics(twoSerials));

    const OvppRun neverBooted = ovpp(json(QStringList {dev, reg, QStringLiteral("CP-A")} + signer));
    EXPECT_EQ(neverBooted.exitCode, 1) << qPrintable(diagnostics(neverBooted));
    EXPECT_EQ(errorCode(neverBooted), QStringLiteral("not-seen-yet"));
    EXPECT_TRUE(neverBooted.errText().contains(QStringLiteral("ovpp csms")));

    // A typed serial does not stand in for a charger that never said what it is.
    const OvppRun serialOnly
        = ovpp(json(QStringList {dev, reg, QStringLiteral("CP-B"), QStringLiteral("--serial"),
                                 QStringLiteral("LABEL-1")}
                    + signer));
    EXPECT_EQ(serialOnly.exitCode, 1) << qPrintable(diagnostics(serialOnly));
    EXPECT_EQ(errorCode(serialOnly), QStringLiteral("not-seen-yet"));

    EXPECT_EQ(ovpp(QStringList {dev, reg} + signer).exitCode, 2);
    EXPECT_EQ(ovpp(QStringList {dev, reg, QStringLiteral("--all"), QStringLiteral("CP-A")} + signer)
                  .exitCode,
              2);
    EXPECT_EQ(m_ovpp.readFile(devices()), before);
}
