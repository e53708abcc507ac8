#pragma once

// The Solana CLI's everyday commands on `ovpp`: balance, airdrop, transfer, confirm and pay
// (a `solana:` link). Each is a top-level command (`ovpp balance`), named as in the Solana CLI.

#include "Command.h"

namespace ovpp::cli {

QList<Command> solanaCommands();

} // namespace ovpp::cli
