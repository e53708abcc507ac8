#include "DeviceCommands.h"

#include "ChainSupport.h"
#include "DeviceRegistration.h"
#include "DeviceSupport.h"
#include "crypto/Base58.h"
#include "der/registry/RegistryReader.h"
#include "der/sunspec/SunSpecClient.h"
#include "der/sunspec/SunSpecScanner.h"
#include "store/TelemetryStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace ovpp::cli {

using namespace core;
using namespace device;

namespace {

const QString Group = QStringLiteral("device");
const QString DevicesOption = QStringLiteral("devices");
const QString TelemetryOption = QStringLiteral("telemetry");
const QString UnitOption = QStringLiteral("unit");
const QString PortOption = QStringLiteral("port");
const QString LabelOption = QStringLiteral("label");
const QString YesOption = QStringLiteral("yes");
const QString RegisterOption = QStringLiteral("register");

// What discovery and one snapshot found at an address.
struct Probe
{
    SunSpecDeviceInfo info;
    SunSpecSnapshot snapshot;
};

Outcome<Probe> probe(const HostPort &target, quint8 unit)
{
    SunSpecClient client(SunSpecEndpoint {target.host, target.port, unit});
    const QString where
        = QStringLiteral("%1:%2 (unit %3)").arg(target.host).arg(target.port).arg(unit);
    Result<SunSpecDeviceInfo> info = device::await<SunSpecDeviceInfo>(
        [&](QObject *context, std::function<void(Result<SunSpecDeviceInfo>)> done) {
            client.discover(context, std::move(done));
        });
    if (!info)
        return userFailure(QStringLiteral("no-sunspec-device"),
                           QStringLiteral("no SunSpec device answered at %1: %2 — check the "
                                          "address, that Modbus TCP is on in the inverter's "
                                          "settings, and --unit")
                               .arg(where, describe(info.error())));
    Result<SunSpecSnapshot> snapshot = device::await<SunSpecSnapshot>(
        [&](QObject *context, std::function<void(Result<SunSpecSnapshot>)> done) {
            client.readSnapshot(context, std::move(done));
        });
    if (!snapshot)
        return userFailure(QStringLiteral("no-readings"),
                           QStringLiteral("%1 is a SunSpec device but its readings failed: %2")
                               .arg(where, describe(snapshot.error())));
    client.disconnectFromDevice();
    return Probe {*info, *snapshot};
}

QJsonObject probeJson(const Probe &p)
{
    QJsonArray models;
    for (const SunSpecModelEntry &m : p.info.models)
        models.append(QJsonObject {{QStringLiteral("id"), int(m.id)},
                                   {QStringLiteral("length"), int(m.length)},
                                   {QStringLiteral("address"), qint64(m.address)}});
    return {
        {QStringLiteral("host"), p.info.host},
        {QStringLiteral("port"), int(p.info.port)},
        {QStringLiteral("unitId"), int(p.info.unitId)},
        {QStringLiteral("id"),
         DeviceCatalog::inverterId(p.info.host, p.info.port, p.info.unitId,
                                   p.info.common.serialNumber)},
        {QStringLiteral("manufacturer"), p.info.common.manufacturer},
        {QStringLiteral("model"), p.info.common.model},
        {QStringLiteral("serialNumber"), p.info.common.serialNumber},
        {QStringLiteral("version"), p.info.common.version},
        {QStringLiteral("baseAddress"), qint64(p.info.baseAddress)},
        {QStringLiteral("models"), models},
        {QStringLiteral("readings"), snapshotJson(p.snapshot)},
    };
}

QStringList probeLines(const Probe &p)
{
    QStringList models;
    for (const SunSpecModelEntry &m : p.info.models)
        models << QString::number(m.id);
    QStringList lines {
        QStringLiteral("%1 %2 at %3:%4 (unit %5)")
            .arg(p.info.common.manufacturer, p.info.common.model, p.info.host)
            .arg(p.info.port)
            .arg(p.info.unitId),
        QStringLiteral("  serial number:  %1").arg(p.info.common.serialNumber),
        QStringLiteral("  version:        %1").arg(p.info.common.version),
        QStringLiteral("  SunSpec models: %1 (base %2)")
            .arg(models.join(QStringLiteral(", ")))
            .arg(p.info.baseAddress),
    };
    return lines + snapshotLines(p.snapshot);
}

Outcome<void> runProbe(const Invocation &in)
{
    auto target = hostPort(in.arguments.at(0), 502);
    if (!target.ok())
        return target.failure();
    auto unit = unitOption(in);
    if (!unit.ok())
        return unit.failure();
    auto found = probe(target.value(), unit.value());
    if (!found.ok())
        return found.failure();
    for (const QString &line : probeLines(found.value()))
        in.out.line(line);
    in.out.document(probeJson(found.value()));
    return {};
}

Outcome<void> runScan(const Invocation &in)
{
    auto hosts = SunSpecScanner::parseRange(in.arguments.at(0));
    if (!hosts)
        return usageFailure(QStringLiteral("%1 — give a network of at most %2 addresses, e.g. "
                                           "192.168.1.0/24, or a range 192.168.1.10-192.168.1.40")
                                .arg(describe(hosts.error()))
                                .arg(SunSpecScanner::kMaxHosts));
    SunSpecScanOptions options;
    if (in.line.has(PortOption)) {
        bool ok = false;
        const uint port = in.line.value(PortOption).toUInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return usageFailure(QStringLiteral("--port is 1 to 65535"));
        options.port = quint16(port);
    }
    auto unit = unitOption(in);
    if (!unit.ok())
        return unit.failure();
    options.unitId = unit.value();

    SunSpecScanner scanner;
    QObject::connect(&scanner, &SunSpecScanner::progress, &scanner, [&in](int scanned, int total) {
        in.out.note(QStringLiteral("scanned %1 of %2").arg(scanned).arg(total));
    });
    QObject::connect(&scanner, &SunSpecScanner::deviceFound, &scanner,
                     [&in](const SunSpecDeviceInfo &d) {
                         in.out.note(QStringLiteral("found %1 %2 at %3")
                                         .arg(d.common.manufacturer, d.common.model, d.host));
                     });
    const auto interrupt = onInterrupt([&scanner] { scanner.cancel(); });
    Result<QList<SunSpecDeviceInfo>> found = device::await<QList<SunSpecDeviceInfo>>(
        [&](QObject *context, std::function<void(Result<QList<SunSpecDeviceInfo>>)> done) {
            const Result<void> started = scanner.start(*hosts, options, context, done);
            if (!started)
                done(started.error());
        });
    if (!found) {
        if (found.error().code == ErrorCode::Cancelled)
            return userFailure(QStringLiteral("cancelled"), QStringLiteral("scan cancelled"));
        return failureFrom(found.error(), in.arguments.at(0));
    }
    QJsonArray devices;
    for (const SunSpecDeviceInfo &d : *found) {
        in.out.line(QStringLiteral("%1:%2  unit %3  %4 %5  serial %6")
                        .arg(d.host)
                        .arg(d.port)
                        .arg(d.unitId)
                        .arg(d.common.manufacturer, d.common.model, d.common.serialNumber));
        devices.append(QJsonObject {{QStringLiteral("host"), d.host},
                                    {QStringLiteral("port"), int(d.port)},
                                    {QStringLiteral("unitId"), int(d.unitId)},
                                    {QStringLiteral("manufacturer"), d.common.manufacturer},
                                    {QStringLiteral("model"), d.common.model},
                                    {QStringLiteral("serialNumber"), d.common.serialNumber}});
    }
    if (found->isEmpty())
        in.out.line(QStringLiteral("no SunSpec devices found in %1 hosts").arg(hosts->size()));
    in.out.document(
        {{QStringLiteral("scanned"), hosts->size()}, {QStringLiteral("devices"), devices}});
    return {};
}

Outcome<void> runPair(const Invocation &in)
{
    auto target = hostPort(in.arguments.at(0), 502);
    if (!target.ok())
        return target.failure();
    auto unit = unitOption(in);
    if (!unit.ok())
        return unit.failure();
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    auto found = probe(target.value(), unit.value());
    if (!found.ok())
        return found.failure();
    const SunSpecDeviceInfo &info = found->info;

    PairedDevice device;
    device.id
        = DeviceCatalog::inverterId(info.host, info.port, info.unitId, info.common.serialNumber);
    device.kind = PairedDevice::Kind::Inverter;
    device.label = in.line.value(LabelOption);
    device.manufacturer = info.common.manufacturer;
    device.model = info.common.model;
    device.serialNumber = info.common.serialNumber;
    device.firmwareVersion = info.common.version;
    device.host = info.host;
    device.port = info.port;
    device.unitId = info.unitId;
    device.pairedAt = QDateTime::currentDateTimeUtc();
    if (catalog.value()->contains(device.id))
        return userFailure(
            QStringLiteral("already-paired"),
            QStringLiteral("%1 %2 (serial %3) is already paired as %4 — see 'ovpp "
                           "device show %4'")
                .arg(device.manufacturer, device.model, device.serialNumber, device.id));
    // Checked before pairing, so that a registration that cannot happen changes nothing.
    if (in.line.has(RegisterOption)) {
        if (const std::optional<Failure> why = notRegistrable(device)) {
            Failure failure = *why;
            failure.message += QStringLiteral(" (nothing was paired; pair it without --register, "
                                              "then 'ovpp device register')");
            return failure;
        }
    }
    for (const QString &line : probeLines(found.value()))
        in.out.note(line);
    if (!in.line.has(YesOption)
        && !chain::confirm(QStringLiteral("Pair %1 %2, serial %3?")
                               .arg(device.manufacturer, device.model, device.serialNumber)))
        return userFailure(QStringLiteral("cancelled"),
                           QStringLiteral("not paired (answer y, or pass --yes)"));
    if (Result<void> r = catalog.value()->add(device); !r)
        return failureFrom(r.error(), QDir::toNativeSeparators(catalog.value()->path()));
    in.out.line(QStringLiteral("Paired %1: %2 %3, serial %4")
                    .arg(device.id, device.manufacturer, device.model, device.serialNumber));

    QJsonObject result = deviceJson(device);
    if (in.line.has(RegisterOption)) {
        // The same registration as `ovpp device register ID`: one device, one transaction.
        auto sent = registerDevices(in, *catalog.value(), {device});
        if (!sent.ok())
            return sent.failure();
        const QString signature = sent->first().send.signature;
        in.out.line(QStringLiteral("Registered on chain: %1").arg(signature));
        result.insert(QStringLiteral("registrySignature"), signature);
    }
    in.out.document(result);
    return {};
}

QString deviceLine(const PairedDevice &d)
{
    const QString where = d.kind == PairedDevice::Kind::Inverter
        ? QStringLiteral("%1:%2/%3").arg(d.host).arg(d.port).arg(d.unitId)
        : QStringLiteral("-");
    QString what = (d.manufacturer + u' ' + d.model).trimmed();
    if (what.isEmpty())
        what = QStringLiteral("(not seen yet)");
    return QStringLiteral("%1  %2  %3  %4  %5")
        .arg(d.id.leftJustified(16), kindName(d.kind).leftJustified(8), what, where,
             d.label.isEmpty() ? QString() : u'"' + d.label + u'"')
        .trimmed();
}

Outcome<void> runList(const Invocation &in)
{
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    QJsonArray devices;
    for (const PairedDevice &d : catalog.value()->devices()) {
        in.out.line(deviceLine(d) + QStringLiteral("  ")
                    + (d.registrySignature.isEmpty() ? QStringLiteral("not registered")
                                                     : QStringLiteral("registered")));
        devices.append(deviceJson(d));
    }
    if (devices.isEmpty())
        in.out.line(QStringLiteral("no paired devices — 'ovpp device pair HOST' or 'ovpp charger "
                                   "add'"));
    in.out.document({{QStringLiteral("devices"), devices}});
    return {};
}

Outcome<PairedDevice> findDevice(const DeviceCatalog &catalog, const QString &id)
{
    const std::optional<PairedDevice> d = catalog.device(id);
    if (!d)
        return userFailure(QStringLiteral("not-found"),
                           QStringLiteral("no paired device %1 — see 'ovpp device list'").arg(id));
    return *d;
}

Outcome<void> runShow(const Invocation &in)
{
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    auto device = findDevice(*catalog.value(), in.arguments.at(0));
    if (!device.ok())
        return device.failure();
    const PairedDevice &d = device.value();
    in.out.line(deviceLine(d));
    if (!d.serialNumber.isEmpty())
        in.out.line(QStringLiteral("  serial number:  %1").arg(d.serialNumber));
    if (!d.firmwareVersion.isEmpty())
        in.out.line(QStringLiteral("  firmware:       %1").arg(d.firmwareVersion));
    in.out.line(QStringLiteral("  paired:         %1").arg(d.pairedAt.toString(Qt::ISODate)));
    in.out.line(
        QStringLiteral("  registered:     %1")
            .arg(d.registrySignature.isEmpty() ? QStringLiteral("no") : d.registrySignature));

    // The latest readings the app (or `ovpp csms`) stored; only an existing store is opened.
    QJsonObject latest;
    const QString storePath = telemetryPath(in);
    if (QFileInfo::exists(storePath)) {
        auto store = TelemetryStore::open(storePath);
        if (!store)
            return failureFrom(store.error(), QDir::toNativeSeparators(storePath));
        const Result<qint64> id = (*store)->deviceId(d.id);
        if (!id)
            return failureFrom(id.error(), QDir::toNativeSeparators(storePath));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const struct
        {
            TelemetryKind kind;
            const char *key;
        } kinds[] = {{TelemetryKind::AcPowerMilliwatts, "acPowerMilliwatts"},
                     {TelemetryKind::EnergyWattHours, "energyWh"},
                     {TelemetryKind::StateOfChargePermille, "stateOfChargePermille"},
                     {TelemetryKind::DeviceStatus, "status"}};
        for (const auto &k : kinds) {
            // The last week of raw readings: enough for "latest" without scanning a year.
            auto rows = (*store)->readings(*id, k.kind, now - 7 * TelemetryStore::kDayMs,
                                           now + TelemetryStore::kDayMs);
            if (!rows)
                return failureFrom(rows.error(), QDir::toNativeSeparators(storePath));
            if (rows->isEmpty())
                continue;
            const TelemetrySample &s = rows->last();
            latest.insert(QLatin1String(k.key),
                          QJsonObject {{QStringLiteral("value"), s.value},
                                       {QStringLiteral("at"),
                                        QDateTime::fromMSecsSinceEpoch(s.tsMs).toUTC().toString(
                                            Qt::ISODateWithMs)}});
            QString text;
            switch (k.kind) {
            case TelemetryKind::AcPowerMilliwatts:
                text = QStringLiteral("  power:          %1").arg(powerText(s.value));
                break;
            case TelemetryKind::EnergyWattHours:
                text = QStringLiteral("  energy:         %1").arg(energyText(s.value));
                break;
            case TelemetryKind::StateOfChargePermille:
                text = QStringLiteral("  state of charge: %1.%2 %")
                           .arg(s.value / 10)
                           .arg(s.value % 10);
                break;
            default:
                text = QStringLiteral("  status:         %1")
                           .arg(d.kind == PairedDevice::Kind::Inverter ? stateName(quint16(s.value))
                                                                       : QString::number(s.value));
                break;
            }
            in.out.line(text + QStringLiteral("  (")
                        + QDateTime::fromMSecsSinceEpoch(s.tsMs).toString(
                            QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                        + u')');
        }
    }
    if (latest.isEmpty())
        in.out.line(QStringLiteral("  no readings yet (the app or 'ovpp csms' records them)"));
    QJsonObject result = deviceJson(d);
    result.insert(QStringLiteral("latest"), latest);
    in.out.document(result);
    return {};
}

Outcome<void> runRemove(const Invocation &in)
{
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    auto device = findDevice(*catalog.value(), in.arguments.at(0));
    if (!device.ok())
        return device.failure();
    if (Result<void> r = catalog.value()->remove(device->id); !r)
        return failureFrom(r.error(), QDir::toNativeSeparators(catalog.value()->path()));
    in.out.line(QStringLiteral("Removed %1").arg(device->id));
    in.out.document({{QStringLiteral("removed"), device->id}});
    return {};
}

Outcome<void> runRegistry(const Invocation &in)
{
    auto owner = chain::address(in.arguments.at(0), QStringLiteral("the wallet address"));
    if (!owner.ok())
        return owner.failure();
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    const auto rpc = chain::client(cluster.value());
    RegistryReader reader(rpc.get());
    Result<RegistryListing> listing = chain::await(reader.listDevices(owner.value()));
    if (!listing)
        return chain::rpcFailure(listing.error(), cluster.value());
    QJsonArray devices;
    for (const RegisteredDevice &d : listing->devices) {
        const QString serialHash = base58::encode(d.record.serialHash);
        in.out.line(QStringLiteral("%1  %2  %3 %4  %5  %6")
                        .arg(d.record.deviceId, d.record.kind, d.record.manufacturer,
                             d.record.model,
                             d.retired ? QStringLiteral("retired") : QStringLiteral("active"),
                             d.signature));
        devices.append(QJsonObject {
            {QStringLiteral("id"), d.record.deviceId},
            {QStringLiteral("kind"), d.record.kind},
            {QStringLiteral("manufacturer"), d.record.manufacturer},
            {QStringLiteral("model"), d.record.model},
            {QStringLiteral("serialHash"), serialHash},
            {QStringLiteral("retired"), d.retired},
            {QStringLiteral("signature"), d.signature},
            {QStringLiteral("slot"), chain::units(d.slot)},
        });
    }
    if (devices.isEmpty())
        in.out.line(QStringLiteral("%1 has registered no devices").arg(owner->toBase58()));
    if (listing->truncated)
        in.out.note(QStringLiteral("the history is longer than was read; older entries are "
                                   "missing"));
    in.out.document({{QStringLiteral("owner"), owner->toBase58()},
                     {QStringLiteral("devices"), devices},
                     {QStringLiteral("malformed"), listing->malformed},
                     {QStringLiteral("truncated"), listing->truncated}});
    return {};
}

} // namespace

QList<Command> deviceCommands()
{
    const QStringList catalogOptions {DevicesOption};
    Command probeCommand = makeCommand(
        Group, QStringLiteral("probe"), QStringLiteral("HOST[:PORT] [--unit N]"),
        QStringLiteral("find a SunSpec inverter at an address and show its readings"),
        QStringLiteral("Connects over Modbus TCP (port 502 unless given), finds the SunSpec map,\n"
                       "reads the common model (manufacturer, model, serial) and the current\n"
                       "readings. Nothing is stored.\n\n"
                       "Options:\n  --unit N    Modbus unit id (default 1)\n"),
        {UnitOption, DevicesOption}, runProbe);
    probeCommand.minArguments = probeCommand.maxArguments = 1;

    Command scanCommand = makeCommand(
        Group, QStringLiteral("scan"), QStringLiteral("CIDR [--port P] [--unit N]"),
        QStringLiteral("look for SunSpec inverters on a local network"),
        QStringLiteral("Probes every address of a network of at most 256 addresses (a /24, or\n"
                       "FIRST-LAST), several at a time. Progress goes to standard error; Ctrl+C\n"
                       "stops the scan.\n\n"
                       "Options:\n  --port P    Modbus TCP port (default 502)\n"
                       "  --unit N    Modbus unit id (default 1)\n"),
        {PortOption, UnitOption, DevicesOption}, runScan);
    scanCommand.minArguments = scanCommand.maxArguments = 1;

    QStringList pairOptions {UnitOption, LabelOption, YesOption, RegisterOption, DevicesOption};
    pairOptions += registrationOptions();
    pairOptions.removeDuplicates();
    Command pairCommand = makeCommand(
        Group, QStringLiteral("pair"),
        QStringLiteral("HOST[:PORT] [--unit N] [--label TEXT] [--yes] [--register]"),
        QStringLiteral("pair an inverter: probe it and add it to the device catalog"),
        QStringLiteral(
            "Probes the inverter, shows manufacturer, model and serial number, asks to\n"
            "confirm (unless --yes) and adds it to the device catalog the app polls.\n"
            "With --register, also publishes the registry memo (docs/registry-format.md)\n"
            "signed by your wallet account, and keeps the signature ('ovpp device register'\n"
            "does the same later).\n\n"
            "Options:\n  --unit N          Modbus unit id (default 1)\n"
            "  --label TEXT      your name for it\n"
            "  --yes             do not ask\n"
            "  --register        register on chain: --keypair FILE, or --vault/--account with\n"
            "                    the password prompt or --password-file; --url (default l)\n"
            "  --devices FILE    the catalog (default: the app's)\n"),
        pairOptions, runPair);
    pairCommand.minArguments = pairCommand.maxArguments = 1;

    Command listCommand = makeCommand(Group, QStringLiteral("list"), QString(),
                                      QStringLiteral("list the paired devices"),
                                      QStringLiteral("Options:\n  --devices FILE    the catalog "
                                                     "(default: the app's)\n"),
                                      catalogOptions, runList);

    Command showCommand = makeCommand(
        Group, QStringLiteral("show"), QStringLiteral("ID"),
        QStringLiteral("show a paired device and its latest readings"),
        QStringLiteral("The catalog entry and the latest readings from the telemetry store.\n\n"
                       "Options:\n  --devices FILE    the catalog (default: the app's)\n"
                       "  --telemetry FILE  the telemetry store (default: next to the catalog)\n"),
        {DevicesOption, TelemetryOption}, runShow);
    showCommand.minArguments = showCommand.maxArguments = 1;

    Command removeCommand = makeCommand(
        Group, QStringLiteral("remove"), QStringLiteral("ID"),
        QStringLiteral("remove a device from the catalog"),
        QStringLiteral("Forgets the device (a charger's key stops working). Its readings stay in\n"
                       "the telemetry store; an on-chain registration stays until retired.\n"),
        catalogOptions, runRemove);
    removeCommand.minArguments = removeCommand.maxArguments = 1;

    Command registryCommand = makeCommand(
        Group, QStringLiteral("registry"), QStringLiteral("ADDRESS"),
        QStringLiteral("list the devices a wallet registered on chain"),
        QStringLiteral(
            "Reads the wallet's registry memos back from the chain (--url, default l).\n"),
        chain::clusterOptions() + QStringList {DevicesOption}, runRegistry);
    registryCommand.minArguments = registryCommand.maxArguments = 1;

    return {probeCommand, scanCommand, pairCommand,   registerCommand(),
            listCommand,  showCommand, removeCommand, registryCommand};
}

} // namespace ovpp::cli
