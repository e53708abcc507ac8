#include "VaultPayload.h"

#include <QSet>
#include <QtEndian>

#include <cstring>
#include <limits>

namespace ovpp::core::vaultpayload {

namespace {

constexpr std::size_t SecretKeySize = 64;
constexpr qint64 NoTimestamp = std::numeric_limits<qint64>::min();
constexpr std::size_t MinimumAccountSize = 61; // every field present, all texts empty

// Written explicitly, so that reordering the enum can never change the file format.
enum KindCode : std::uint8_t { DerivedCode = 0, ImportedCode = 1, WatchOnlyCode = 2 };

std::uint8_t kindCode(AccountKind kind)
{
    switch (kind) {
    case AccountKind::Derived:
        return DerivedCode;
    case AccountKind::Imported:
        return ImportedCode;
    case AccountKind::WatchOnly:
        return WatchOnlyCode;
    }
    return 0xff;
}

// Runs twice over the same contents: first counting bytes (no buffer), then writing into a
// SecretBytes of exactly that size, so the plaintext never passes through growable memory.
class Writer
{
public:
    explicit Writer(std::uint8_t *out)
        : m_out(out)
    { }

    std::size_t size() const { return m_size; }

    void raw(const void *data, std::size_t size)
    {
        if (m_out && size)
            std::memcpy(m_out + m_size, data, size);
        m_size += size;
    }
    void u8(std::uint8_t v) { raw(&v, 1); }
    void u32(std::uint32_t v)
    {
        std::uint8_t b[4];
        qToLittleEndian(v, b);
        raw(b, sizeof b);
    }
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void i64(qint64 v)
    {
        std::uint8_t b[8];
        qToLittleEndian(static_cast<quint64>(v), b);
        raw(b, sizeof b);
    }
    void blob(std::span<const std::uint8_t> data)
    {
        u32(static_cast<std::uint32_t>(data.size()));
        raw(data.data(), data.size());
    }
    void text(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        u32(static_cast<std::uint32_t>(utf8.size()));
        raw(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    }

private:
    std::uint8_t *m_out;
    std::size_t m_size = 0;
};

class Reader
{
public:
    explicit Reader(std::span<const std::uint8_t> in)
        : m_in(in)
    { }

    bool failed() const { return m_failed; }
    std::size_t remaining() const { return m_in.size() - m_pos; }
    std::span<const std::uint8_t> rest() const { return m_in.subspan(m_pos); }

    std::span<const std::uint8_t> take(std::size_t size)
    {
        if (m_failed || size > remaining()) {
            m_failed = true;
            return {};
        }
        auto out = m_in.subspan(m_pos, size);
        m_pos += size;
        return out;
    }
    std::uint8_t u8()
    {
        auto b = take(1);
        return b.empty() ? 0 : b[0];
    }
    std::uint32_t u32()
    {
        auto b = take(4);
        return b.empty() ? 0 : qFromLittleEndian<quint32>(b.data());
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    qint64 i64()
    {
        auto b = take(8);
        return b.empty() ? 0 : static_cast<qint64>(qFromLittleEndian<quint64>(b.data()));
    }
    std::span<const std::uint8_t> blob() { return take(u32()); }
    QString text()
    {
        auto b = blob();
        return QString::fromUtf8(reinterpret_cast<const char *>(b.data()),
                                 static_cast<qsizetype>(b.size()));
    }

private:
    std::span<const std::uint8_t> m_in;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

void write(Writer &w, const Contents &contents)
{
    w.u32(CurrentVersion);
    w.u32(static_cast<std::uint32_t>(contents.seeds.size()));
    for (const Seed &seed : contents.seeds) {
        w.blob(seed.phrase.span());
        w.blob(seed.passphrase.span());
    }
    w.u32(static_cast<std::uint32_t>(contents.accounts.size()));
    for (const Account &account : contents.accounts) {
        const AccountInfo &info = account.info;
        w.text(info.id);
        w.text(info.label);
        w.u8(kindCode(info.kind));
        w.raw(info.address.bytes().data(), PublicKey::Size);
        w.i32(info.seedIndex);
        w.text(info.path.toString());
        w.i64(info.created.isValid() ? info.created.toMSecsSinceEpoch() : NoTimestamp);
        w.blob(account.secret.span());
    }
}

Error corrupt(const QString &what)
{
    return makeError(ErrorCode::CorruptFile, QStringLiteral("damaged contents: %1").arg(what));
}

} // namespace

SecretBytes serialize(const Contents &contents)
{
    Writer counter(nullptr);
    write(counter, contents);
    const std::size_t padded = (counter.size() / PaddingBlock + 1) * PaddingBlock;
    SecretBytes out(padded); // zero-filled: the padding
    Writer writer(out.data());
    write(writer, contents);
    return out;
}

Result<Contents> parse(const SecretBytes &payload)
{
    Reader r(payload.span());
    const std::uint32_t version = r.u32();
    if (r.failed())
        return corrupt(QStringLiteral("no version"));
    if (version != CurrentVersion)
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("vault contents version %1; this app reads version %2")
                             .arg(version)
                             .arg(CurrentVersion));

