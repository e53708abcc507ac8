#include "DeviceNetwork.h"

#include "ChargerEvents.h"
#include "DeviceCatalog.h"
#include "der/Poller.h"
#include "der/ocpp/CentralSystem.h"
#include "der/sunspec/SunSpecClient.h"
#include "store/TelemetryStore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcDeviceNetwork, "ovpp.der.network")

namespace ovpp::core {

namespace {

// Telemetry rows are written in one transaction per batch: at most this often, or sooner when
// this many readings are waiting (a fleet's MeterValues).
constexpr int kFlushIntervalMs = 1000;
constexpr qsizetype kFlushReadings = 2000;

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<ovpp::core::PairedDevice>();
        qRegisterMetaType<QList<ovpp::core::PairedDevice>>();
        qRegisterMetaType<ovpp::core::InverterStatus>();
        qRegisterMetaType<ovpp::core::ocpp::ChargerState>();
        qRegisterMetaType<QList<ovpp::core::ocpp::ChargerState>>();
        qRegisterMetaType<ovpp::core::Poller::Availability>();
        return true;
    }();
    Q_UNUSED(once);
}

QString chargerFaultText(const ChargerEvent &e)
{
    QString text = QStringLiteral("connector %1: %2").arg(e.connectorId).arg(e.connector.errorCode);
    if (!e.connector.info.isEmpty())
        text += QStringLiteral(" (%1)").arg(e.connector.info);
    return text;
}

} // namespace

struct DeviceNetwork::Private
{
    struct Inverter
    {
        PairedDevice device;
        SunSpecClient *client = nullptr;
        quint64 endpoint = 0;
        InverterStatus status;
    };

    DeviceNetwork *q = nullptr;
    Options options;
    DeviceCatalog catalog;
    std::unique_ptr<TelemetryStore> store;
    ocpp::CentralSystem *centralSystem = nullptr;
    Poller *poller = nullptr;
    QTimer *batchTimer = nullptr;
    QTimer *flushTimer = nullptr;
    bool running = false;

    QHash<QString, Inverter> inverters;
    QHash<quint64, QString> inverterByEndpoint;
    // The verifier each charger was added with, to notice a charger paired again with a new key.
    QHash<QString, QByteArray> chargerDigests;
    QHash<QString, ocpp::ChargerState> lastChargerState;
    QSet<QString> dirtyChargers;
    QHash<QString, qint64> telemetryIds;
    QList<TelemetryReading> pendingReadings;

    explicit Private(DeviceNetwork *owner, Options o)
        : q(owner)
        , options(std::move(o))
        , catalog(options.catalogPath)
    { }

    std::optional<qint64> telemetryId(const QString &key)
    {
        if (!store)
            return std::nullopt;
        const auto it = telemetryIds.constFind(key);
        if (it != telemetryIds.constEnd())
            return *it;
        Result<qint64> id = store->deviceId(key);
        if (!id) {
            qCWarning(lcDeviceNetwork).noquote() << "telemetry:" << describe(id.error());
            return std::nullopt;
        }
        telemetryIds.insert(key, *id);
        return *id;
    }

    void record(const QString &key, TelemetryKind kind, qint64 tsMs, qint64 value)
    {
        const std::optional<qint64> id = telemetryId(key);
        if (!id || tsMs < 0)
            return;
        pendingReadings.append(TelemetryReading {*id, kind, tsMs, value});
        if (pendingReadings.size() >= kFlushReadings)
            flush();
        else if (!flushTimer->isActive())
            flushTimer->start();
    }

    void flush()
    {
        flushTimer->stop();
        if (pendingReadings.isEmpty() || !store)
            return;
        const Result<void> written = store->append(pendingReadings);
        if (!written)
            qCWarning(lcDeviceNetwork).noquote()
                << "cannot write" << pendingReadings.size()
                << "telemetry readings:" << describe(written.error());
        pendingReadings.clear();
    }

    // ---- inverters ----

