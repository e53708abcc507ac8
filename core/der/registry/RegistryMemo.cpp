#include "RegistryMemo.h"

#include "crypto/Base58.h"
#include "solana/MemoProgram.h"

#include <QCryptographicHash>
#include <QList>
#include <QStringDecoder>

#include <cstring>
#include <span>

namespace ovpp::core {

namespace {

constexpr char SerialDomain[] = "ovpp:der:serial:1";
constexpr std::size_t PrefixLength = sizeof(RegistryMemo::Prefix) - 1;

Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidArgument, detail);
}

// C0, DEL and C1 controls, line/paragraph separators, bidirectional embeddings, overrides and
// isolates, and the BOM: never part of a name, and they would let a memo show a person reading
// it in an explorer something other than what it says (a "right-to-left override" model name).
bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

bool hasControl(const QString &text)
{
    for (const char32_t c : text.toUcs4())
        if (isControl(c))
            return true;
    return false;
}

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '.'
        || u == '_' || u == ':' || u == '-';
}

Result<void> checkDeviceId(const QString &id)
{
    if (id.isEmpty())
        return invalid(QStringLiteral("id: empty"));
    if (id.size() > RegistryMemo::MaxDeviceIdBytes)
        return invalid(QStringLiteral("id: %1 characters, at most %2")
                           .arg(id.size())
                           .arg(RegistryMemo::MaxDeviceIdBytes));
    for (qsizetype i = 0; i < id.size(); ++i)
        if (!isIdChar(id.at(i)))
            return invalid(
                QStringLiteral("id: character %1 is not one of A-Z a-z 0-9 . _ : -").arg(i + 1));
    return {};
}

Result<void> checkKind(const QString &kind)
{
    if (kind.isEmpty())
        return invalid(QStringLiteral("k: empty"));
    if (kind.size() > RegistryMemo::MaxKindBytes)
        return invalid(QStringLiteral("k: %1 characters, at most %2")
                           .arg(kind.size())
                           .arg(RegistryMemo::MaxKindBytes));
    for (qsizetype i = 0; i < kind.size(); ++i) {
        const char16_t u = kind.at(i).unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u == '-' && i > 0);
        if (!ok)
            return invalid(QStringLiteral("k: character %1 is not one of a-z 0-9 - (no leading -)")
                               .arg(i + 1));
    }
    return {};
}

Result<void> checkText(const char *field, const QString &text)
{
    const QString name = QString::fromLatin1(field);
    if (text.isEmpty())
        return invalid(QStringLiteral("%1: empty").arg(name));
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > RegistryMemo::MaxTextBytes)
        return invalid(QStringLiteral("%1: %2 UTF-8 bytes, at most %3")
                           .arg(name)
                           .arg(bytes)
                           .arg(RegistryMemo::MaxTextBytes));
    if (hasControl(text))
        return invalid(QStringLiteral("%1: contains a control character").arg(name));
    if (text.front().isSpace() || text.back().isSpace())
        return invalid(QStringLiteral("%1: starts or ends with white space").arg(name));
    if (text != text.normalized(QString::NormalizationForm_C))
        return invalid(QStringLiteral("%1: not in Unicode normalisation form C").arg(name));
    return {};
}

Result<void> checkRecord(const RegistryRecord &record)
{
    if (auto ok = checkDeviceId(record.deviceId); !ok)
        return ok.error();
    if (record.action == RegistryRecord::Action::Retire) {
        if (!record.kind.isEmpty() || !record.manufacturer.isEmpty() || !record.model.isEmpty()
            || record.serialHash != RegistryRecord::SerialHash {})
            return invalid(QStringLiteral("op=ret carries only the device id"));
        return {};
    }
    if (auto ok = checkKind(record.kind); !ok)
        return ok.error();
    if (auto ok = checkText("mf", record.manufacturer); !ok)
        return ok.error();
    if (auto ok = checkText("md", record.model); !ok)
        return ok.error();
    return {};
}

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'%')
            out += QStringLiteral("%25");
        else if (c == u';')
            out += QStringLiteral("%3B");
        else
            out += c;
    }
    return out;
}

