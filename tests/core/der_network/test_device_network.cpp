// DeviceNetwork on its own QThread, as the app runs it, against real peers: the pymodbus
// SunSpec inverter simulator and ocpp-rpc strict-mode charge points. Readings are checked in
// the telemetry store file afterwards. Waits only bound how long we wait for a state.

#include "../sunspec/SunSpecTestSupport.h"
#include "ChargePointSimulator.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"
#include "store/TelemetryStore.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace ovpp::core;
using ovpp::test::ChargePointSimulator;
using ovpp::test::InverterSimulator;

namespace {

constexpr int waitMs = 30000;
const QByteArray chargerKey = "N4X7Q2W9E5R8T3Y6U2K5";

// The network on a worker thread; every signal is recorded on the test's thread.
class RunningNetwork
{
public:
    explicit RunningNetwork(DeviceNetwork::Options options)
    {
        m_network = new DeviceNetwork(std::move(options));
        m_network->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_network, &QObject::deleteLater);
        QObject::connect(m_network, &DeviceNetwork::started, &m_receiver,
                         [this](const QUrl &url) { baseUrl = url; });
        QObject::connect(m_network, &DeviceNetwork::failed, &m_receiver,
                         [this](const QString &what) { failures.append(what); });
        QObject::connect(m_network, &DeviceNetwork::devicesChanged, &m_receiver,
                         [this](const QList<PairedDevice> &d) { deviceLists.append(d); });
        QObject::connect(m_network, &DeviceNetwork::inverterChanged, &m_receiver,
                         [this](const InverterStatus &s) { inverterStatuses.append(s); });
        QObject::connect(m_network, &DeviceNetwork::chargersChanged, &m_receiver,
                         [this](const QList<ocpp::ChargerState> &b) { batches.append(b); });
        QObject::connect(m_network, &DeviceNetwork::chargerBooted, &m_receiver,
                         [this](const QString &id, const QString &vendor, const QString &model,
                                const QString &) {
                             booted.append({id, vendor, model});
                         });
        QObject::connect(m_network, &DeviceNetwork::deviceOffline, &m_receiver,
                         [this](const QString &id) { offline.append(id); });
        QObject::connect(m_network, &DeviceNetwork::connectionRefused, &m_receiver,
                         [this](const QString &id, const QString &) { refused.append(id); });
        QObject::connect(m_network, &DeviceNetwork::commandFinished, &m_receiver,
                         [this](quint64 requestId, bool ok, const QString &status) {
                             commands.insert(requestId, {ok, status});
                         });
        m_thread.start();
        QMetaObject::invokeMethod(m_network, "start", Qt::QueuedConnection);
    }

    ~RunningNetwork() { shutDown(); }

    void shutDown()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(m_network, "stop", Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    void invoke(const char *slot)
    {
        QMetaObject::invokeMethod(m_network, slot, Qt::QueuedConnection);
    }

    bool waitStarted()
    {
        return QTest::qWaitFor([&] { return !baseUrl.isEmpty() || !failures.isEmpty(); }, waitMs)
            && failures.isEmpty();
    }
    QString wsUrl() const { return baseUrl.toString().chopped(1); } // without the trailing '/'

    QUrl baseUrl;
    QStringList failures;
    QList<QList<PairedDevice>> deviceLists;
    QList<InverterStatus> inverterStatuses;
    QList<QList<ocpp::ChargerState>> batches;
    QList<QStringList> booted;
    QStringList offline;
    QStringList refused;
    QHash<quint64, std::pair<bool, QString>> commands;

    template<typename... Args> void call(const char *slot, Args... args)
    {
        QMetaObject::invokeMethod(m_network, slot, Qt::QueuedConnection, args...);
    }

private:
    QThread m_thread;
    DeviceNetwork *m_network = nullptr;
    QObject m_receiver;
};

class DeviceNetworkTest : public ::testing::Test
{
protected:
    DeviceNetwork::Options options() const
    {
        DeviceNetwork::Options o;
        o.catalogPath = m_dir.filePath(QStringLiteral("devices.json"));
        o.telemetryPath = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
        o.csmsPort = 0;
        o.heartbeatIntervalSeconds = 5;
        o.inverterIntervalMs = 200;
        o.chargerBatchMs = 50;
        return o;
    }

    DeviceCatalog catalog() const { return DeviceCatalog(options().catalogPath); }

