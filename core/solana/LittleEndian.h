#pragma once

// Private to core/solana: little-endian integers in and out of instruction data (bincode and the
// SPL programs' hand-written packers both use LE).

#include <QByteArray>

#include <cstdint>
#include <optional>

namespace ovpp::core::le {

template<typename T> void append(QByteArray &out, T value)
{
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out.append(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xffu));
}

// Reads a T at `offset`, or nothing when the data is too short.
template<typename T> std::optional<T> read(const QByteArray &data, qsizetype offset)
{
    if (offset < 0 || data.size() - offset < static_cast<qsizetype>(sizeof(T)))
        return std::nullopt;
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        value |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(data[offset + qsizetype(i)]))
            << (8 * i);
    }
    return static_cast<T>(value);
}

} // namespace ovpp::core::le
