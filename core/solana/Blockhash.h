#pragma once

// A recent blockhash (32 bytes, base58 on the wire of the RPC). A transaction names one to say
// "built after this block"; validators drop it once the hash is ~150 blocks old.

#include "common/Result.h"

#include <QString>

#include <array>
#include <cstdint>

namespace ovpp::core {

class Blockhash
{
public:
    static constexpr std::size_t Size = 32;
    using Bytes = std::array<std::uint8_t, Size>;

    Blockhash() = default;
    explicit Blockhash(const Bytes &bytes)
        : m_bytes(bytes)
    { }

    // Exactly 32 bytes of base58; InvalidArgument otherwise.
    static Result<Blockhash> fromBase58(QStringView text);

    const Bytes &bytes() const { return m_bytes; }
    QString toBase58() const;

    friend bool operator==(const Blockhash &, const Blockhash &) = default;

private:
    Bytes m_bytes {};
};

} // namespace ovpp::core
