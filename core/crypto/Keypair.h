#pragma once

// An ed25519 keypair as Solana uses it: 64 secret bytes = 32-byte seed || 32-byte public key
// (the same as libsodium's crypto_sign secret key and a Solana CLI keypair file).

#include "DerivationPath.h"
#include "PublicKey.h"
#include "SecretBytes.h"
#include "common/Result.h"

#include <QByteArray>

namespace ovpp::core {

class Keypair
{
public:
    // From a 32-byte ed25519 seed.
    static Keypair fromSeed(std::span<const std::uint8_t> seed32);
    // From 64 bytes seed||pk; KeyMismatch when pk is not the seed's public key.
    static Result<Keypair> fromSecretKey(std::span<const std::uint8_t> secret64);
    // A Solana CLI keypair file's text: JSON array of exactly 64 integers 0..255.
    static Result<Keypair> fromKeypairJson(std::span<const std::uint8_t> jsonText);
    // A base58 string of the 64-byte secret (what Phantom exports).
    static Result<Keypair> fromBase58Secret(std::span<const std::uint8_t> base58Text);
    // From a BIP39 seed (64 bytes) and a path (SLIP-0010 ed25519, or legacy seed[0..32]).
    static Keypair fromBip39Seed(std::span<const std::uint8_t> bip39Seed,
                                 const DerivationPath &path);

    const PublicKey &publicKey() const { return m_public; }
    const SecretBytes &secretKey() const { return m_secret; } // 64 bytes

    SecretBytes toKeypairJson() const; // "[1,2,...]" without spaces, as solana-keygen writes
    SecretBytes toBase58Secret() const;

    QByteArray sign(std::span<const std::uint8_t> message) const; // 64-byte signature
    static bool verify(const PublicKey &key, std::span<const std::uint8_t> message,
                       std::span<const std::uint8_t> signature);

private:
    PublicKey m_public;
    SecretBytes m_secret;
};

// SLIP-0010 ed25519 derivation (hardened only): returns 32-byte key || 32-byte chain code.
SecretBytes slip10DeriveEd25519(std::span<const std::uint8_t> seed,
                                const QList<std::uint32_t> &hardenedIndexes);

} // namespace ovpp::core
