#pragma once

// JSON from an RPC node, read without losing integers. Solana sends u64 values (lamports,
// rentEpoch = u64::MAX, token amounts in some places) as bare JSON numbers, and QJsonDocument
// stores numbers beyond qint64 as double, which silently rounds anything above 2^53. parse()
// therefore rewrites every integer token of 16 or more digits into a JSON string before
// QJsonDocument sees it; toU64()/toI64() accept both forms and reject anything inexact.

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonValue>

#include <cstdint>
#include <optional>

namespace ovpp::core {

class RpcJson
{
public:
    // Integers with at least this many digits are quoted: 2^53 has 16 digits, and every
    // integer with fewer digits is exactly representable in a double.
    static constexpr int QuoteFromDigits = 16;

    // InvalidArgument naming the offset of the first syntax error.
    static Result<QJsonDocument> parse(QByteArrayView text);
    // The text with every long integer token (outside strings, no fraction or exponent)
    // wrapped in quotes; anything else, including malformed input, is copied unchanged.
    static QByteArray quoteLongIntegers(QByteArrayView text);

    // A non-negative integer from a JSON number that is exactly integral and at most 2^53, or
    // from a string of decimal digits up to u64::MAX. nullopt for anything else.
    static std::optional<std::uint64_t> toU64(const QJsonValue &value);
    static std::optional<std::int64_t> toI64(const QJsonValue &value);

    RpcJson() = delete;
};

} // namespace ovpp::core
