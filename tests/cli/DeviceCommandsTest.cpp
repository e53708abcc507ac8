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
