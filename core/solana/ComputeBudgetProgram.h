#pragma once

// Compute Budget instructions: 1-byte discriminator + LE value, no accounts (REFERENCE.md §2.2).
// The priority fee is price × requested limit / 10^6 lamports, so the two go together.

#include "Instruction.h"

#include <cstdint>

namespace ovpp::core {

class ComputeBudgetProgram
{
public:
    enum Tag : std::uint8_t {
        RequestHeapFrame = 1,
        SetComputeUnitLimit = 2,
        SetComputeUnitPrice = 3,
        SetLoadedAccountsDataSizeLimit = 4,
    };

    // The runtime clamps larger limits to this.
    static constexpr std::uint32_t MaxComputeUnitLimit = 1'400'000;

    static Instruction setComputeUnitLimit(std::uint32_t units);
    static Instruction setComputeUnitPrice(std::uint64_t microLamports);

    ComputeBudgetProgram() = delete;
};

} // namespace ovpp::core