    void addCharger(const QString &id)
    {
        DeviceCatalog c = catalog();
        PairedDevice d;
        d.id = id;
        d.kind = PairedDevice::Kind::Charger;
        ASSERT_TRUE(c.addCharger(d, SecretBytes::fromView(chargerKey.toStdString())).ok());
    }

    // All raw readings of one series, read from the file by a fresh store.
    QList<TelemetrySample> series(const QString &deviceKey, TelemetryKind kind)
    {
        auto store = TelemetryStore::open(options().telemetryPath);
        EXPECT_TRUE(store.ok());
        if (!store)
            return {};
        const Result<qint64> id = (*store)->deviceId(deviceKey);
        EXPECT_TRUE(id.ok());
        auto rows = (*store)->readings(*id, kind, 0, std::numeric_limits<qint64>::max());
        EXPECT_TRUE(rows.ok());
        return rows ? *rows : QList<TelemetrySample> {};
    }

    static QList<qint64> values(const QList<TelemetrySample> &samples)
    {
        QList<qint64> v;
        for (const TelemetrySample &s : samples)
            v.append(s.value);
        return v;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(DeviceNetworkTest, InverterReadingsReachTheStore)
{
    InverterSimulator sim(
        {QStringLiteral("--time"), QStringLiteral("12:00"), QStringLiteral("--battery")});
    ASSERT_TRUE(sim.ok()) << qPrintable(sim.error());
    PairedDevice inv;
    inv.id = DeviceCatalog::inverterId(sim.host(), sim.port(), 1, QStringLiteral("SIM-0001"));
    inv.kind = PairedDevice::Kind::Inverter;
    inv.host = sim.host();
    inv.port = sim.port();
    inv.unitId = 1;
    {
        DeviceCatalog c = catalog();
        ASSERT_TRUE(c.add(inv).ok());
    }

    QList<InverterStatus> measured;
    {
        RunningNetwork net(options());
        ASSERT_TRUE(net.waitStarted()) << qPrintable(net.failures.join(u';'));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                measured.clear();
                for (const InverterStatus &s : net.inverterStatuses) {
                    if (s.inverter && s.inverter->acPowerMilliwatts && s.measuredAt.isValid())
                        measured.append(s);
                }
                return measured.size() >= 3;
            },
            waitMs));
        ASSERT_FALSE(net.deviceLists.isEmpty());
        EXPECT_EQ(net.deviceLists.first().first().id, inv.id);
        EXPECT_EQ(measured.first().deviceId, inv.id);
        EXPECT_EQ(measured.last().availability, Poller::Availability::Online);
        net.shutDown();
        // Everything reported before the shutdown is in the store: the pending batch is
        // flushed by stop().
        measured.clear();
        for (const InverterStatus &s : net.inverterStatuses) {
            if (s.inverter && s.inverter->acPowerMilliwatts && s.measuredAt.isValid())
                measured.append(s);
        }
    }

    const QList<qint64> power = values(series(inv.id, TelemetryKind::AcPowerMilliwatts));
    const QList<qint64> energy = values(series(inv.id, TelemetryKind::EnergyWattHours));
    const QList<qint64> soc = values(series(inv.id, TelemetryKind::StateOfChargePermille));
    const QList<qint64> state = values(series(inv.id, TelemetryKind::DeviceStatus));
    // One row per poll (an availability change repeats the latest poll's status).
    QSet<QDateTime> polls;
    for (const InverterStatus &s : measured)
        polls.insert(s.measuredAt);
    EXPECT_EQ(power.size(), polls.size());
    for (const InverterStatus &s : measured) {
        EXPECT_TRUE(power.contains(*s.inverter->acPowerMilliwatts));
        EXPECT_TRUE(energy.contains(qint64(*s.inverter->lifetimeEnergyWh)));
        ASSERT_TRUE(s.battery && s.battery->stateOfChargeMillipercent);
        EXPECT_TRUE(soc.contains(*s.battery->stateOfChargeMillipercent / 100));
    }
    EXPECT_TRUE(soc.contains(555)); // the simulator's 55.5 %
    EXPECT_TRUE(state.contains(qint64(SunSpecOperatingState::Mppt)));
    EXPECT_GT(power.first(), 0);
}

