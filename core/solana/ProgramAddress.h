#pragma once

// Program derived addresses (REFERENCE.md §3): sha256(seeds… || program id ||
// "ProgramDerivedAddress"), accepted only when the hash is NOT an ed25519 curve point, so that
// no private key can exist for it. find() appends a bump byte from 255 down to 1.

#include "ProgramIds.h"
#include "common/Result.h"
#include "crypto/PublicKey.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <span>

namespace ovpp::core {

class ProgramAddress
{
public:
    static constexpr int MaxSeeds = 16;
    static constexpr int MaxSeedLength = 32;

    struct Found
    {
        PublicKey address;
        std::uint8_t bump = 0;
    };

    // create_program_address: InvalidArgument for too many or too long seeds, or when the hash
    // lands on the curve (then there is no PDA for these exact seeds).
    static Result<PublicKey> create(const QList<QByteArray> &seeds, const PublicKey &programId);

    // find_program_address: the first bump (255, 254, …, 1) whose address is off the curve.
    // NotFound only if every bump lands on the curve (probability about 2^-255).
    static Result<Found> find(const QList<QByteArray> &seeds, const PublicKey &programId);

    // The associated token account of `wallet` for `mint`: seeds [wallet, token program, mint]
    // under the ATA program. Token-2022 mints use the Token-2022 id as `tokenProgramId`.
    static Result<Found> associatedTokenAddress(const PublicKey &wallet, const PublicKey &mint,
                                                const PublicKey &tokenProgramId
                                                = programs::tokenProgram());

    // Whether 32 bytes decode to a point of the ed25519 curve, in the sense of
    // curve25519-dalek's CompressedEdwardsY::decompress (what the Solana runtime uses). Not
    // libsodium's crypto_core_ed25519_is_valid_point, which also rejects points outside the
    // prime-order subgroup and would accept on-curve hashes as PDAs.
    static bool isOnCurve(std::span<const std::uint8_t, 32> bytes);

    ProgramAddress() = delete;
};

} // namespace ovpp::core
