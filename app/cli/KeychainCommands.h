#pragma once

// `ovpp keychain ...`: "unlock on this device" — a vault's key kept in the OS keychain (Secret
// Service), shared with the desktop app, so that scripts need no password file. Also the
// helpers the wallet commands use for --use-keychain and after a password change.

#include "Command.h"
#include "crypto/SecretBytes.h"

#include <QUuid>

namespace ovpp::cli {

QList<Command> keychainCommands();

namespace keychain {

// The stored key of the vault at `path` (identified by its id), for --use-keychain.
Outcome<core::SecretBytes> vaultKey(const QString &path, const QUuid &vaultId);
// After a password change the vault has a new key: replace a stored one, if there is one. Never
// fails the command; returns a note for the user when the keychain could not be updated.
QString refreshStoredKey(const QUuid &vaultId, const core::SecretBytes &newKey);

} // namespace keychain

} // namespace ovpp::cli
