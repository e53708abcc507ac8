#include "DeviceCatalog.h"

#include "wallet/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

#include <sodium.h>

#include <algorithm>

namespace ovpp::core {

namespace {

constexpr int kFormatVersion = 1;
constexpr qsizetype kSaltBytes = 16;
constexpr qsizetype kDigestBytes = crypto_hash_sha256_BYTES;
// A catalog of 10,000 chargers is about 4 MB; anything far beyond is not ours.
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

QByteArray digestOf(const QByteArray &salt, std::span<const std::uint8_t> key)
{
    // Streamed, so the key is never copied next to the salt in an unwiped buffer.
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(salt.constData()),
                              static_cast<unsigned long long>(salt.size()));
    crypto_hash_sha256_update(&state, key.data(), key.size());
    QByteArray digest(kDigestBytes, Qt::Uninitialized);
    crypto_hash_sha256_final(&state, reinterpret_cast<unsigned char *>(digest.data()));
    sodium_memzero(&state, sizeof state);
    return digest;
}

QString kindName(PairedDevice::Kind kind)
{
    return kind == PairedDevice::Kind::Charger ? QStringLiteral("charger")
                                               : QStringLiteral("inverter");
}

Error corrupt(const QString &path, const QString &what)
{
    return makeError(ErrorCode::CorruptFile,
                     QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), what));
}

QJsonObject toJson(const PairedDevice &d, const ChargerVerifier *verifier)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), d.id);
    o.insert(QStringLiteral("kind"), kindName(d.kind));
    o.insert(QStringLiteral("label"), d.label);
    o.insert(QStringLiteral("manufacturer"), d.manufacturer);
    o.insert(QStringLiteral("model"), d.model);
    o.insert(QStringLiteral("serialNumber"), d.serialNumber);
    o.insert(QStringLiteral("firmwareVersion"), d.firmwareVersion);
    if (d.kind == PairedDevice::Kind::Inverter) {
        o.insert(QStringLiteral("host"), d.host);
        o.insert(QStringLiteral("port"), int(d.port));
        o.insert(QStringLiteral("unitId"), int(d.unitId));
    }
    o.insert(QStringLiteral("pairedAt"),
             d.pairedAt.isValid() ? d.pairedAt.toUTC().toString(Qt::ISODateWithMs) : QString());
    o.insert(QStringLiteral("registrySignature"), d.registrySignature);
    if (verifier) {
        QJsonObject v;
        v.insert(QStringLiteral("salt"), QString::fromLatin1(verifier->salt.toBase64()));
        v.insert(QStringLiteral("sha256"), QString::fromLatin1(verifier->digest.toBase64()));
        o.insert(QStringLiteral("verifier"), v);
    }
    return o;
}

QByteArray strictBase64(const QJsonValue &value, qsizetype expectedSize)
{
    if (!value.isString())
        return {};
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != expectedSize)
        return {};
    return decoded.decoded;
}

} // namespace

DeviceCatalog::DeviceCatalog(QString path)
    : m_path(std::move(path))
{ }

QString DeviceCatalog::defaultPath()
{
    // Spelled out like the wallets folder (core/wallet/VaultLocation): the CLI's application
    // name is "ovpp", yet it must find the desktop app's catalog.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/OpenVPP/OpenVPP World/devices.json");
}