TEST_F(DeviceNetworkTest, UnreachableInverterGoesOffline)
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    PairedDevice inv;
    inv.id = QStringLiteral("inv-gone");
    inv.kind = PairedDevice::Kind::Inverter;
    inv.host = QStringLiteral("127.0.0.1");
    inv.port = closedPort;
    {
        DeviceCatalog c = catalog();
        ASSERT_TRUE(c.add(inv).ok());
    }
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted());
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.offline.contains(inv.id); }, waitMs));
    EXPECT_FALSE(net.inverterStatuses.last().lastError.isEmpty());
    EXPECT_EQ(net.inverterStatuses.last().availability, Poller::Availability::Offline);
}

TEST_F(DeviceNetworkTest, ChargerBootsChargesAndIsRecorded)
{
    const QString id = QStringLiteral("CP-NET-1");
    addCharger(id);
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted()) << qPrintable(net.failures.join(u';'));
    ChargePointSimulator sim({QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), id,
                              QStringLiteral("--password"), QString::fromLatin1(chargerKey),
                              QStringLiteral("--plug-in"), QStringLiteral("--samples"),
                              QStringLiteral("3"), QStringLiteral("--meter-interval-ms"),
                              QStringLiteral("100")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !net.booted.isEmpty(); }, waitMs));
    EXPECT_EQ(net.booted.first(),
              (QStringList {id, QStringLiteral("OpenVPPSim"), QStringLiteral("SimAC-22")}));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStopped")));
    const QJsonObject stopped = sim.events(QStringLiteral("transactionStopped")).first();
    // The batch that carries the stopped transaction.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (const auto &batch : net.batches)
                for (const ocpp::ChargerState &s : batch)
                    for (const ocpp::ConnectorState &c : s.connectors)
                        if (c.transaction && c.transaction->meterStopWh)
                            return true;
            return false;
        },
        waitMs));
    for (const auto &batch : net.batches) {
        QSet<QString> ids;
        for (const ocpp::ChargerState &s : batch) {
            EXPECT_FALSE(ids.contains(s.chargePointId)) << "a charger twice in one batch";
            ids.insert(s.chargePointId);
        }
    }
    net.shutDown();
    EXPECT_TRUE(sim.problems().isEmpty()) << qPrintable(ChargePointSimulator::dump(sim.problems()));

    // BootNotification filled in the catalog entry.
    DeviceCatalog c = catalog();
    ASSERT_TRUE(c.load().ok());
    EXPECT_EQ(c.device(id)->manufacturer, QStringLiteral("OpenVPPSim"));
    EXPECT_EQ(c.device(id)->model, QStringLiteral("SimAC-22"));

    const QList<qint64> energy = values(series(id, TelemetryKind::EnergyWattHours));
    const QList<qint64> power = values(series(id, TelemetryKind::AcPowerMilliwatts));
    const QList<qint64> soc = values(series(id, TelemetryKind::StateOfChargePermille));
    ASSERT_FALSE(energy.isEmpty());
    EXPECT_EQ(energy.last(), qint64(stopped.value(QStringLiteral("meterStop")).toDouble()));
    for (const QJsonObject &mv : sim.events(QStringLiteral("meterValues"))) {
        EXPECT_TRUE(energy.contains(qint64(mv.value(QStringLiteral("energyWh")).toDouble())));
        EXPECT_TRUE(power.contains(
            qint64(std::llround(mv.value(QStringLiteral("powerW")).toDouble() * 1000))));
        EXPECT_TRUE(
            soc.contains(qint64(std::llround(mv.value(QStringLiteral("soc")).toDouble() * 10))));
    }
}