    void addInverter(const PairedDevice &device)
    {
        Inverter inv;
        inv.device = device;
        inv.status.deviceId = device.id;
        inv.client = new SunSpecClient(SunSpecEndpoint {device.host, device.port, device.unitId},
                                       SunSpecClientOptions {}, q);
        QPointer<SunSpecClient> client = inv.client;
        const QString id = device.id;
        Poller::Options po;
        po.intervalMs = std::max(options.inverterIntervalMs, 100);
        inv.endpoint = poller->addEndpoint(
            QStringLiteral("inverter %1").arg(id), po, [this, client, id](Poller::Done done) {
                if (!client) {
                    done(makeError(ErrorCode::Unavailable, QStringLiteral("inverter removed")));
                    return;
                }
                client->readSnapshot(client, [this, id, done](Result<SunSpecSnapshot> snapshot) {
                    onSnapshot(id, snapshot);
                    done(snapshot ? Result<void> {} : Result<void>(snapshot.error()));
                });
            });
        inverterByEndpoint.insert(inv.endpoint, id);
        inverters.insert(id, inv);
    }

    void removeInverter(const QString &id)
    {
        const auto it = inverters.find(id);
        if (it == inverters.end())
            return;
        poller->removeEndpoint(it->endpoint);
        inverterByEndpoint.remove(it->endpoint);
        it->client->disconnectFromDevice();
        it->client->deleteLater();
        inverters.erase(it);
    }

    void onSnapshot(const QString &id, const Result<SunSpecSnapshot> &result)
    {
        const auto it = inverters.find(id);
        if (it == inverters.end())
            return;
        InverterStatus &s = it->status;
        if (!result) {
            s.lastError = describe(result.error());
            Q_EMIT q->inverterChanged(s);
            return;
        }
        const SunSpecSnapshot &snap = *result;
        const bool wasFault = s.inverter && s.inverter->state() == SunSpecOperatingState::Fault;
        s.lastError.clear();
        s.sleeping = snap.sleeping;
        s.inverter = snap.inverter;
        s.mppt = snap.mppt;
        s.battery = snap.battery;
        if (snap.responded) {
            s.measuredAt = QDateTime::currentDateTimeUtc();
            const qint64 ts = s.measuredAt.toMSecsSinceEpoch();
            if (const auto &inv = snap.inverter) {
                if (inv->acPowerMilliwatts)
                    record(id, TelemetryKind::AcPowerMilliwatts, ts, *inv->acPowerMilliwatts);
                if (inv->lifetimeEnergyWh)
                    record(id, TelemetryKind::EnergyWattHours, ts,
                           static_cast<qint64>(*inv->lifetimeEnergyWh));
                if (inv->operatingState)
                    record(id, TelemetryKind::DeviceStatus, ts, *inv->operatingState);
                if (inv->phaseVoltageAMillivolts)
                    record(id, TelemetryKind::VoltageMillivolts, ts, *inv->phaseVoltageAMillivolts);
                if (inv->acCurrentMilliamps)
                    record(id, TelemetryKind::CurrentMilliamps, ts, *inv->acCurrentMilliamps);
                if (inv->cabinetTemperatureMillicelsius)
                    record(id, TelemetryKind::TemperatureMillicelsius, ts,
                           *inv->cabinetTemperatureMillicelsius);
            }
            if (snap.battery && snap.battery->stateOfChargeMillipercent)
                record(id, TelemetryKind::StateOfChargePermille, ts,
                       *snap.battery->stateOfChargeMillipercent / 100);
        }
        Q_EMIT q->inverterChanged(s);
        if (!wasFault && s.inverter && s.inverter->state() == SunSpecOperatingState::Fault)
            Q_EMIT q->deviceFaulted(id, QStringLiteral("the inverter reports a fault"));
    }

    void onAvailability(quint64 endpoint, Poller::Availability availability)
    {
        const QString id = inverterByEndpoint.value(endpoint);
        const auto it = inverters.find(id);
        if (it == inverters.end())
            return;
        const Poller::Availability before = it->status.availability;
        it->status.availability = availability;
        if (availability == Poller::Availability::Offline) {
            it->status.inverter.reset();
            it->status.mppt.reset();
            it->status.battery.reset();
            Q_EMIT q->deviceOffline(id);
        } else if (availability == Poller::Availability::Online
                   && before == Poller::Availability::Offline) {
            Q_EMIT q->deviceOnline(id);
        }
        Q_EMIT q->inverterChanged(it->status);
    }

    // ---- chargers ----