Result<void> DeviceCatalog::load()
{
    QFile file(m_path);
    if (!file.exists()) {
        m_devices.clear();
        m_verifiers.clear();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError,
                         QStringLiteral("cannot read %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    if (file.size() > kMaxFileBytes)
        return corrupt(m_path, QStringLiteral("too large for a device catalog"));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return corrupt(m_path,
                       QStringLiteral("not valid JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!doc.isObject())
        return corrupt(m_path, QStringLiteral("not a device catalog (no JSON object)"));
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return corrupt(m_path, QStringLiteral("no \"version\""));
    if (version.toInt() != kFormatVersion)
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("%1: catalog version %2; this build reads version %3")
                             .arg(QDir::toNativeSeparators(m_path))
                             .arg(version.toInt())
                             .arg(kFormatVersion));
    const QJsonValue list = root.value(QStringLiteral("devices"));
    if (!list.isArray())
        return corrupt(m_path, QStringLiteral("no \"devices\" list"));

    QList<PairedDevice> devices;
    QHash<QString, ChargerVerifier> verifiers;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("device %1: ").arg(i + 1);
        if (!array.at(i).isObject())
            return corrupt(m_path, where + QStringLiteral("not an object"));
        const QJsonObject o = array.at(i).toObject();
        PairedDevice d;
        d.id = o.value(QStringLiteral("id")).toString();
        if (d.id.isEmpty())
            return corrupt(m_path, where + QStringLiteral("no id"));
        if (seen.contains(d.id))
            return corrupt(m_path, where + QStringLiteral("duplicate id %1").arg(d.id));
        seen.insert(d.id);
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("inverter"))
            d.kind = PairedDevice::Kind::Inverter;
        else if (kind == QLatin1String("charger"))
            d.kind = PairedDevice::Kind::Charger;
        else
            return corrupt(m_path, where + QStringLiteral("unknown kind \"%1\"").arg(kind));
        d.label = o.value(QStringLiteral("label")).toString();
        d.manufacturer = o.value(QStringLiteral("manufacturer")).toString();
        d.model = o.value(QStringLiteral("model")).toString();
        d.serialNumber = o.value(QStringLiteral("serialNumber")).toString();
        d.firmwareVersion = o.value(QStringLiteral("firmwareVersion")).toString();
        d.registrySignature = o.value(QStringLiteral("registrySignature")).toString();
        const QString pairedAt = o.value(QStringLiteral("pairedAt")).toString();
        if (!pairedAt.isEmpty())
            d.pairedAt = QDateTime::fromString(pairedAt, Qt::ISODateWithMs).toUTC();
        if (d.kind == PairedDevice::Kind::Inverter) {
            d.host = o.value(QStringLiteral("host")).toString();
            const int port = o.value(QStringLiteral("port")).toInt(-1);
            const int unit = o.value(QStringLiteral("unitId")).toInt(-1);
            if (d.host.isEmpty() || port < 1 || port > 65535 || unit < 0 || unit > 255)
                return corrupt(m_path, where + QStringLiteral("inverter without a valid address"));
            d.port = quint16(port);
            d.unitId = quint8(unit);
        } else {
            const QJsonObject v = o.value(QStringLiteral("verifier")).toObject();
            ChargerVerifier verifier {
                strictBase64(v.value(QStringLiteral("salt")), kSaltBytes),
                strictBase64(v.value(QStringLiteral("sha256")), kDigestBytes)};
            if (verifier.salt.isEmpty() || verifier.digest.isEmpty())
                return corrupt(m_path, where + QStringLiteral("charger without a valid verifier"));
            verifiers.insert(d.id, verifier);
        }
        devices.append(d);
    }
    m_devices = std::move(devices);
    m_verifiers = std::move(verifiers);
    return {};
}

QList<PairedDevice> DeviceCatalog::devices() const
{
    return m_devices;
}

std::optional<PairedDevice> DeviceCatalog::device(const QString &id) const
{
    for (const PairedDevice &d : m_devices) {
        if (d.id == id)
            return d;
    }
    return std::nullopt;
}

bool DeviceCatalog::contains(const QString &id) const
{
    return device(id).has_value();
}

Result<void> DeviceCatalog::add(const PairedDevice &device)
{
    if (device.id.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a device needs an id"));
    if (device.kind == PairedDevice::Kind::Inverter && device.host.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an inverter needs a host to reach it"));
    if (device.kind == PairedDevice::Kind::Charger)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a charger is paired with its key (addCharger)"));
    // Read-modify-write against the file: another process (the CLI, the app) may have changed
    // it, and a corrupt file must not be overwritten.
    if (Result<void> r = load(); !r)
        return r;
    if (contains(device.id))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("device %1 is already paired").arg(device.id));
    PairedDevice entry = device;
    if (!entry.pairedAt.isValid())
        entry.pairedAt = QDateTime::currentDateTimeUtc();
    m_devices.append(entry);
    return save();
}

Result<void> DeviceCatalog::addCharger(const PairedDevice &device,
                                       const SecretBytes &authorizationKey)
{
    return addChargers({{device, &authorizationKey}});
}

Result<void>
DeviceCatalog::addChargers(const QList<std::pair<PairedDevice, const SecretBytes *>> &chargers)
{
    if (Result<void> r = load(); !r)
        return r;
    const QList<PairedDevice> devicesBefore = m_devices;
    const QHash<QString, ChargerVerifier> verifiersBefore = m_verifiers;
    for (const auto &[device, key] : chargers) {
        Result<void> added = appendCharger(device, *key);
        if (!added) {
            m_devices = devicesBefore;
            m_verifiers = verifiersBefore;
            return added;
        }
    }
    return save();
}

Result<void> DeviceCatalog::appendCharger(const PairedDevice &device,
                                          const SecretBytes &authorizationKey)
{
    if (device.id.isEmpty() || device.id.size() > 48 || device.id.contains(QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a charge point id has 1 to 48 characters and no '/'"));
    if (authorizationKey.size() < 16 || authorizationKey.size() > 40)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an authorization key has 16 to 40 bytes"));
    if (contains(device.id))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("charger %1 is already paired").arg(device.id));
    PairedDevice entry = device;
    entry.kind = PairedDevice::Kind::Charger;
    if (!entry.pairedAt.isValid())
        entry.pairedAt = QDateTime::currentDateTimeUtc();
    m_devices.append(entry);
    m_verifiers.insert(entry.id, makeVerifier(authorizationKey));
    return {};
}

Result<void> DeviceCatalog::update(const PairedDevice &device)
{
    return updateMany({device});
}

Result<void> DeviceCatalog::updateMany(const QList<PairedDevice> &devices)
{
    if (Result<void> r = load(); !r)
        return r;
    QList<PairedDevice> updated = m_devices;
    for (const PairedDevice &device : devices) {
        auto it = std::find_if(updated.begin(), updated.end(),
                               [&device](const PairedDevice &d) { return d.id == device.id; });
        if (it == updated.end())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no paired device %1").arg(device.id));
        if (it->kind != device.kind)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("device %1 cannot change its kind").arg(device.id));
        *it = device;
    }
    m_devices = std::move(updated);
    return save();
}

Result<void> DeviceCatalog::remove(const QString &id)
{
    if (Result<void> r = load(); !r)
        return r;
    const qsizetype removed
        = m_devices.removeIf([&id](const PairedDevice &d) { return d.id == id; });
    if (removed == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("no paired device %1").arg(id));
    m_verifiers.remove(id);
    return save();
}

Result<ChargerVerifier> DeviceCatalog::chargerVerifier(const QString &id) const
{
    const auto it = m_verifiers.constFind(id);
    if (it == m_verifiers.constEnd())
        return makeError(ErrorCode::NotFound, QStringLiteral("no paired charger %1").arg(id));
    return *it;
}

bool DeviceCatalog::verifyCharger(const QString &id, const SecretBytes &authorizationKey) const
{
    const auto it = m_verifiers.constFind(id);
    return it != m_verifiers.constEnd() && matches(*it, authorizationKey.span());
}

QString DeviceCatalog::newChargePointId() const
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    sodiumReady();
    for (;;) {
        QString id = QStringLiteral("OVPP-");
        for (int i = 0; i < 6; ++i)
            id += QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]);
        if (!contains(id))
            return id;
    }
}

