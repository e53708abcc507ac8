#include "PublicKey.h"

#include "Base58.h"

#include <cstring>

namespace ovpp::core {

namespace {

// Far above the 44 characters of any 32-byte value: longer input is refused before the O(n^2)
// base conversion, with the same "wrong length" message.
constexpr qsizetype MaxDecodedLength = 128;

} // namespace

Result<PublicKey> PublicKey::fromBase58(QStringView text)
{
    if (text.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the address is empty"));
    if (text.size() > MaxDecodedLength) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the address has %1 characters; a Solana address has "
                                        "32 to 44")
                             .arg(text.size()));
    }
    auto decoded = base58::decode(text);
    if (!decoded)
        return decoded.error();
    const QByteArray &bytes = decoded.value();
    if (bytes.size() != static_cast<qsizetype>(Size)) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the address decodes to %1 bytes instead of %2 (it has "
                                        "%3 characters; a Solana address has 32 to 44)")
                             .arg(bytes.size())
                             .arg(Size)
                             .arg(text.size()));
    }
    Bytes raw;
    std::memcpy(raw.data(), bytes.constData(), Size);
    return PublicKey(raw);
}

QString PublicKey::toBase58() const
{
    return base58::encode(m_bytes);
}

QString PublicKey::redacted() const
{
    const QString full = toBase58();
    return full.left(4) + QChar(0x2026) + full.right(4);
}

} // namespace ovpp::core