    void syncChargers(const QList<PairedDevice> &devices)
    {
        QSet<QString> wanted;
        for (const PairedDevice &d : devices) {
            if (d.kind != PairedDevice::Kind::Charger)
                continue;
            const Result<ChargerVerifier> v = catalog.chargerVerifier(d.id);
            if (!v)
                continue;
            wanted.insert(d.id);
            const auto known = chargerDigests.constFind(d.id);
            if (known != chargerDigests.constEnd() && *known == v->digest)
                continue;
            if (known != chargerDigests.constEnd())
                centralSystem->removeCharger(d.id); // paired again with a new key
            const Result<void> added = centralSystem->addChargerVerifier(d.id, v->salt, v->digest);
            if (!added) {
                qCWarning(lcDeviceNetwork).noquote()
                    << "charger" << d.id << describe(added.error());
                continue;
            }
            chargerDigests.insert(d.id, v->digest);
        }
        const QStringList present = chargerDigests.keys();
        for (const QString &id : present) {
            if (wanted.contains(id))
                continue;
            chargerDigests.remove(id);
            centralSystem->removeCharger(id);
            lastChargerState.remove(id);
            dirtyChargers.remove(id);
        }
    }

    void onChargerChanged(const QString &id)
    {
        const std::optional<ocpp::ChargerState> now = centralSystem->charger(id);
        if (!now)
            return;
        const ocpp::ChargerState before = lastChargerState.value(id);
        lastChargerState.insert(id, *now);
        dirtyChargers.insert(id);
        if (!batchTimer->isActive())
            batchTimer->start();
        for (const ChargerEvent &e : chargerEvents(before, *now))
            handleChargerEvent(*now, e);
    }

    void handleChargerEvent(const ocpp::ChargerState &state, const ChargerEvent &e)
    {
        const QString &id = state.chargePointId;
        switch (e.type) {
        case ChargerEvent::Type::Booted:
            learnFromBoot(state);
            Q_EMIT q->chargerBooted(id, state.vendor, state.model, state.serialNumber);
            break;
        case ChargerEvent::Type::Offline:
            Q_EMIT q->deviceOffline(id);
            break;
        case ChargerEvent::Type::Online:
            Q_EMIT q->deviceOnline(id);
            break;
        case ChargerEvent::Type::Fault:
            Q_EMIT q->deviceFaulted(id, chargerFaultText(e));
            break;
        case ChargerEvent::Type::Meter: {
            // One series per charger; further connectors of a multi-outlet charger get their own.
            const QString key
                = e.connectorId <= 1 ? id : QStringLiteral("%1/%2").arg(id).arg(e.connectorId);
            const ocpp::ConnectorState &c = e.connector;
            const ocpp::ConnectorState was = lastRecorded.value(key);
            if (c.power && (!was.power || was.power->measuredAt != c.power->measuredAt))
                record(key, TelemetryKind::AcPowerMilliwatts,
                       c.power->measuredAt.toMSecsSinceEpoch(),
                       std::llround(c.power->watts * 1000.0));
            if (c.energy && (!was.energy || was.energy->measuredAt != c.energy->measuredAt))
                record(key, TelemetryKind::EnergyWattHours,
                       c.energy->measuredAt.toMSecsSinceEpoch(), c.energy->wattHours);
            if (c.soc && (!was.soc || was.soc->measuredAt != c.soc->measuredAt))
                record(key, TelemetryKind::StateOfChargePermille,
                       c.soc->measuredAt.toMSecsSinceEpoch(), std::llround(c.soc->percent * 10.0));
            lastRecorded.insert(key, c);
            break;
        }
        default:
            break;
        }
    }
    QHash<QString, ocpp::ConnectorState> lastRecorded;

    // BootNotification fills in what the user did not type at pairing. Written later and in
    // one go: a fleet booting at once must not cost a catalog write (and fsync) per charger
    // while the chargers wait for their BootNotification answers.
    void learnFromBoot(const ocpp::ChargerState &state)
    {
        const std::optional<PairedDevice> entry = catalog.device(state.chargePointId);
        if (!entry)
            return;
        if (!entry->manufacturer.isEmpty() && !entry->model.isEmpty()
            && !entry->serialNumber.isEmpty() && !entry->firmwareVersion.isEmpty())
            return;
        bootInfo.insert(state.chargePointId, state);
        if (!bootTimer->isActive())
            bootTimer->start();
    }

