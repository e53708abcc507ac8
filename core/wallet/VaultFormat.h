#pragma once

// Private to core/wallet: the vault file's bytes (plaintext header + XChaCha20-Poly1305
// ciphertext) and the Argon2id key derivation. The layout and the reasons behind it are in
// docs/vault-format.md; keep the two in step.

#include "KdfParams.h"
#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

#include <array>
#include <cstddef>
#include <cstdint>

namespace ovpp::core::vaultformat {

inline constexpr std::array<std::uint8_t, 8> Magic {'O', 'V', 'P', 'P', 'V', 'L', 'T', 0};
inline constexpr std::uint16_t CurrentVersion = 1;

// Offsets every version keeps, so that any version's header can be checked for damage before
// its version number is believed.
inline constexpr std::size_t VersionOffset = 8;
inline constexpr std::size_t HeaderLengthOffset = 10;
inline constexpr std::size_t ChecksumSize = 16; // the last bytes of the header

// Version 1 layout.
inline constexpr std::size_t UuidOffset = 12;
inline constexpr std::size_t KdfAlgorithmOffset = 28;
inline constexpr std::size_t AeadAlgorithmOffset = 29;
inline constexpr std::size_t ReservedOffset = 30; // 2 bytes, zero
inline constexpr std::size_t OpsLimitOffset = 32;
inline constexpr std::size_t MemLimitOffset = 40;
inline constexpr std::size_t SaltOffset = 48;
inline constexpr std::size_t NonceOffset = 64;
inline constexpr std::size_t CiphertextLengthOffset = 88;
inline constexpr std::size_t KeyCheckOffset = 96;
inline constexpr std::size_t ChecksumOffset = 128;
inline constexpr std::size_t HeaderSize = 144;

inline constexpr std::uint8_t KdfArgon2id13 = 2; // == crypto_pwhash_ALG_ARGON2ID13
inline constexpr std::uint8_t AeadXChaCha20Poly1305 = 1;
inline constexpr std::size_t SaltSize = 16; // crypto_pwhash_SALTBYTES
inline constexpr std::size_t NonceSize = 24; // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
inline constexpr std::size_t TagSize = 16; // crypto_aead_xchacha20poly1305_ietf_ABYTES
inline constexpr std::size_t KeySize = 32;
inline constexpr std::size_t KeyCheckSize = 32;

// Bounds on what a header may ask of us: a damaged or hostile header must not make the app
// allocate terabytes or run Argon2id for hours.
inline constexpr std::uint64_t MaxOpsLimit = 256;
inline constexpr std::uint64_t MaxMemLimitBytes = 4ull << 30;
inline constexpr qint64 MaxFileSize = 64ll << 20;

struct Header
{
    std::uint16_t version = CurrentVersion;
    QUuid vaultId;
    KdfParams kdf;
    std::array<std::uint8_t, SaltSize> salt {};
    std::array<std::uint8_t, NonceSize> nonce {};
    std::uint64_t ciphertextLength = 0; // payload + tag
    std::array<std::uint8_t, KeyCheckSize> keyCheck {};
};

// InvalidArgument when the parameters are outside what libsodium and our bounds accept.
Result<void> checkKdfParams(const KdfParams &kdf);

// Classifies and parses a whole vault file (or, with `headerOnly`, a prefix of at least the
// header): EmptyFile, NotAVault, CorruptFile (truncation, damaged header, size mismatch),
// UnsupportedVersion. Never looks at the ciphertext's contents.
Result<Header> parseHeader(QByteArrayView file, bool headerOnly = false);

// The 144 header bytes, checksum included; they are also the AEAD's associated data.
QByteArray serializeHeader(const Header &header);

std::array<std::uint8_t, SaltSize> randomSalt();

// Argon2id13 over the password: the 32-byte vault key. Internal when libsodium refuses (memory).
Result<SecretBytes> deriveVaultKey(const SecretBytes &password, const KdfParams &kdf,
                                   const std::array<std::uint8_t, SaltSize> &salt);

// What the header stores to tell a wrong password from a damaged ciphertext.
std::array<std::uint8_t, KeyCheckSize> keyCheck(const SecretBytes &vaultKey);

// The whole file: header (with a fresh nonce, the key check and the length filled in) and the
// encrypted payload. `header` supplies the id, KDF parameters and salt.
QByteArray seal(Header header, const SecretBytes &vaultKey, const SecretBytes &payload);

// Decrypts a file whose header parseHeader accepted: WrongPassword when the key check does not
// match, CorruptFile when the ciphertext (or the header) fails authentication.
Result<SecretBytes> open(QByteArrayView file, const Header &header, const SecretBytes &vaultKey);

} // namespace ovpp::core::vaultformat
