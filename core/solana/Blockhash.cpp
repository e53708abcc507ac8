#include "Blockhash.h"

#include "crypto/Base58.h"

#include <cstring>

namespace ovpp::core {

Result<Blockhash> Blockhash::fromBase58(QStringView text)
{
    // 32 bytes are at most 44 base58 characters; refuse long input before decoding it.
    if (text.isEmpty() || text.size() > 44) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("a blockhash has 32 to 44 base58 characters, not %1").arg(text.size()));
    }
    auto decoded = base58::decode(text);
    if (!decoded)
        return decoded.error();
    if (decoded->size() != static_cast<qsizetype>(Size)) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the blockhash decodes to %1 bytes instead of 32").arg(decoded->size()));
    }
    Bytes bytes;
    std::memcpy(bytes.data(), decoded->constData(), Size);
    return Blockhash(bytes);
}

QString Blockhash::toBase58() const
{
    return base58::encode(m_bytes);
}

} // namespace ovpp::core