    void writeBootInfo()
    {
        if (bootInfo.isEmpty())
            return;
        const QHash<QString, ocpp::ChargerState> pending = std::exchange(bootInfo, {});
        if (Result<void> r = catalog.reload(); !r) {
            qCWarning(lcDeviceNetwork).noquote() << "catalog:" << describe(r.error());
            return;
        }
        auto fill = [](QString &field, const QString &value) {
            if (field.isEmpty())
                field = value;
        };
        QList<PairedDevice> changed;
        for (const ocpp::ChargerState &state : pending) {
            const std::optional<PairedDevice> entry = catalog.device(state.chargePointId);
            if (!entry) // removed meanwhile
                continue;
            PairedDevice updated = *entry;
            fill(updated.manufacturer, state.vendor);
            fill(updated.model, state.model);
            fill(updated.serialNumber, state.serialNumber);
            fill(updated.firmwareVersion, state.firmwareVersion);
            if (!(updated == *entry))
                changed.append(updated);
        }
        if (changed.isEmpty())
            return;
        if (Result<void> r = catalog.updateMany(changed); !r)
            qCWarning(lcDeviceNetwork).noquote() << "catalog:" << describe(r.error());
        else
            Q_EMIT q->devicesChanged(catalog.devices());
    }
    QHash<QString, ocpp::ChargerState> bootInfo;
    QTimer *bootTimer = nullptr;

    void emitChargerBatch()
    {
        QList<ocpp::ChargerState> batch;
        batch.reserve(dirtyChargers.size());
        for (const QString &id : std::as_const(dirtyChargers)) {
            const auto it = lastChargerState.constFind(id);
            if (it != lastChargerState.constEnd())
                batch.append(*it);
        }
        dirtyChargers.clear();
        if (!batch.isEmpty())
            Q_EMIT q->chargersChanged(batch);
    }

    void syncInverters(const QList<PairedDevice> &devices)
    {
        QSet<QString> wanted;
        for (const PairedDevice &d : devices) {
            if (d.kind != PairedDevice::Kind::Inverter)
                continue;
            wanted.insert(d.id);
            const auto it = inverters.constFind(d.id);
            if (it != inverters.constEnd()
                && (it->device.host != d.host || it->device.port != d.port
                    || it->device.unitId != d.unitId))
                removeInverter(d.id); // moved: poll the new address
            if (!inverters.contains(d.id))
                addInverter(d);
            else
                inverters[d.id].device = d;
        }
        const QStringList present = inverters.keys();
        for (const QString &id : present) {
            if (!wanted.contains(id))
                removeInverter(id);
        }
    }

    void sync()
    {
        const QList<PairedDevice> devices = catalog.devices();
        syncInverters(devices);
        syncChargers(devices);
        Q_EMIT q->devicesChanged(devices);
    }
};

