#pragma once

// What the fleet tests share: ChargerState values built by hand for the pure model logic, and
// the real DeviceNetwork on its own thread (as the app runs it) for the tests against ocpp-rpc
// strict charge points (ChargePointSimulator, tests/core/der_network).

#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"
#include "der/ocpp/ChargerState.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <optional>

namespace ovpp::test {

// Runs the event loop until `condition` holds; the limit only bounds a failure.
inline bool fleetWait(const std::function<bool()> &condition, int limitMs = 60000)
{
    return QTest::qWaitFor(condition, limitMs);
}

struct FakeConnector
{
    QString status = QStringLiteral("Available");
    QString errorCode = QStringLiteral("NoError");
    QString info;
    std::optional<qint64> meterStartWh; // a transaction when set
    bool stopped = false;
    qint64 energyWh = 0;
    std::optional<double> watts;
    std::optional<double> soc;
};

inline core::ocpp::ChargerState chargerState(const QString &id, bool online,
                                             const FakeConnector &connector = {},
                                             const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    core::ocpp::ChargerState s;
    s.chargePointId = id;
    s.connected = online;
    s.online = online;
    s.booted = online;
    s.vendor = QStringLiteral("OpenVPPSim");
    s.model = QStringLiteral("SimAC-22");
    s.lastSeen = at;
    core::ocpp::ConnectorState c;
    c.connectorId = 1;
    c.status = connector.status;
    c.errorCode = connector.errorCode;
    c.info = connector.info;
    c.statusAt = at;
    c.energy = core::ocpp::EnergyReading {connector.energyWh, at};
    if (connector.watts)
        c.power = core::ocpp::PowerReading {*connector.watts, at};
    if (connector.soc)
        c.soc = core::ocpp::SocReading {*connector.soc, at};
    if (connector.meterStartWh) {
        core::ocpp::Transaction t;
        t.transactionId = 7;
        t.connectorId = 1;
        t.meterStartWh = *connector.meterStartWh;
        t.startedAt = at;
        if (connector.stopped)
            t.meterStopWh = connector.energyWh;
        c.transaction = t;
    }
    s.connectors.insert(1, c);
    return s;
}

// DeviceNetwork on a worker thread, over a catalog in a temporary directory.
class FleetNetwork
{
public:
    static constexpr int waitMs = 30000;
    static inline const QByteArray key = "N4X7Q2W9E5R8T3Y6U2K5";

    FleetNetwork()
    {
        core::DeviceNetwork::Options o;
        o.catalogPath = catalogPath();
        o.telemetryPath = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
        o.csmsPort = 0;
        o.heartbeatIntervalSeconds = 5;
        o.chargerBatchMs = 50;
        m_network = new core::DeviceNetwork(o);
        m_network->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_network, &QObject::deleteLater);
        QObject::connect(m_network, &core::DeviceNetwork::started, &m_receiver,
                         [this](const QUrl &url) { baseUrl = url; });
    }
    ~FleetNetwork()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(m_network, "stop", Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    QString catalogPath() const { return m_dir.filePath(QStringLiteral("devices.json")); }
    core::DeviceNetwork *network() { return m_network; }

    // Pairs `<prefix>-001` ... with the shared key (before start()).
    bool pairChargers(const QString &prefix, int count)
    {
        core::DeviceCatalog catalog(catalogPath());
        const core::SecretBytes secret = core::SecretBytes::fromView(key.toStdString());
        QList<std::pair<core::PairedDevice, const core::SecretBytes *>> list;
        for (int i = 1; i <= count; ++i) {
            core::PairedDevice d;
            d.id = QStringLiteral("%1-%2").arg(prefix).arg(i, 3, 10, QLatin1Char('0'));
            d.kind = core::PairedDevice::Kind::Charger;
            d.label = i == 1 ? QStringLiteral("Depot, bay \"1\"") : QString();
            list.append({d, &secret});
        }
        return catalog.addChargers(list).ok();
    }

    bool start()
    {
        m_thread.start();
        QMetaObject::invokeMethod(m_network, "start", Qt::QueuedConnection);
        return QTest::qWaitFor([&] { return !baseUrl.isEmpty(); }, waitMs);
    }
    QString wsUrl() const { return baseUrl.toString().chopped(1); }

    QUrl baseUrl;

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    core::DeviceNetwork *m_network = nullptr;
    QObject m_receiver;
};

} // namespace ovpp::test
