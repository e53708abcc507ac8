#include "ProgramAddress.h"

#include <sodium.h>

#include <cstring>

namespace ovpp::core {

namespace {

constexpr char PdaMarker[] = "ProgramDerivedAddress";

// The ed25519 base point B, compressed (y = 4/5, x positive).
constexpr unsigned char BasePoint[32] = {
    0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

Result<void> checkSeeds(const QList<QByteArray> &seeds, int reserved)
{
    if (seeds.size() + reserved > ProgramAddress::MaxSeeds) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 seeds given; at most %2 are allowed")
                             .arg(seeds.size())
                             .arg(ProgramAddress::MaxSeeds - reserved));
    }
    for (int i = 0; i < seeds.size(); ++i) {
        if (seeds[i].size() > ProgramAddress::MaxSeedLength) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("seed %1 is %2 bytes; at most %3 are allowed")
                                 .arg(i)
                                 .arg(seeds[i].size())
                                 .arg(ProgramAddress::MaxSeedLength));
        }
    }
    return {};
}

// sha256 over the seeds, an optional bump byte, the program id and the marker.
PublicKey::Bytes hashSeeds(const QList<QByteArray> &seeds, const std::uint8_t *bump,
                           const PublicKey &programId)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (const QByteArray &seed : seeds) {
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(seed.constData()),
                                  static_cast<unsigned long long>(seed.size()));
    }
    if (bump)
        crypto_hash_sha256_update(&state, bump, 1);
    crypto_hash_sha256_update(&state, programId.bytes().data(), PublicKey::Size);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(PdaMarker),
                              sizeof(PdaMarker) - 1);
    PublicKey::Bytes hash;
    crypto_hash_sha256_final(&state, hash.data());
    return hash;
}

} // namespace

bool ProgramAddress::isOnCurve(std::span<const std::uint8_t, 32> bytes)
{
    // crypto_core_ed25519_add() only decodes its inputs (ge25519_frombytes) and checks the curve
    // equation; unlike is_valid_point it does not demand the prime-order subgroup or a canonical
    // encoding. Adding B (certainly on the curve) therefore fails exactly when `bytes` is not a
    // curve point — the dalek decompress() semantics the runtime uses (REFERENCE.md §3).
    unsigned char sum[crypto_core_ed25519_BYTES];
    return crypto_core_ed25519_add(sum, bytes.data(), BasePoint) == 0;
}

Result<PublicKey> ProgramAddress::create(const QList<QByteArray> &seeds, const PublicKey &programId)
{
    if (auto ok = checkSeeds(seeds, 0); !ok)
        return ok.error();
    const PublicKey::Bytes hash = hashSeeds(seeds, nullptr, programId);
    if (isOnCurve(hash)) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("these seeds give an address on the ed25519 curve, which "
                                        "cannot be a program address; try another bump"));
    }
    return PublicKey(hash);
}

Result<ProgramAddress::Found> ProgramAddress::find(const QList<QByteArray> &seeds,
                                                   const PublicKey &programId)
{
    // The bump is one more seed, so one fewer is left for the caller.
    if (auto ok = checkSeeds(seeds, 1); !ok)
        return ok.error();
    for (int bump = 255; bump > 0; --bump) {
        const auto bumpByte = static_cast<std::uint8_t>(bump);
        const PublicKey::Bytes hash = hashSeeds(seeds, &bumpByte, programId);
        if (!isOnCurve(hash))
            return Found {PublicKey(hash), bumpByte};
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no bump seed gives an address off the curve"));
}

Result<ProgramAddress::Found>
ProgramAddress::associatedTokenAddress(const PublicKey &wallet, const PublicKey &mint,
                                       const PublicKey &tokenProgramId)
{
    auto raw = [](const PublicKey &key) {
        return QByteArray(reinterpret_cast<const char *>(key.bytes().data()), PublicKey::Size);
    };
    return find({raw(wallet), raw(tokenProgramId), raw(mint)}, programs::associatedTokenProgram());
}

} // namespace ovpp::core
