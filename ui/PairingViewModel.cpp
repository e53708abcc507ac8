#include "PairingViewModel.h"

#include "ClipboardGuard.h"
#include "DeviceCatalogEditor.h"
#include "DeviceFormat.h"
#include "ErrorText.h"
#include "SecretText.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"
#include "der/ocpp/CentralSystem.h"
#include "der/sunspec/SunSpecClient.h"
#include "der/sunspec/SunSpecScanner.h"

#include <QHostAddress>
#include <QVariantMap>

namespace ovpp::ui {

namespace {

// "host", "host:port", "[v6]:port" → host and port; nullopt when malformed.
std::optional<std::pair<QString, quint16>> splitAddress(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char(' ')))
        return std::nullopt;
    QString host = t;
    quint16 port = 502;
    const int colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && t.count(QLatin1Char(':')) == 1) {
        bool ok = false;
        const uint p = t.mid(colon + 1).toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return std::nullopt;
        host = t.left(colon);
        port = quint16(p);
    }
    return std::make_pair(host, port);
}

QString probeErrorText(const core::Error &error)
{
    switch (error.code) {
    case core::ErrorCode::Unavailable:
    case core::ErrorCode::IoError:
        return PairingViewModel::tr("No SunSpec device answered at this address (%1). Check the "
                                    "address, port and unit id, and that Modbus TCP is enabled "
                                    "on the inverter.")
            .arg(error.detail);
    case core::ErrorCode::NotFound:
        return PairingViewModel::tr("Something answered, but it is not a SunSpec device (%1).")
            .arg(error.detail);
    default:
        return ErrorText::common(error);
    }
}

} // namespace

