#pragma once

// Private to core/wallet: what the vault encrypts (every account, label, mnemonic, passphrase
// and imported secret), serialized straight into secure memory as a small length-prefixed
// binary format (docs/vault-format.md, "Payload"). No QByteArray or JSON ever holds a secret.

#include "AccountInfo.h"
#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <vector>

namespace ovpp::core::vaultpayload {

inline constexpr std::uint32_t CurrentVersion = 1;
// The serialized contents are padded with zeros to a multiple of this, so that the file size
// says little about how many secrets it holds.
inline constexpr std::size_t PaddingBlock = 256;

struct Seed
{
    SecretBytes phrase; // normalised BIP39 words; empty once its last account is removed
    SecretBytes passphrase; // the optional BIP39 passphrase ("25th word"), UTF-8

    bool removed() const { return phrase.empty(); }
};

struct Account
{
    AccountInfo info;
    SecretBytes secret; // 64 bytes seed||public for Imported accounts, empty otherwise
};

struct Contents
{
    std::vector<Seed> seeds; // indexed by AccountInfo::seedIndex; slots are never reused
    std::vector<Account> accounts; // in display order
};

SecretBytes serialize(const Contents &contents);

// CorruptFile naming the first inconsistency; UnsupportedVersion for a newer payload version.
Result<Contents> parse(const SecretBytes &payload);

} // namespace ovpp::core::vaultpayload
