#pragma once

// Associated Token Account program instructions (REFERENCE.md §2.4). The account address is
// passed in, derived by ProgramAddress::associatedTokenAddress(), so the caller derives it once
// and shows the same address it sends.

#include "Instruction.h"
#include "ProgramIds.h"
#include "crypto/PublicKey.h"

#include <cstdint>

namespace ovpp::core {

class AssociatedTokenProgram
{
public:
    enum Tag : std::uint8_t {
        Create = 0,
        CreateIdempotent = 1,
        RecoverNested = 2,
    };

    // How a plain Create is encoded. The program treats empty data as Create; @solana/spl-token
    // sends empty data, the Rust interface sends [0]. Both work; the bytes (and id) differ.
    enum class CreateEncoding {
        EmptyData, // @solana/spl-token createAssociatedTokenAccountInstruction
        ExplicitTag, // spl-associated-token-account-interface create_associated_token_account
    };

    // Creates `associatedAccount` (the ATA of `wallet` for `mint`), paid by `payer`; fails on
    // chain if it already exists.
    static Instruction create(const PublicKey &payer, const PublicKey &associatedAccount,
                              const PublicKey &wallet, const PublicKey &mint,
                              const PublicKey &tokenProgramId = programs::tokenProgram(),
                              CreateEncoding encoding = CreateEncoding::EmptyData);

    // The same, but succeeds when the account already exists with the right owner: what a send
    // uses when it does not know whether the recipient has the account.
    static Instruction createIdempotent(const PublicKey &payer, const PublicKey &associatedAccount,
                                        const PublicKey &wallet, const PublicKey &mint,
                                        const PublicKey &tokenProgramId = programs::tokenProgram());

    AssociatedTokenProgram() = delete;
};

} // namespace ovpp::core