PairingViewModel::PairingViewModel(core::DeviceNetwork *network, DeviceCatalogEditor *catalog,
                                   ClipboardGuard *clipboard, ChainSession *chain,
                                   WalletSession *session, WalletViewModel *wallet, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_catalog(catalog)
    , m_clipboard(clipboard)
    , m_inverterRegistration(new DeviceRegistrar(chain, session, wallet, catalog, this))
    , m_chargerRegistration(new DeviceRegistrar(chain, session, wallet, catalog, this))
{
    if (network) {
        connect(
            network, &core::DeviceNetwork::started, this,
            [this](const QUrl &url) {
                m_baseUrl = url;
                m_centralSystemError.clear();
                emit centralSystemChanged();
                emit chargerChanged();
            },
            Qt::QueuedConnection);
        connect(
            network, &core::DeviceNetwork::failed, this,
            [this](const QString &what) {
                m_centralSystemError = what;
                emit centralSystemChanged();
            },
            Qt::QueuedConnection);
        connect(network, &core::DeviceNetwork::chargerBooted, this,
                &PairingViewModel::onChargerBooted, Qt::QueuedConnection);
    }
}

PairingViewModel::~PairingViewModel() = default;

void PairingViewModel::setAddress(const QString &address)
{
    if (address == m_address)
        return;
    m_address = address;
    emit addressChanged();
}

void PairingViewModel::setUnitId(int unitId)
{
    if (unitId == m_unitId)
        return;
    m_unitId = unitId;
    emit addressChanged();
}

QString PairingViewModel::foundManufacturer() const
{
    return m_info ? m_info->common.manufacturer : QString();
}

QString PairingViewModel::foundModel() const
{
    return m_info ? m_info->common.model : QString();
}

QString PairingViewModel::foundSerial() const
{
    return m_info ? m_info->common.serialNumber : QString();
}

QString PairingViewModel::foundVersion() const
{
    return m_info ? m_info->common.version : QString();
}

QString PairingViewModel::foundAddress() const
{
    if (!m_info)
        return {};
    return tr("%1, port %2, unit %3").arg(m_info->host).arg(m_info->port).arg(m_info->unitId);
}

void PairingViewModel::setInverterError(const QString &text)
{
    m_inverterError = text;
    emit inverterChanged();
}

void PairingViewModel::probe()
{
    const auto parsed = splitAddress(m_address);
    if (!parsed) {
        setInverterError(tr("Enter the inverter's address as host or host:port, for example "
                            "192.168.1.20 or 192.168.1.20:502."));
        return;
    }
    if (m_unitId < 0 || m_unitId > 247) {
        setInverterError(tr("The unit id is a number from 0 to 247 (usually 1)."));
        return;
    }
    probeEndpoint(parsed->first, parsed->second, quint8(m_unitId));
}

void PairingViewModel::probeEndpoint(const QString &host, quint16 port, quint8 unitId)
{
    m_info.reset();
    m_pairedDeviceId.clear();
    m_foundPowerText.clear();
    m_foundBatteryText.clear();
    m_inverterError.clear();
    m_probing = true;
    emit inverterChanged();

    core::SunSpecClientOptions options;
    options.timeoutMs = 3000;
    dropProbe();
    m_probe = std::make_unique<core::SunSpecClient>(core::SunSpecEndpoint {host, port, unitId},
                                                    options);
    core::SunSpecClient *client = m_probe.get();
    client->discover(this, [this, client](core::Result<core::SunSpecDeviceInfo> info) {
        if (client != m_probe.get())
            return;
        if (!info) {
            m_probing = false;
            dropProbe();
            setInverterError(probeErrorText(info.error()));
            return;
        }
        const core::SunSpecDeviceInfo device = *info;
        client->readSnapshot(
            this, [this, client, device](core::Result<core::SunSpecSnapshot> snap) {
                if (client != m_probe.get())
                    return;
                m_probing = false;
                m_info = device;
                if (snap && snap->inverter && snap->inverter->acPowerMilliwatts)
                    m_foundPowerText = DeviceFormat::power(*snap->inverter->acPowerMilliwatts);
                else if (snap && snap->sleeping)
                    m_foundPowerText = tr("Sleeping (0 W)");
                else
                    m_foundPowerText = tr("Not reported");
                if (snap && snap->battery && snap->battery->stateOfChargeMillipercent)
                    m_foundBatteryText
                        = DeviceFormat::percent(*snap->battery->stateOfChargeMillipercent);
                // The device network opens its own connection; many inverters take one master.
                m_probe->disconnectFromDevice();
                emit inverterChanged();
            });
    });
}

void PairingViewModel::dropProbe()
{
    // Later, not now: this often runs inside one of the client's own callbacks, with its
    // Modbus socket still on the stack.
    if (m_probe)
        m_probe.release()->deleteLater();
}

void PairingViewModel::confirmInverter()
{
    if (!m_info || m_confirming || inverterPaired())
        return;
    if (!m_catalog) {
        setInverterError(tr("Devices cannot be paired: the device service is not running."));
        return;
    }
    core::PairedDevice device;
    device.kind = core::PairedDevice::Kind::Inverter;
    device.manufacturer = m_info->common.manufacturer;
    device.model = m_info->common.model;
    device.serialNumber = m_info->common.serialNumber;
    device.firmwareVersion = m_info->common.version;
    device.host = m_info->host;
    device.port = m_info->port;
    device.unitId = m_info->unitId;
    device.pairedAt = QDateTime::currentDateTimeUtc();
    device.id = core::DeviceCatalog::inverterId(device.host, device.port, device.unitId,
                                                device.serialNumber);
    m_confirming = true;
    m_inverterError.clear();
    emit inverterChanged();
    m_catalog->edit(
        [device](core::DeviceCatalog &catalog) { return catalog.add(device); },
        [this, device](core::Result<void> result) {
            m_confirming = false;
            if (!result && result.error().code == core::ErrorCode::AlreadyExists)
                m_inverterError = tr("This inverter is already paired.");
            else if (!result)
                m_inverterError
                    = tr("Could not save the device: %1").arg(ErrorText::common(result.error()));
            else
                m_pairedDeviceId = device.id;
            emit inverterChanged();
            if (result)
                m_inverterRegistration->start(device);
        });
}

void PairingViewModel::resetInverter()
{
    m_inverterRegistration->reset();
    dropProbe();
    m_info.reset();
    m_probing = false;
    m_confirming = false;
    m_pairedDeviceId.clear();
    m_inverterError.clear();
    m_foundPowerText.clear();
    m_foundBatteryText.clear();
    emit inverterChanged();
}

void PairingViewModel::setScanRange(const QString &range)
{
    if (range == m_scanRange)
        return;
    m_scanRange = range;
    emit scanChanged();
}

bool PairingViewModel::scanning() const
{
    return m_scanner && m_scanner->isRunning();
}

QString PairingViewModel::scanSummary() const
{
    if (scanning())
        return tr("Scanned %1 of %2 addresses…").arg(m_scanScanned).arg(m_scanTotal);
    if (!m_scanDone)
        return {};
    if (m_scanResults.isEmpty())
        return tr("No SunSpec device answered in this range.");
    return tr("Found %n device(s). Pick one to see it before pairing.", nullptr,
              int(m_scanResults.size()));
}

QVariantList PairingViewModel::scanResults() const
{
    QVariantList list;
    for (const core::SunSpecDeviceInfo &d : m_scanResults) {
        list.append(QVariantMap {
            {QStringLiteral("address"), QStringLiteral("%1:%2").arg(d.host).arg(d.port)},
            {QStringLiteral("title"),
             QStringList {d.common.manufacturer, d.common.model}.join(QLatin1Char(' '))},
            {QStringLiteral("serial"), d.common.serialNumber},
        });
    }
    return list;
}

void PairingViewModel::startScan()
{
    if (scanning())
        return;
    auto hosts = core::SunSpecScanner::parseRange(m_scanRange.trimmed());
    m_scanResults.clear();
    m_scanDone = false;
    m_scanError.clear();
    if (!hosts) {
        m_scanError = tr("Enter a range such as 192.168.1.0/24 or 192.168.1.10-192.168.1.40 "
                         "(at most 256 addresses).");
        emit scanChanged();
        return;
    }
    m_scanner = std::make_unique<core::SunSpecScanner>();
    connect(m_scanner.get(), &core::SunSpecScanner::progress, this, [this](int scanned, int total) {
        m_scanScanned = scanned;
        m_scanTotal = total;
        emit scanChanged();
    });
    core::SunSpecScanOptions options;
    options.unitId = quint8(std::clamp(m_unitId, 0, 247));
    m_scanScanned = 0;
    m_scanTotal = int(hosts->size());
    auto started = m_scanner->start(*hosts, options, this,
                                    [this](core::Result<QList<core::SunSpecDeviceInfo>> result) {
                                        m_scanDone = true;
                                        if (result)
                                            m_scanResults = *result;
                                        else if (result.error().code != core::ErrorCode::Cancelled)
                                            m_scanError = ErrorText::common(result.error());
                                        else
                                            m_scanDone = false;
                                        emit scanChanged();
                                    });
    if (!started)
        m_scanError = ErrorText::common(started.error());
    emit scanChanged();
}

void PairingViewModel::cancelScan()
{
    if (m_scanner)
        m_scanner->cancel();
    emit scanChanged();
}

void PairingViewModel::pickScanResult(int index)
{
    if (index < 0 || index >= m_scanResults.size())
        return;
    const core::SunSpecDeviceInfo d = m_scanResults.at(index);
    setAddress(QStringLiteral("%1:%2").arg(d.host).arg(d.port));
    setUnitId(d.unitId);
    probeEndpoint(d.host, d.port, d.unitId);
}

// --- Charger ---------------------------------------------------------------------------------

QString PairingViewModel::chargerUrl() const
{
    if (m_chargerId.isEmpty() || !m_baseUrl.isValid())
        return {};
    return m_baseUrl.resolved(QUrl(m_chargerId)).toString();
}

QString PairingViewModel::chargerPassword() const
{
    return m_chargerKey ? secretToString(*m_chargerKey) : QString();
}

void PairingViewModel::clearCharger()
{
    m_chargerRegistration->reset();
    m_chargerId.clear();
    m_chargerKey.reset();
    m_qr = core::QrCode();
    m_chargerVendor.clear();
    m_chargerModel.clear();
    m_chargerSerial.clear();
    m_chargerError.clear();
}

void PairingViewModel::startCharger()
{
    if (m_chargerStep == ChargerStep::Creating || m_chargerStep == ChargerStep::Waiting)
        return;
    clearCharger();
    if (!m_catalog || !m_baseUrl.isValid()) {
        m_chargerStep = ChargerStep::Failed;
        m_chargerError = m_centralSystemError.isEmpty()
            ? tr("The charger service is not running yet. Try again in a moment.")
            : tr("The charger service could not start: %1").arg(m_centralSystemError);
        emit chargerChanged();
        return;
    }
    m_chargerStep = ChargerStep::Creating;
    const quint64 generation = ++m_chargerGeneration;
    emit chargerChanged();

    auto key = std::make_shared<core::SecretBytes>(
        core::ocpp::CentralSystem::generateAuthorizationKey());
    auto id = std::make_shared<QString>();
    m_catalog->edit(
        [key, id](core::DeviceCatalog &catalog) -> core::Result<void> {
            core::PairedDevice device;
            device.kind = core::PairedDevice::Kind::Charger;
            device.id = catalog.newChargePointId();
            device.pairedAt = QDateTime::currentDateTimeUtc();
            *id = device.id;
            return catalog.addCharger(device, *key);
        },
        [this, key, id, generation](core::Result<void> result) {
            if (generation != m_chargerGeneration)
                return;
            if (!result) {
                m_chargerStep = ChargerStep::Failed;
                m_chargerError
                    = tr("Could not save the charger: %1").arg(ErrorText::common(result.error()));
                emit chargerChanged();
                return;
            }
            m_chargerId = *id;
            m_chargerKey = key;
            // The QR payload holds the password: built straight into secure memory.
            const QByteArray head = QByteArrayLiteral("{\"url\":\"") + chargerUrl().toUtf8()
                + QByteArrayLiteral("\",\"id\":\"") + m_chargerId.toUtf8()
                + QByteArrayLiteral("\",\"password\":\"");
            const QByteArray tail = QByteArrayLiteral("\"}");
            core::SecretBytes payload = core::SecretBytes::concat(
                core::SecretBytes::concat(
                    {reinterpret_cast<const std::uint8_t *>(head.constData()), size_t(head.size())},
                    key->span())
                    .span(),
                {reinterpret_cast<const std::uint8_t *>(tail.constData()), size_t(tail.size())});
            if (auto qr = core::QrCode::encode(QByteArrayView(
                    reinterpret_cast<const char *>(payload.data()), qsizetype(payload.size()))))
                m_qr = *qr;
            m_chargerStep = ChargerStep::Waiting;
            emit chargerChanged();
        });
}

void PairingViewModel::onChargerBooted(const QString &id, const QString &vendor,
                                       const QString &model, const QString &serial)
{
    if (id != m_chargerId || m_chargerStep != ChargerStep::Waiting)
        return;
    m_chargerVendor = vendor;
    m_chargerModel = model;
    m_chargerSerial = serial;
    m_chargerStep = ChargerStep::Booted;
    emit chargerChanged();

    core::PairedDevice device;
    device.kind = core::PairedDevice::Kind::Charger;
    device.id = id;
    device.manufacturer = vendor;
    device.model = model;
    device.serialNumber = serial;
    m_chargerRegistration->start(device);
}

void PairingViewModel::cancelCharger()
{
    ++m_chargerGeneration;
    const QString id = m_chargerId;
    const bool remove = m_chargerStep == ChargerStep::Waiting && !id.isEmpty();
    clearCharger();
    m_chargerStep = ChargerStep::Idle;
    emit chargerChanged();
    if (remove && m_catalog)
        m_catalog->edit([id](core::DeviceCatalog &catalog) { return catalog.remove(id); }, {});
}

void PairingViewModel::finishCharger()
{
    ++m_chargerGeneration;
    clearCharger();
    m_chargerStep = ChargerStep::Idle;
    emit chargerChanged();
}

void PairingViewModel::copyChargerUrl()
{
    if (m_clipboard && !chargerUrl().isEmpty())
        m_clipboard->copyText(chargerUrl());
}

void PairingViewModel::copyChargerId()
{
    if (m_clipboard && !m_chargerId.isEmpty())
        m_clipboard->copyText(m_chargerId);
}

void PairingViewModel::copyChargerPassword()
{
    if (m_clipboard && m_chargerKey)
        m_clipboard->copySecret(m_chargerKey->clone());
}

} // namespace ovpp::ui
