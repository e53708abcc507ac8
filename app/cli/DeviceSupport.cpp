#include "DeviceSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ovpp::cli::device {

using namespace core;

namespace {

const QString DevicesOption = QStringLiteral("devices");
const QString TelemetryOption = QStringLiteral("telemetry");
const QString UnitOption = QStringLiteral("unit");

// The self-pipe: a signal handler may only write(); the event loop reads the other end.
int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

QString decimalText(qint64 value, int divisorDigits, int keptDigits)
{
    // Integer arithmetic: exact text of value / 10^divisorDigits with keptDigits decimals.
    const bool negative = value < 0;
    quint64 v = negative ? quint64(-(value + 1)) + 1 : quint64(value);
    quint64 divisor = 1;
    for (int i = 0; i < divisorDigits; ++i)
        divisor *= 10;
    quint64 keep = 1;
    for (int i = 0; i < keptDigits; ++i)
        keep *= 10;
    const quint64 scaled = (v * keep + divisor / 2) / divisor; // rounded half up
    QString text = QString::number(scaled / keep);
    if (keptDigits > 0)
        text += u'.' + QString::number(scaled % keep).rightJustified(keptDigits, u'0');
    return negative && scaled != 0 ? u'-' + text : text;
}

} // namespace

QString catalogPath(const Invocation &in)
{
    if (in.line.has(DevicesOption))
        return QFileInfo(in.line.value(DevicesOption)).absoluteFilePath();
    return DeviceCatalog::defaultPath();
}

QString telemetryPath(const Invocation &in)
{
    if (in.line.has(TelemetryOption))
        return QFileInfo(in.line.value(TelemetryOption)).absoluteFilePath();
    return QFileInfo(catalogPath(in)).absoluteDir().filePath(QStringLiteral("telemetry.sqlite"));
}

Outcome<std::unique_ptr<DeviceCatalog>> openCatalog(const Invocation &in)
{
    auto catalog = std::make_unique<DeviceCatalog>(catalogPath(in));
    if (Result<void> r = catalog->load(); !r)
        return failureFrom(
            r.error(),
            QStringLiteral("the device catalog %1").arg(QDir::toNativeSeparators(catalog->path())));
    return catalog;
}

Outcome<HostPort> hostPort(const QString &text, quint16 defaultPort, bool allowAnyPort)
{
    HostPort hp;
    hp.port = defaultPort;
    QString host = text.trimmed();
    QString port;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return usageFailure(QStringLiteral("'%1' is not HOST[:PORT]").arg(text));
        const QString rest = host.mid(close + 1);
        if (rest.startsWith(u':'))
            port = rest.mid(1);
        else if (!rest.isEmpty())
            return usageFailure(QStringLiteral("'%1' is not HOST[:PORT]").arg(text));
        host = host.mid(1, close - 1);
    } else if (host.count(u':') == 1) {
        port = host.section(u':', 1);
        host = host.section(u':', 0, 0);
    }
    if (host.isEmpty())
        return usageFailure(QStringLiteral("'%1' names no host").arg(text));
    if (!port.isNull()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p < (allowAnyPort ? 0u : 1u) || p > 65535)
            return usageFailure(QStringLiteral("'%1' is not a port (1 to 65535)").arg(port));
        hp.port = quint16(p);
    }
    hp.host = host;
    return hp;
}

Outcome<quint8> unitOption(const Invocation &in)
{
    if (!in.line.has(UnitOption))
        return quint8(1);
    bool ok = false;
    const uint unit = in.line.value(UnitOption).toUInt(&ok);
    if (!ok || unit > 255)
        return usageFailure(QStringLiteral("--unit is a Modbus unit id, 0 to 255"));
    return quint8(unit);
}

std::unique_ptr<QObject> onInterrupt(std::function<void()> handler)
{
    if (g_signalPipe[0] < 0) {
        if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return std::make_unique<QObject>();
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, nullptr);
    }
    auto owner = std::make_unique<QObject>();
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, owner.get());
    QObject::connect(notifier, &QSocketNotifier::activated, owner.get(),
                     [handler = std::move(handler)] {
                         char buffer[16];
                         while (::read(g_signalPipe[0], buffer, sizeof buffer) > 0) { }
                         handler();
                     });
    return owner;
}

QString kindName(PairedDevice::Kind kind)
{
    return kind == PairedDevice::Kind::Charger ? QStringLiteral("charger")
                                               : QStringLiteral("inverter");
}

QJsonObject deviceJson(const PairedDevice &d)
{
    QJsonObject o {
        {QStringLiteral("id"), d.id},
        {QStringLiteral("kind"), kindName(d.kind)},
        {QStringLiteral("label"), d.label},
        {QStringLiteral("manufacturer"), d.manufacturer},
        {QStringLiteral("model"), d.model},
        {QStringLiteral("serialNumber"), d.serialNumber},
        {QStringLiteral("firmwareVersion"), d.firmwareVersion},
        {QStringLiteral("pairedAt"), d.pairedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("registrySignature"),
         d.registrySignature.isEmpty() ? QJsonValue(QJsonValue::Null)
                                       : QJsonValue(d.registrySignature)},
    };
    if (d.kind == PairedDevice::Kind::Inverter) {
        o.insert(QStringLiteral("host"), d.host);
        o.insert(QStringLiteral("port"), int(d.port));
        o.insert(QStringLiteral("unitId"), int(d.unitId));
    }
    return o;
}

