#pragma once

// Base58 with the Bitcoin alphabet (the one Solana uses); each leading zero byte is one '1'.

#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <span>

namespace ovpp::core::base58 {

QString encode(std::span<const std::uint8_t> bytes);
// InvalidArgument naming the first character outside the alphabet and its position.
Result<QByteArray> decode(QStringView text);

// The same for secrets: no unprotected intermediate buffers.
SecretBytes encodeSecret(std::span<const std::uint8_t> bytes); // ASCII text in secure memory
Result<SecretBytes> decodeSecret(std::span<const std::uint8_t> asciiText);

} // namespace ovpp::core::base58
