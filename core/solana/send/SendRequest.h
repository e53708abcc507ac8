#pragma once

// What a caller asks the Sender to send, and what it gets back from Sender::prepare() to show
// the user before anything is signed.

#include "crypto/PublicKey.h"
#include "solana/Instruction.h"
#include "solana/Message.h"

#include <QList>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace ovpp::core {

struct SendRequest
{
    PublicKey feePayer;
    // The payment itself (transfer, token transfer, memo, …), without compute-budget
    // instructions: the Sender puts those in front.
    QList<Instruction> instructions;
    // micro-lamports per compute unit. nullopt: suggested from getRecentPrioritizationFees
    // (PriorityFee::suggest); 0: no priority fee and no compute-budget instructions.
    std::optional<std::uint64_t> computeUnitPrice;
    // Sent with a priority fee (the fee is price × this limit).
    std::uint32_t computeUnitLimit = 200'000;
};

struct PreparedSend
{
    Message message; // compiled with a fresh blockhash, not signed yet
    std::uint64_t lastValidBlockHeight = 0;
    std::uint64_t fee = 0; // lamports, getFeeForMessage: base fee plus priority fee
    std::uint64_t computeUnitPrice = 0; // micro-lamports per unit actually used (0: none)
    std::uint32_t computeUnitLimit = 0; // 0 when no compute-budget instructions were added
    std::optional<std::uint64_t> unitsConsumed; // from the simulation
    QStringList logs; // the simulation's program logs
};

} // namespace ovpp::core