QString stateName(std::optional<quint16> st)
{
    if (!st)
        return QStringLiteral("unknown");
    static const char *const names[]
        = {"off", "sleeping", "starting", "mppt", "throttled", "shutting-down", "fault", "standby"};
    if (*st >= 1 && *st <= 8)
        return QString::fromLatin1(names[*st - 1]);
    return QStringLiteral("state-%1").arg(*st);
}

QString powerText(qint64 milliwatts)
{
    if (milliwatts >= 1'000'000 || milliwatts <= -1'000'000)
        return decimalText(milliwatts, 6, 2) + QStringLiteral(" kW");
    return decimalText(milliwatts, 3, 1) + QStringLiteral(" W");
}

QString energyText(qint64 wattHours)
{
    if (wattHours >= 10'000)
        return decimalText(wattHours, 3, 1) + QStringLiteral(" kWh");
    return QString::number(wattHours) + QStringLiteral(" Wh");
}

QJsonObject snapshotJson(const SunSpecSnapshot &s)
{
    QJsonObject o {{QStringLiteral("responded"), s.responded},
                   {QStringLiteral("sleeping"), s.sleeping}};
    auto put = [](QJsonObject &into, const char *key, const auto &value) {
        if (value)
            into.insert(QLatin1String(key), qint64(*value));
    };
    if (const auto &inv = s.inverter) {
        QJsonObject i {{QStringLiteral("modelId"), int(inv->modelId)},
                       {QStringLiteral("state"), stateName(inv->operatingState)}};
        put(i, "acPowerMilliwatts", inv->acPowerMilliwatts);
        put(i, "acCurrentMilliamps", inv->acCurrentMilliamps);
        put(i, "phaseVoltageAMillivolts", inv->phaseVoltageAMillivolts);
        put(i, "frequencyMillihertz", inv->frequencyMillihertz);
        put(i, "lifetimeEnergyWh", inv->lifetimeEnergyWh);
        put(i, "dcPowerMilliwatts", inv->dcPowerMilliwatts);
        put(i, "cabinetTemperatureMillicelsius", inv->cabinetTemperatureMillicelsius);
        put(i, "operatingState", inv->operatingState);
        o.insert(QStringLiteral("inverter"), i);
    }
    if (const auto &b = s.battery) {
        QJsonObject j;
        put(j, "capacityWh", b->capacityWh);
        put(j, "stateOfChargeMillipercent", b->stateOfChargeMillipercent);
        put(j, "powerMilliwatts", b->powerMilliwatts);
        put(j, "voltageMillivolts", b->voltageMillivolts);
        o.insert(QStringLiteral("battery"), j);
    }
    if (const auto &m = s.mppt) {
        QJsonArray modules;
        for (const SunSpecMpptModule &module : m->modules) {
            QJsonObject j {{QStringLiteral("inputId"), int(module.inputId)},
                           {QStringLiteral("label"), module.label}};
            put(j, "dcPowerMilliwatts", module.dcPowerMilliwatts);
            put(j, "dcVoltageMillivolts", module.dcVoltageMillivolts);
            put(j, "lifetimeEnergyWh", module.lifetimeEnergyWh);
            modules.append(j);
        }
        o.insert(QStringLiteral("mppt"), modules);
    }
    return o;
}

QStringList snapshotLines(const SunSpecSnapshot &s)
{
    QStringList lines;
    if (!s.responded)
        return {QStringLiteral("  no answer: the inverter sleeps (network off at night?)")};
    if (const auto &inv = s.inverter) {
        lines << QStringLiteral("  state:          %1").arg(stateName(inv->operatingState));
        if (inv->acPowerMilliwatts)
            lines << QStringLiteral("  AC power:       %1").arg(powerText(*inv->acPowerMilliwatts));
        if (inv->lifetimeEnergyWh)
            lines << QStringLiteral("  lifetime:       %1")
                         .arg(energyText(qint64(*inv->lifetimeEnergyWh)));
        if (inv->frequencyMillihertz)
            lines << QStringLiteral("  frequency:      %1 Hz")
                         .arg(decimalText(*inv->frequencyMillihertz, 3, 2));
    }
    if (const auto &b = s.battery) {
        if (b->stateOfChargeMillipercent)
            lines << QStringLiteral("  battery SoC:    %1 %")
                         .arg(decimalText(*b->stateOfChargeMillipercent, 3, 1));
        if (b->powerMilliwatts)
            lines << QStringLiteral("  battery power:  %1").arg(powerText(*b->powerMilliwatts));
    }
    if (const auto &m = s.mppt)
        lines << QStringLiteral("  MPPT inputs:    %1").arg(m->modules.size());
    return lines;
}

} // namespace ovpp::cli::device
