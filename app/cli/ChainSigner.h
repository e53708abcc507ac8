#pragma once

// Who signs (or, for read-only commands, whose address is meant) in the Solana commands:
// `--keypair FILE` (a solana-keygen JSON keypair file), or an account of a vault (`--vault`,
// `--account N`, the password from the prompt or --password-file, or --use-keychain), like the
// wallet commands. Kept apart from the RPC code: it is the only part that opens a vault.

#include "Command.h"
#include "crypto/Keypair.h"
#include "crypto/PublicKey.h"

#include <QString>

#include <optional>

namespace ovpp::cli {

struct ChainSigner
{
    core::PublicKey address;
    std::optional<core::Keypair> keypair; // absent for a watch-only account
    QString description; // "the keypair file id.json", "account 0 of /home/a/w.ovppvault"
};

// Options the signer reads; commands that sign or default to "my address" accept them.
const QStringList &signerOptions();

// The signer. With `needSecret`, a watch-only account is a clear failure.
Outcome<ChainSigner> loadSigner(const Invocation &in, bool needSecret);

} // namespace ovpp::cli
