#include "CsmsCommands.h"

#include "DeviceSupport.h"
#include "der/network/ChargerEvents.h"
#include "der/network/DeviceNetwork.h"
#include "der/ocpp/CentralSystem.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>

#include <cstdio>

namespace ovpp::cli {

using namespace core;
using namespace device;

namespace {

const QString ListenOption = QStringLiteral("listen");
const QString DevicesOption = QStringLiteral("devices");
const QString TelemetryOption = QStringLiteral("telemetry");
const QString HeartbeatOption = QStringLiteral("heartbeat");

// One event, one line, flushed: a supervisor or test reads them as they happen.
void emitLine(QJsonObject event)
{
    event.insert(QStringLiteral("time"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);
}

QJsonObject eventJson(const ocpp::ChargerState &state, const ChargerEvent &e)
{
    QJsonObject o {{QStringLiteral("event"), chargerEventName(e.type)},
                   {QStringLiteral("id"), state.chargePointId}};
    const ocpp::ConnectorState &c = e.connector;
    switch (e.type) {
    case ChargerEvent::Type::Booted:
        o.insert(QStringLiteral("vendor"), state.vendor);
        o.insert(QStringLiteral("model"), state.model);
        o.insert(QStringLiteral("serialNumber"), state.serialNumber);
        o.insert(QStringLiteral("firmwareVersion"), state.firmwareVersion);
        break;
    case ChargerEvent::Type::Status:
    case ChargerEvent::Type::Fault:
        o.insert(QStringLiteral("connectorId"), e.connectorId);
        o.insert(QStringLiteral("status"), c.status);
        o.insert(QStringLiteral("errorCode"), c.errorCode);
        if (!c.info.isEmpty())
            o.insert(QStringLiteral("info"), c.info);
        break;
    case ChargerEvent::Type::Meter:
        o.insert(QStringLiteral("connectorId"), e.connectorId);
        if (c.energy)
            o.insert(QStringLiteral("energyWh"), c.energy->wattHours);
        if (c.power)
            o.insert(QStringLiteral("powerW"), c.power->watts);
        if (c.soc)
            o.insert(QStringLiteral("socPercent"), c.soc->percent);
        break;
    case ChargerEvent::Type::TransactionStarted:
    case ChargerEvent::Type::TransactionStopped:
        o.insert(QStringLiteral("connectorId"), e.connectorId);
        if (c.transaction) {
            o.insert(QStringLiteral("transactionId"), c.transaction->transactionId);
            o.insert(QStringLiteral("idTag"), c.transaction->idTag);
            o.insert(QStringLiteral("meterStartWh"), c.transaction->meterStartWh);
            if (c.transaction->meterStopWh) {
                o.insert(QStringLiteral("meterStopWh"), *c.transaction->meterStopWh);
                o.insert(QStringLiteral("energyWh"),
                         *c.transaction->meterStopWh - c.transaction->meterStartWh);
                o.insert(QStringLiteral("reason"), c.transaction->stopReason);
            }
        }
        break;
    default:
        break;
    }
    return o;
}

Outcome<void> runCsms(const Invocation &in)
{
    auto listen = hostPort(in.line.value(ListenOption), ocpp::CentralSystem::defaultPort, true);
    if (!listen.ok())
        return listen.failure();
    const QHostAddress address(
        listen->host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : listen->host);
    if (address.isNull())
        return usageFailure(QStringLiteral("--listen takes an IP address and port, e.g. "
                                           "127.0.0.1:8887 (0 as port: any free one)"));
    // Checked before starting, so a corrupt catalog is a clear failure, not an event.
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();

    DeviceNetwork::Options options;
    options.catalogPath = catalogPath(in);
    options.telemetryPath = telemetryPath(in);
    options.csmsAddress = address;
    options.csmsPort = listen->port;
    if (in.line.has(HeartbeatOption)) {
        bool ok = false;
        const int seconds = in.line.value(HeartbeatOption).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86400)
            return usageFailure(QStringLiteral("--heartbeat is 1 to 86400 seconds"));
        options.heartbeatIntervalSeconds = seconds;
    }
    DeviceNetwork network(options);
    QEventLoop loop;
    std::optional<Failure> failure;
    QHash<QString, ocpp::ChargerState> last;

    QObject::connect(&network.centralSystem(), &ocpp::CentralSystem::chargerChanged, &loop,
                     [&](const QString &id) {
                         const std::optional<ocpp::ChargerState> now
                             = network.centralSystem().charger(id);
                         if (!now) {
                             last.remove(id);
                             return;
                         }
                         const ocpp::ChargerState before = last.value(id);
                         last.insert(id, *now);
                         for (const ChargerEvent &e : chargerEvents(before, *now)) {
                             if (e.type != ChargerEvent::Type::Connected)
                                 emitLine(eventJson(*now, e));
                         }
                     });
    QObject::connect(&network, &DeviceNetwork::connectionRefused, &loop,
                     [](const QString &id, const QString &reason) {
                         emitLine({{QStringLiteral("event"), QStringLiteral("refused")},
                                   {QStringLiteral("id"), id},
                                   {QStringLiteral("reason"), reason}});
                     });
    QObject::connect(&network, &DeviceNetwork::started, &loop, [&](const QUrl &url) {
        emitLine({{QStringLiteral("event"), QStringLiteral("listening")},
                  {QStringLiteral("url"), url.toString()},
                  {QStringLiteral("port"), network.centralSystem().port()},
                  {QStringLiteral("chargers"), network.centralSystem().chargerIds().size()}});
    });
    QObject::connect(&network, &DeviceNetwork::failed, &loop, [&](const QString &what) {
        if (!network.centralSystem().isListening()) {
            failure = userFailure(QStringLiteral("csms-failed"),
                                  what
                                      + QStringLiteral(" — is another central system running "
                                                       "on that port?"));
            loop.quit();
        } else {
            emitLine({{QStringLiteral("event"), QStringLiteral("warning")},
                      {QStringLiteral("message"), what}});
        }
    });
    const auto interrupt = onInterrupt([&loop] { loop.quit(); });
    network.start();
    if (!failure)
        loop.exec();
    network.stop();
    if (failure)
        return *failure;
    emitLine({{QStringLiteral("event"), QStringLiteral("stopped")}});
    return {};
}

} // namespace

QList<Command> csmsCommands()
{
    Command csms = makeCommand(
        QStringLiteral("csms"), QString(), QStringLiteral("--listen HOST:PORT [--heartbeat S]"),
        QStringLiteral("run the OCPP central system headless for the catalog's chargers"),
        QStringLiteral(
            "Serves OCPP 1.6J on ws://HOST:PORT/<chargePointId> for every charger in the\n"
            "device catalog (security profile 1: the password from 'ovpp charger add'),\n"
            "records their readings (and the catalog's inverters') in the telemetry store,\n"
            "and prints one JSON line per event on standard output: listening, boot,\n"
            "status, meter, start, stop, fault, offline, online, disconnected, refused.\n"
            "Runs until SIGINT or SIGTERM, then prints {\"event\":\"stopped\"} and exits 0.\n\n"
            "Options:\n  --listen HOST:PORT  address to listen on (port 0: any free port)\n"
            "  --heartbeat S       heartbeat interval handed to chargers (default 60)\n"
            "  --devices FILE      the catalog (default: the app's)\n"
            "  --telemetry FILE    the telemetry store (default: next to the catalog)\n"),
        {ListenOption, HeartbeatOption, DevicesOption, TelemetryOption}, runCsms);
    csms.required = {ListenOption};
    return {csms};
}

} // namespace ovpp::cli