QString DeviceCatalog::inverterId(const QString &host, quint16 port, quint8 unitId,
                                  const QString &serialNumber)
{
    const QByteArray text = QStringLiteral("%1/%2/%3/%4")
                                .arg(host.toLower())
                                .arg(port)
                                .arg(unitId)
                                .arg(serialNumber)
                                .toUtf8();
    QByteArray digest(kDigestBytes, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(text.constData()),
                       static_cast<unsigned long long>(text.size()));
    return QStringLiteral("inv-") + QString::fromLatin1(digest.left(5).toHex());
}

ChargerVerifier DeviceCatalog::makeVerifier(const SecretBytes &authorizationKey)
{
    sodiumReady();
    ChargerVerifier v;
    v.salt.resize(kSaltBytes);
    randombytes_buf(v.salt.data(), static_cast<std::size_t>(v.salt.size()));
    v.digest = digestOf(v.salt, authorizationKey.span());
    return v;
}

bool DeviceCatalog::matches(const ChargerVerifier &verifier, std::span<const std::uint8_t> key)
{
    if (verifier.digest.size() != kDigestBytes)
        return false;
    const QByteArray digest = digestOf(verifier.salt, key);
    return sodium_memcmp(digest.constData(), verifier.digest.constData(),
                         static_cast<std::size_t>(kDigestBytes))
        == 0;
}

Result<void> DeviceCatalog::save() const
{
    QJsonArray list;
    for (const PairedDevice &d : m_devices) {
        const auto it = m_verifiers.constFind(d.id);
        list.append(toJson(d, it != m_verifiers.constEnd() ? &*it : nullptr));
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("devices"), list);
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(
            ErrorCode::IoError,
            QStringLiteral("cannot create the directory %1").arg(QDir::toNativeSeparators(dir)));
    return atomicfile::write(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace ovpp::core
