#pragma once

// SPL Token instructions (1-byte tag, then fields LE; REFERENCE.md §2.3). The same layout serves
// Token-2022 for these base instructions: pass its id as `programId`.

#include "Instruction.h"
#include "ProgramIds.h"
#include "crypto/PublicKey.h"

#include <QList>

#include <cstdint>
#include <optional>

namespace ovpp::core {

class TokenProgram
{
public:
    enum Tag : std::uint8_t {
        InitializeMint = 0,
        InitializeAccount = 1,
        InitializeMultisig = 2,
        Transfer = 3,
        Approve = 4,
        Revoke = 5,
        SetAuthority = 6,
        MintTo = 7,
        Burn = 8,
        CloseAccount = 9,
        FreezeAccount = 10,
        ThawAccount = 11,
        TransferChecked = 12,
        ApproveChecked = 13,
        MintToChecked = 14,
        BurnChecked = 15,
        InitializeAccount2 = 16,
        SyncNative = 17,
        InitializeAccount3 = 18,
        InitializeMultisig2 = 19,
        InitializeMint2 = 20,
        GetAccountDataSize = 21,
        InitializeImmutableOwner = 22,
        AmountToUiAmount = 23,
        UiAmountToAmount = 24,
    };

    // Size of a mint account (for CreateAccount before InitializeMint2).
    static constexpr std::uint64_t MintSize = 82;
    static constexpr std::uint64_t AccountSize = 165;

    // Moves `amount` base units from token account `source` to token account `destination`,
    // checking the mint and its decimals. `owner` signs, unless `multisigSigners` is given: then
    // `owner` is a multisig account and those keys sign instead.
    static Instruction transferChecked(const PublicKey &source, const PublicKey &mint,
                                       const PublicKey &destination, const PublicKey &owner,
                                       std::uint64_t amount, std::uint8_t decimals,
                                       const QList<PublicKey> &multisigSigners = {},
                                       const PublicKey &programId = programs::tokenProgram());

    // Initializes `mint` (already created with MintSize bytes) without the Rent sysvar.
    static Instruction initializeMint2(const PublicKey &mint, std::uint8_t decimals,
                                       const PublicKey &mintAuthority,
                                       const std::optional<PublicKey> &freezeAuthority = {},
                                       const PublicKey &programId = programs::tokenProgram());

    // Mints `amount` base units of `mint` into token account `destination`.
    static Instruction mintTo(const PublicKey &mint, const PublicKey &destination,
                              const PublicKey &mintAuthority, std::uint64_t amount,
                              const QList<PublicKey> &multisigSigners = {},
                              const PublicKey &programId = programs::tokenProgram());

    TokenProgram() = delete;
};

} // namespace ovpp::core
