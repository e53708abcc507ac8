#pragma once

// `ovpp token ...`: SPL tokens (USDE, USDC or any mint) — transfer and accounts, named as in
// the spl-token CLI.

#include "Command.h"

namespace ovpp::cli {

QList<Command> tokenCommands();

} // namespace ovpp::cli