TEST_F(DeviceNetworkTest, CommandsReachTheCharger)
{
    const QString id = QStringLiteral("CP-NET-4");
    addCharger(id);
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted());
    ChargePointSimulator sim({QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), id,
                              QStringLiteral("--password"), QString::fromLatin1(chargerKey),
                              QStringLiteral("--samples"), QStringLiteral("0"),
                              QStringLiteral("--meter-interval-ms"), QStringLiteral("100")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !net.booted.isEmpty(); }, waitMs));

    net.call("setChargeLimit", Q_ARG(quint64, 1), Q_ARG(QString, id), Q_ARG(qint64, 3700));
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.commands.contains(1); }, waitMs));
    EXPECT_EQ(net.commands.value(1), std::make_pair(true, QStringLiteral("Accepted")));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("chargingProfile")));

    net.call("remoteStart", Q_ARG(quint64, 2), Q_ARG(QString, id), Q_ARG(int, 1));
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.commands.contains(2); }, waitMs));
    EXPECT_EQ(net.commands.value(2), std::make_pair(true, QStringLiteral("Accepted")));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStarted")));
    int transactionId = 0;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (const auto &batch : net.batches)
                for (const ocpp::ChargerState &s : batch)
                    for (const ocpp::ConnectorState &c : s.connectors)
                        if (c.transaction && c.transaction->active())
                            transactionId = c.transaction->transactionId;
            return transactionId != 0;
        },
        waitMs));

    net.call("remoteStop", Q_ARG(quint64, 3), Q_ARG(QString, id), Q_ARG(int, transactionId));
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.commands.contains(3); }, waitMs));
    EXPECT_EQ(net.commands.value(3), std::make_pair(true, QStringLiteral("Accepted")));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStopped")));

    // A charger that is not paired: a failure in words, not a hang.
    net.call("remoteStart", Q_ARG(quint64, 4), Q_ARG(QString, QStringLiteral("nope")),
             Q_ARG(int, 1));
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.commands.contains(4); }, waitMs));
    EXPECT_FALSE(net.commands.value(4).first);
    EXPECT_FALSE(net.commands.value(4).second.isEmpty());
    net.shutDown();
    EXPECT_TRUE(sim.problems().isEmpty()) << qPrintable(ChargePointSimulator::dump(sim.problems()));
}

TEST_F(DeviceNetworkTest, WrongPasswordIsRefused)
{
    const QString id = QStringLiteral("CP-NET-2");
    addCharger(id);
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted());
    ChargePointSimulator sim({QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), id,
                              QStringLiteral("--password"),
                              QStringLiteral("N4X7Q2W9E5R8T3Y6U2K6")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(sim.events(QStringLiteral("connectFailed")).first().value(u"status").toInt(), 401);
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.refused.contains(id); }, waitMs));
    EXPECT_TRUE(net.booted.isEmpty());
}

TEST_F(DeviceNetworkTest, ReloadCatalogAddsAndRemovesChargers)
{
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted());
    const QString id = QStringLiteral("CP-NET-3");
    addCharger(id);
    net.invoke("reloadCatalog");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !net.deviceLists.isEmpty() && net.deviceLists.last().size() == 1; }, waitMs));

    auto sim = std::make_unique<ChargePointSimulator>(
        QStringList {QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), id,
                     QStringLiteral("--password"), QString::fromLatin1(chargerKey)});
    ASSERT_TRUE(sim->started());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !net.booted.isEmpty(); }, waitMs));

    {
        DeviceCatalog c = catalog();
        ASSERT_TRUE(c.remove(id).ok());
    }
    net.invoke("reloadCatalog");
    // Removing the charger drops its connection.
    ASSERT_TRUE(sim->waitForEvent(QStringLiteral("disconnected")));
    EXPECT_TRUE(net.deviceLists.last().isEmpty());
    sim.reset();

    ChargePointSimulator again({QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), id,
                                QStringLiteral("--password"), QString::fromLatin1(chargerKey)});
    ASSERT_TRUE(again.started());
    ASSERT_TRUE(again.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(again.events(QStringLiteral("connectFailed")).first().value(u"status").toInt(), 404);
}

TEST_F(DeviceNetworkTest, FleetChangesArriveBatched)
{
    constexpr int count = 20;
    for (int i = 1; i <= count; ++i)
        addCharger(QStringLiteral("FLEET-%1").arg(i, 3, 10, QLatin1Char('0')));
    RunningNetwork net(options());
    ASSERT_TRUE(net.waitStarted());
    ChargePointSimulator sim({QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"),
                              QStringLiteral("FLEET"), QStringLiteral("--count"),
                              QString::number(count), QStringLiteral("--password"),
                              QString::fromLatin1(chargerKey)});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(QTest::qWaitFor([&] { return net.booted.size() == count; }, waitMs));
    // Every charger's booted state arrives in some batch, never twice in the same one.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            QSet<QString> bootedIds;
            for (const auto &batch : net.batches)
                for (const ocpp::ChargerState &s : batch)
                    if (s.booted)
                        bootedIds.insert(s.chargePointId);
            return bootedIds.size() == count;
        },
        waitMs));
    for (const auto &batch : net.batches) {
        QSet<QString> ids;
        for (const ocpp::ChargerState &s : batch)
            ids.insert(s.chargePointId);
        EXPECT_EQ(ids.size(), batch.size());
    }
    EXPECT_TRUE(sim.problems().isEmpty()) << qPrintable(ChargePointSimulator::dump(sim.problems()));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