DeviceNetwork::DeviceNetwork(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
    registerMetaTypes();
    // Children, so that moveToThread() takes them along.
    d->centralSystem = new ocpp::CentralSystem(this);
    d->poller = new Poller(this);
    d->batchTimer = new QTimer(this);
    d->batchTimer->setSingleShot(true);
    d->batchTimer->setInterval(std::max(d->options.chargerBatchMs, 0));
    d->bootTimer = new QTimer(this);
    d->bootTimer->setSingleShot(true);
    d->bootTimer->setInterval(kFlushIntervalMs);
    connect(d->bootTimer, &QTimer::timeout, this, [this] { d->writeBootInfo(); });
    d->flushTimer = new QTimer(this);
    d->flushTimer->setSingleShot(true);
    d->flushTimer->setInterval(kFlushIntervalMs);
    connect(d->batchTimer, &QTimer::timeout, this, [this] { d->emitChargerBatch(); });
    connect(d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
    connect(d->poller, &Poller::availabilityChanged, this,
            [this](quint64 endpoint, Poller::Availability a) { d->onAvailability(endpoint, a); });
    connect(d->centralSystem, &ocpp::CentralSystem::chargerChanged, this,
            [this](const QString &id) { d->onChargerChanged(id); });
    connect(d->centralSystem, &ocpp::CentralSystem::connectionRefused, this,
            [this](const QString &id, int, const QString &reason) {
                Q_EMIT connectionRefused(id, reason);
            });
}

DeviceNetwork::~DeviceNetwork()
{
    stop();
    // While `d` is still alive: closing the chargers' sessions emits chargerChanged, and our
    // handlers use `d`.
    d->centralSystem->disconnect(this);
    d->poller->disconnect(this);
    delete d->centralSystem;
    delete d->poller;
    d->centralSystem = nullptr;
    d->poller = nullptr;
}

const DeviceCatalog &DeviceNetwork::catalog() const
{
    return d->catalog;
}

ocpp::CentralSystem &DeviceNetwork::centralSystem()
{
    return *d->centralSystem;
}

void DeviceNetwork::start()
{
    if (d->running)
        return;
    d->running = true;
    QStringList problems;
    if (Result<void> r = d->catalog.load(); !r)
        problems.append(describe(r.error()));
    if (!d->options.telemetryPath.isEmpty()) {
        // On a first start the data folder may not exist yet; SQLite creates files, not folders.
        QDir().mkpath(QFileInfo(d->options.telemetryPath).absolutePath());
        auto store = TelemetryStore::open(d->options.telemetryPath);
        if (store)
            d->store = std::move(store.value());
        else
            problems.append(describe(store.error()));
    }
    d->centralSystem->setHeartbeatIntervalSeconds(d->options.heartbeatIntervalSeconds);
    d->sync();
    const Result<void> listening
        = d->centralSystem->listen(d->options.csmsAddress, d->options.csmsPort);
    if (!listening)
        problems.append(describe(listening.error()));
    if (!problems.isEmpty()) {
        Q_EMIT failed(problems.join(QStringLiteral("; ")));
        return;
    }
    QUrl base = d->centralSystem->urlFor(QString());
    Q_EMIT started(base);
}

void DeviceNetwork::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->centralSystem->close();
    const QStringList ids = d->inverters.keys();
    for (const QString &id : ids)
        d->removeInverter(id);
    d->emitChargerBatch();
    d->writeBootInfo();
    d->flush();
    if (d->store)
        d->store->closeThreadConnection();
}

void DeviceNetwork::reloadCatalog()
{
    if (Result<void> r = d->catalog.reload(); !r) {
        Q_EMIT failed(describe(r.error()));
        return;
    }
    if (d->running)
        d->sync();
    else
        Q_EMIT devicesChanged(d->catalog.devices());
}

void DeviceNetwork::pollNow()
{
    for (const Private::Inverter &inv : std::as_const(d->inverters))
        d->poller->pollNow(inv.endpoint);
}

void DeviceNetwork::remoteStart(quint64 requestId, const QString &chargePointId, int connectorId)
{
    d->centralSystem->remoteStartTransaction(
        chargePointId, connectorId > 0 ? std::optional<int>(connectorId) : std::nullopt,
        QStringLiteral("OVPP-APP"), this, [this, requestId](Result<QString> r) {
            Q_EMIT commandFinished(requestId, r.ok() && *r == QLatin1String("Accepted"),
                                   r ? *r : describe(r.error()));
        });
}

void DeviceNetwork::remoteStop(quint64 requestId, const QString &chargePointId, int transactionId)
{
    d->centralSystem->remoteStopTransaction(
        chargePointId, transactionId, this, [this, requestId](Result<QString> r) {
            Q_EMIT commandFinished(requestId, r.ok() && *r == QLatin1String("Accepted"),
                                   r ? *r : describe(r.error()));
        });
}

void DeviceNetwork::setChargeLimit(quint64 requestId, const QString &chargePointId, qint64 maxWatts)
{
    if (maxWatts < 0) {
        Q_EMIT commandFinished(requestId, false, QStringLiteral("a limit cannot be negative"));
        return;
    }
    ocpp::ChargingProfile profile;
    profile.purpose = QStringLiteral("TxDefaultProfile");
    profile.kind = QStringLiteral("Absolute");
    profile.rateUnit = QStringLiteral("W");
    profile.startSchedule = QDateTime::currentDateTimeUtc();
    profile.periods.push_back(ocpp::ChargingSchedulePeriod {0, maxWatts * 10, std::nullopt});
    d->centralSystem->setChargingProfile(
        chargePointId, 0, profile, this, [this, requestId](Result<QString> r) {
            Q_EMIT commandFinished(requestId, r.ok() && *r == QLatin1String("Accepted"),
                                   r ? *r : describe(r.error()));
        });
}

} // namespace ovpp::core