// Only the two escapes encode() writes, in its spelling: one canonical text per value.
Result<QString> unescaped(const QString &field, QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != u'%') {
            out += value[i];
            continue;
        }
        const QStringView code = value.mid(i + 1, 2);
        if (code == u"25")
            out += u'%';
        else if (code == u"3B")
            out += u';';
        else
            return invalid(QStringLiteral("%1: bad escape at character %2 (only %25 and %3B)")
                               .arg(field)
                               .arg(i + 1));
        i += 2;
    }
    return out;
}

} // namespace

QString RegistryMemo::normalizedSerial(const QString &serial)
{
    const QString compatible = serial.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(compatible.size());
    for (const QChar c : compatible)
        if (!c.isSpace())
            out += c;
    return out.toUpper();
}

Result<RegistryRecord::SerialHash> RegistryMemo::serialHash(const QString &serial)
{
    const QByteArray normalized = normalizedSerial(serial).toUtf8();
    if (normalized.isEmpty())
        return invalid(QStringLiteral("serial: empty"));
    if (normalized.size() > MaxSerialBytes)
        return invalid(QStringLiteral("serial: %1 UTF-8 bytes once normalised, at most %2")
                           .arg(normalized.size())
                           .arg(MaxSerialBytes));
    if (hasControl(QString::fromUtf8(normalized)))
        return invalid(QStringLiteral("serial: contains a control character"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(SerialDomain, sizeof(SerialDomain))); // with its 0x00
    hash.addData(normalized);
    const QByteArray digest = hash.result();
    RegistryRecord::SerialHash out {};
    std::memcpy(out.data(), digest.constData(), out.size());
    return out;
}

Result<RegistryRecord> RegistryMemo::registration(const QString &deviceId, const QString &kind,
                                                  const QString &manufacturer, const QString &model,
                                                  const QString &serial)
{
    RegistryRecord record;
    record.action = RegistryRecord::Action::Register;
    record.deviceId = deviceId;
    record.kind = kind;
    record.manufacturer = manufacturer.normalized(QString::NormalizationForm_C).trimmed();
    record.model = model.normalized(QString::NormalizationForm_C).trimmed();
    auto hash = serialHash(serial);
    if (!hash)
        return hash.error();
    record.serialHash = hash.value();
    if (auto ok = checkRecord(record); !ok)
        return ok.error();
    return record;
}

Result<RegistryRecord> RegistryMemo::retirement(const QString &deviceId)
{
    RegistryRecord record;
    record.action = RegistryRecord::Action::Retire;
    record.deviceId = deviceId;
    if (auto ok = checkRecord(record); !ok)
        return ok.error();
    return record;
}

Result<QByteArray> RegistryMemo::encode(const RegistryRecord &record)
{
    if (auto ok = checkRecord(record); !ok)
        return ok.error();
    QString text = QStringLiteral("ovpp:der:%1").arg(Version);
    if (record.action == RegistryRecord::Action::Retire) {
        text += QStringLiteral(";op=ret;id=") + record.deviceId;
    } else {
        text += QStringLiteral(";op=reg;id=") + record.deviceId;
        text += QStringLiteral(";k=") + record.kind;
        text += QStringLiteral(";mf=") + escaped(record.manufacturer);
        text += QStringLiteral(";md=") + escaped(record.model);
        text += QStringLiteral(";sn=") + base58::encode(record.serialHash);
    }
    QByteArray bytes = text.toUtf8();
    if (static_cast<std::size_t>(bytes.size()) > MaxMemoBytes)
        return invalid(
            QStringLiteral("memo: %1 bytes, at most %2").arg(bytes.size()).arg(MaxMemoBytes));
    return bytes;
}

bool RegistryMemo::isRegistryMemo(QByteArrayView memo)
{
    return memo.startsWith(QByteArrayView(Prefix, PrefixLength));
}

Result<RegistryRecord> RegistryMemo::parse(QByteArrayView memo)
{
    if (!isRegistryMemo(memo))
        return invalid(QStringLiteral("not a registry memo (does not start with \"ovpp:der:\")"));

    // The version comes first, so a newer format is reported as such even when it is longer or
    // shaped differently than v1.
    qsizetype end = PrefixLength;
    while (end < memo.size() && memo[end] != ';')
        ++end;
    const QByteArrayView version = memo.sliced(PrefixLength, end - PrefixLength);
    if (version.isEmpty() || version.size() > 9)
        return invalid(QStringLiteral("version: must be 1 to 9 digits"));
    for (const char c : version)
        if (c < '0' || c > '9')
            return invalid(QStringLiteral("version: must be 1 to 9 digits"));
    if (version.front() == '0')
        return invalid(QStringLiteral("version: no leading zero"));
    if (version != QByteArrayView("1"))
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("registry memo version %1; this reader knows version %2")
                             .arg(QString::fromLatin1(version))
                             .arg(Version));
    if (end == memo.size())
        return invalid(QStringLiteral("no fields after the version"));

    if (static_cast<std::size_t>(memo.size()) > MaxMemoBytes)
        return invalid(
            QStringLiteral("memo: %1 bytes, at most %2").arg(memo.size()).arg(MaxMemoBytes));
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(memo);
    if (decoder.hasError())
        return invalid(QStringLiteral("memo: not valid UTF-8"));
    if (hasControl(text))
        return invalid(QStringLiteral("memo: contains a control character"));

    const QList<QStringView> parts = QStringView(text).split(u';');
    // parts[0] is "ovpp:der:1".
    static const char *const registerKeys[] = {"op", "id", "k", "mf", "md", "sn"};
    static const char *const retireKeys[] = {"op", "id"};
    QStringView op;
    if (parts.size() >= 2 && parts[1].startsWith(u"op="))
        op = parts[1].mid(3);
    else
        return invalid(QStringLiteral("field 1: expected op=reg or op=ret"));
    const bool retire = op == u"ret";
    if (!retire && op != u"reg")
        return invalid(QStringLiteral("op: \"%1\" is neither reg nor ret").arg(op));
    const auto keys = retire ? std::span<const char *const>(retireKeys)
                             : std::span<const char *const>(registerKeys);
    if (parts.size() - 1 != static_cast<qsizetype>(keys.size()))
        return invalid(QStringLiteral("op=%1 takes %2 fields, found %3")
                           .arg(op)
                           .arg(keys.size())
                           .arg(parts.size() - 1));

    RegistryRecord record;
    record.action = retire ? RegistryRecord::Action::Retire : RegistryRecord::Action::Register;
    for (std::size_t f = 1; f < keys.size(); ++f) {
        const QStringView part = parts[static_cast<qsizetype>(f + 1)];
        const QString key = QString::fromLatin1(keys[f]);
        if (!part.startsWith(key) || part.mid(key.size(), 1) != u"=")
            return invalid(QStringLiteral("field %1: expected %2=").arg(f + 1).arg(key));
        const QStringView value = part.mid(key.size() + 1);
        if (key == u"id") {
            record.deviceId = value.toString();
        } else if (key == u"k") {
            record.kind = value.toString();
        } else if (key == u"mf" || key == u"md") {
            auto plain = unescaped(key, value);
            if (!plain)
                return plain.error();
            (key == u"mf" ? record.manufacturer : record.model) = plain.value();
        } else { // sn
            auto bytes = base58::decode(value);
            if (!bytes || bytes->size() != static_cast<qsizetype>(record.serialHash.size()))
                return invalid(QStringLiteral("sn: not the base58 of 32 bytes"));
            std::memcpy(record.serialHash.data(), bytes->constData(), record.serialHash.size());
            if (base58::encode(record.serialHash) != value)
                return invalid(QStringLiteral("sn: not in canonical base58"));
        }
    }
    if (auto ok = checkRecord(record); !ok)
        return ok.error();
    return record;
}

Result<Instruction> RegistryMemo::instruction(const RegistryRecord &record, const PublicKey &owner)
{
    auto text = encode(record);
    if (!text)
        return text.error();
    // MemoProgram takes text; the canonical bytes are valid UTF-8, so this is lossless.
    return MemoProgram::memo(QString::fromUtf8(text.value()), {owner});
}

} // namespace ovpp::core
