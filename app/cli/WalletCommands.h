#pragma once

// `ovpp wallet ...`: vaults and their accounts (create, import, watch, list, export, passwd).

#include "Command.h"
#include "wallet/Wallet.h"

namespace ovpp::cli {

QList<Command> walletCommands();

// For other command groups that sign with a vault account: --vault, or the desktop app's default
// wallet; and that vault opened with --use-keychain, --password-file or a password prompt.
QString vaultPathOption(const Invocation &in);
Outcome<core::Wallet> openExistingVault(const Invocation &in, const QString &path);

} // namespace ovpp::cli