    Contents contents;
    const std::uint32_t seedCount = r.u32();
    // Each entry needs at least 8 bytes: a count larger than the rest can hold is damage, and
    // must not make us reserve memory for it.
    if (r.failed() || seedCount > r.remaining() / 8)
        return corrupt(QStringLiteral("impossible number of mnemonics"));
    contents.seeds.reserve(seedCount);
    for (std::uint32_t i = 0; i < seedCount; ++i) {
        const auto phrase = r.blob();
        const auto passphrase = r.blob();
        if (r.failed())
            return corrupt(QStringLiteral("mnemonic %1 is cut short").arg(i));
        contents.seeds.push_back({SecretBytes(phrase.data(), phrase.size()),
                                  SecretBytes(passphrase.data(), passphrase.size())});
    }

    const std::uint32_t accountCount = r.u32();
    if (r.failed() || accountCount > r.remaining() / MinimumAccountSize)
        return corrupt(QStringLiteral("impossible number of accounts"));
    contents.accounts.reserve(accountCount);
    QSet<QString> ids;
    for (std::uint32_t i = 0; i < accountCount; ++i) {
        Account account;
        AccountInfo &info = account.info;
        info.id = r.text();
        info.label = r.text();
        const std::uint8_t kind = r.u8();
        const auto address = r.take(PublicKey::Size);
        info.seedIndex = r.i32();
        const QString path = r.text();
        const qint64 created = r.i64();
        const auto secret = r.blob();
        if (r.failed())
            return corrupt(QStringLiteral("account %1 is cut short").arg(i));

        if (info.id.isEmpty() || ids.contains(info.id))
            return corrupt(QStringLiteral("account %1 has a missing or repeated id").arg(i));
        ids.insert(info.id);
        PublicKey::Bytes addressBytes {};
        std::memcpy(addressBytes.data(), address.data(), addressBytes.size());
        info.address = PublicKey(addressBytes);
        auto parsedPath = DerivationPath::parse(path);
        if (!parsedPath)
            return corrupt(QStringLiteral("account %1 has an invalid path").arg(i));
        info.path = parsedPath.value();
        if (created != NoTimestamp)
            info.created = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC);

        switch (kind) {
        case DerivedCode:
            info.kind = AccountKind::Derived;
            if (info.seedIndex < 0 || static_cast<std::size_t>(info.seedIndex) >= seedCount
                || contents.seeds[static_cast<std::size_t>(info.seedIndex)].removed())
                return corrupt(QStringLiteral("account %1 names a missing mnemonic").arg(i));
            if (!secret.empty())
                return corrupt(QStringLiteral("derived account %1 carries a key").arg(i));
            break;
        case ImportedCode:
            info.kind = AccountKind::Imported;
            // The public half of a 64-byte secret is the address; a mismatch is damage.
            if (secret.size() != SecretKeySize
                || std::memcmp(secret.data() + 32, address.data(), PublicKey::Size) != 0)
                return corrupt(QStringLiteral("imported account %1 has an invalid key").arg(i));
            account.secret = SecretBytes(secret.data(), secret.size());
            break;
        case WatchOnlyCode:
            info.kind = AccountKind::WatchOnly;
            if (!secret.empty())
                return corrupt(QStringLiteral("watch-only account %1 carries a key").arg(i));
            break;
        default:
            return corrupt(QStringLiteral("account %1 has unknown kind %2").arg(i).arg(kind));
        }
        if (info.kind != AccountKind::Derived && info.seedIndex != -1)
            return corrupt(QStringLiteral("account %1 names a mnemonic it cannot use").arg(i));
        contents.accounts.push_back(std::move(account));
    }

    for (std::uint8_t b : r.rest()) {
        if (b != 0)
            return corrupt(QStringLiteral("unexpected bytes after the accounts"));
    }
    return contents;
}

} // namespace ovpp::core::vaultpayload
