#pragma once

// Solana's compact-u16 ("shortvec") length prefix: 1–3 bytes, 7 bits per byte, low group first,
// high bit = "more follows". Only the minimal encoding of a value is accepted, as in the SDK's
// short-vec decoder: a longer alias would give one transaction two byte forms (and two ids).

#include "common/Result.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <span>

namespace ovpp::core::shortvec {

constexpr std::size_t MaxEncodedSize = 3;

// Appends the encoding of `value` to `out`.
void append(QByteArray &out, std::uint16_t value);
QByteArray encode(std::uint16_t value);
// How many bytes the encoding of `value` takes (1, 2 or 3).
std::size_t encodedSize(std::uint16_t value);

struct Decoded
{
    std::uint16_t value = 0;
    std::size_t size = 0; // bytes consumed
};

// Decodes the value at the start of `bytes`. InvalidArgument for a truncated input, a
// non-minimal encoding, a continuation bit on the third byte, or a value above 65535.
Result<Decoded> decode(std::span<const std::uint8_t> bytes);

} // namespace ovpp::core::shortvec
