#pragma once

// The priority fee a send suggests, from getRecentPrioritizationFees (the lowest fee per slot
// that landed in each of the last ~150 slots, for the accounts the transaction writes).
//
// Policy: the median of the non-zero entries (slots where nobody had to pay are ignored, or a
// quiet cluster would always suggest 0 while a busy account needs more), rounded up, then
// clamped to [MinMicroLamports, MaxMicroLamports]. No non-zero entry at all means nobody
// needed a priority fee: the suggestion is 0 and the send carries no SetComputeUnitPrice.
// The cap keeps a burst of extreme bids from making the user pay a fortune: at the cap and the
// default 200,000 unit limit, the priority part is 200,000 lamports (0.0002 SOL).

#include "solana/rpc/RpcTypes.h"

#include <QList>

#include <cstdint>

namespace ovpp::core {

class PriorityFee
{
public:
    static constexpr std::uint64_t MinMicroLamports = 1;
    static constexpr std::uint64_t MaxMicroLamports = 1'000'000;

    // micro-lamports per compute unit; 0 = no priority fee.
    static std::uint64_t suggest(const QList<PrioritizationFee> &recent);
    // The priority part of the fee in lamports: price × limit / 10^6, rounded up as the runtime
    // does.
    static std::uint64_t lamports(std::uint64_t microLamportsPerUnit, std::uint32_t unitLimit);

    PriorityFee() = delete;
};

} // namespace ovpp::core
