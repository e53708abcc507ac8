#pragma once

// A 32-byte ed25519 public key, shown as base58: a Solana address. Public, so a plain value.

#include "common/Result.h"

#include <QString>

#include <array>
#include <cstdint>

namespace ovpp::core {

class PublicKey
{
public:
    static constexpr std::size_t Size = 32;
    using Bytes = std::array<std::uint8_t, Size>;

    PublicKey() = default;
    explicit PublicKey(const Bytes &bytes)
        : m_bytes(bytes)
    { }

    // Accepts exactly 32 bytes of base58 (32–44 characters); anything else is InvalidArgument
    // with a detail saying what is wrong (bad character and where, wrong length).
    static Result<PublicKey> fromBase58(QStringView text);

    const Bytes &bytes() const { return m_bytes; }
    QString toBase58() const;
    // "Abcd…wxyz": how addresses appear in logs by default.
    QString redacted() const;

    friend bool operator==(const PublicKey &, const PublicKey &) = default;
    friend auto operator<=>(const PublicKey &, const PublicKey &) = default;

private:
    Bytes m_bytes {};
};

} // namespace ovpp::core
