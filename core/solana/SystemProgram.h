#pragma once

// System program instructions (bincode: u32 LE variant index, then the fields LE).
// REFERENCE.md §2.1.

#include "Instruction.h"
#include "crypto/PublicKey.h"

#include <cstdint>

namespace ovpp::core {

class SystemProgram
{
public:
    // Variant indexes of SystemInstruction that the wallet writes or names.
    enum Index : std::uint32_t {
        CreateAccount = 0,
        Assign = 1,
        Transfer = 2,
        CreateAccountWithSeed = 3,
        AdvanceNonceAccount = 4,
        WithdrawNonceAccount = 5,
        InitializeNonceAccount = 6,
        AuthorizeNonceAccount = 7,
        Allocate = 8,
        AllocateWithSeed = 9,
        AssignWithSeed = 10,
        TransferWithSeed = 11,
        UpgradeNonceAccount = 12,
    };

    // Moves `lamports` from `from` (writable signer) to `to` (writable).
    static Instruction transfer(const PublicKey &from, const PublicKey &to, std::uint64_t lamports);

    // Creates `newAccount` (which must sign too) with `space` bytes owned by `owner`, funded
    // with `lamports` from `from`.
    static Instruction createAccount(const PublicKey &from, const PublicKey &newAccount,
                                     std::uint64_t lamports, std::uint64_t space,
                                     const PublicKey &owner);

    SystemProgram() = delete;
};

} // namespace ovpp::core
