#pragma once

// The running device side of the app: the paired devices from the DeviceCatalog, one
// SunSpecClient per inverter polled by the Poller, the OCPP CentralSystem for chargers, and the
// TelemetryStore every reading is written to. One object, living on its own thread (the
// composition root creates a QThread and moveToThread()s it), so that polling, 1,000 chargers'
// MeterValues and SQLite writes never touch the GUI thread.
//
// Talk to it from other threads only through its slots (queued: QMetaObject::invokeMethod with
// Qt::QueuedConnection, or signal connections) and its signals, which carry plain values.
// Charger updates are batched: at most one chargersChanged per batch interval with every
// charger that changed since the last one, so a fleet of thousands costs the GUI one model
// update per interval, not one per message.

#include "DeviceStatus.h"
#include "PairedDevice.h"
#include "common/Result.h"
#include "der/ocpp/ChargerState.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QTimer;

namespace ovpp::core {

class DeviceCatalog;
class TelemetryStore;
namespace ocpp {
class CentralSystem;
}

class DeviceNetwork : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString catalogPath; // DeviceCatalog::defaultPath() in the app
        QString telemetryPath; // <AppDataLocation>/telemetry.sqlite in the app
        QHostAddress csmsAddress = QHostAddress::LocalHost;
        quint16 csmsPort = 8887; // 0: any free port (tests)
        int heartbeatIntervalSeconds = 60;
        int inverterIntervalMs = 10'000;
        int chargerBatchMs = 250;
    };

    explicit DeviceNetwork(Options options, QObject *parent = nullptr);
    ~DeviceNetwork() override;

    // For the owning thread only (tests that run it on their own thread).
    const DeviceCatalog &catalog() const;
    ocpp::CentralSystem &centralSystem();

public Q_SLOTS:
    // Opens the catalog and the telemetry store, starts the central system and polling. Emits
    // started() with the central system's base URL, or failed() (e.g. port in use; the
    // inverters are still polled then).
    void start();
    void stop();
    // Re-reads the catalog after someone paired or removed a device (the app's pairing flow,
    // the CLI): new inverters are polled, removed ones dropped, chargers added to or removed
    // from the central system. Emits devicesChanged().
    void reloadCatalog();
    // A user's refresh: polls every inverter now.
    void pollNow();
    // Household and fleet commands (results in commandFinished(requestId, status or error)).
    void remoteStart(quint64 requestId, const QString &chargePointId, int connectorId);
    void remoteStop(quint64 requestId, const QString &chargePointId, int transactionId);
    // "Charge at most N watts" on the whole charge point (a TxDefaultProfile on connector 0).
    void setChargeLimit(quint64 requestId, const QString &chargePointId, qint64 maxWatts);

Q_SIGNALS:
    void started(const QUrl &centralSystemBaseUrl); // e.g. ws://127.0.0.1:8887/
    void failed(const QString &what);
    // The catalog's devices, after start() and after every reloadCatalog().
    void devicesChanged(const QList<ovpp::core::PairedDevice> &devices);
    void inverterChanged(const ovpp::core::InverterStatus &status);
    // Batched (see the top): every charger that changed since the previous batch.
    void chargersChanged(const QList<ovpp::core::ocpp::ChargerState> &chargers);
    // A charger's BootNotification was accepted (the pairing flow waits for this).
    void chargerBooted(const QString &chargePointId, const QString &vendor, const QString &model,
                       const QString &serialNumber);
    // Worth a tray notification: a charger reported a fault (errorCode other than NoError) or an
    // inverter's state is Fault; a device went offline / came back.
    void deviceFaulted(const QString &deviceId, const QString &what);
    void deviceOffline(const QString &deviceId);
    void deviceOnline(const QString &deviceId);
    void commandFinished(quint64 requestId, bool ok, const QString &statusOrError);
    // A handshake was refused (unknown id, wrong password).
    void connectionRefused(const QString &chargePointId, const QString &reason);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ovpp::core
