#pragma once
// Solana Pay amounts: decimal text in user units <-> exact integer base units. Never a double:
// 0.1 SOL must be exactly 100000000 lamports.

#include "common/Result.h"

#include <QString>
#include <QStringView>

#include <cstdint>

namespace ovpp::core {

class PaymentAmount
{
public:
    // More decimals than any SPL mint can have (u8, but 10^20 already overflows u64).
    static constexpr int MaxDecimals = 19;
    static constexpr std::uint8_t SolDecimals = 9;

    // The reference parser's /^\d+(\.\d+)?$/ (ASCII digits only): rejects "", ".5", "1.",
    // "-1", "+1", "1e3", " 1".
    static bool isWellFormed(QStringView text);

    // The shortest text of the same value: "007.50" -> "7.5", "0.0" -> "0". InvalidArgument
    // when not well formed.
    static Result<QString> normalized(QStringView text);

    // amount x 10^decimals exactly. InvalidArgument when not well formed, when it has more
    // significant fraction digits than `decimals` (the reference's "amount decimals invalid";
    // trailing zeros do not count, as with BigNumber), or when it does not fit in a u64.
    static Result<std::uint64_t> toBaseUnits(QStringView text, std::uint8_t decimals);

    // The inverse: 1500000 with 6 decimals -> "1.5". Always plain digits, never an exponent.
    static QString fromBaseUnits(std::uint64_t units, std::uint8_t decimals);

    PaymentAmount() = delete;
};

} // namespace ovpp::core
