#pragma once

// What the device, charger and csms commands share: where the device catalog and the telemetry
// store are (--devices, --telemetry), HOST[:PORT] arguments, running the event loop until an
// asynchronous answer is there, Ctrl+C / SIGTERM, and readings as text and JSON.

#include "Command.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/PairedDevice.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ovpp::cli::device {

// --devices FILE, or DeviceCatalog::defaultPath() (the desktop app's catalog).
QString catalogPath(const Invocation &in);
// --telemetry FILE, or telemetry.sqlite next to the catalog.
QString telemetryPath(const Invocation &in);
// The catalog, loaded; a corrupt file is a failure naming it.
Outcome<std::unique_ptr<core::DeviceCatalog>> openCatalog(const Invocation &in);

struct HostPort
{
    QString host;
    quint16 port = 502;
};
// "10.0.0.5", "10.0.0.5:1502", "inverter.local:502", "[::1]:502".
// Port 0 (any free port) only when `allowAnyPort`.
Outcome<HostPort> hostPort(const QString &text, quint16 defaultPort, bool allowAnyPort = false);
// --unit N (1 by default; 0..255 as Modbus allows, 0 and 255 often mean "the TCP device").
Outcome<quint8> unitOption(const Invocation &in);

// Runs the event loop until `start`'s callback delivers.
template<typename T>
core::Result<T>
await(const std::function<void(QObject *, std::function<void(core::Result<T>)>)> &start);

// Calls `handler` (on the main thread, from the event loop) at SIGINT or SIGTERM, as long as the
// returned object lives. Idempotent signals: a second Ctrl+C is handled the same way.
std::unique_ptr<QObject> onInterrupt(std::function<void()> handler);

QString kindName(core::PairedDevice::Kind kind);
QJsonObject deviceJson(const core::PairedDevice &device);
QString stateName(std::optional<quint16> operatingState);
// "3.25 kW"-style text of milliwatts; "12.3 kWh" of watt-hours.
QString powerText(qint64 milliwatts);
QString energyText(qint64 wattHours);
QJsonObject snapshotJson(const core::SunSpecSnapshot &snapshot);
QStringList snapshotLines(const core::SunSpecSnapshot &snapshot);

} // namespace ovpp::cli::device

#include <QEventLoop>
#include <QTimer>

namespace ovpp::cli::device {

template<typename T>
core::Result<T>
await(const std::function<void(QObject *, std::function<void(core::Result<T>)>)> &start)
{
    QObject context;
    QEventLoop loop;
    std::optional<core::Result<T>> result;
    start(&context, [&](core::Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace ovpp::cli::device
