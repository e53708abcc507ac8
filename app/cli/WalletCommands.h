#pragma once

// `ovpp wallet ...`: vaults and their accounts (create, import, watch, list, export, passwd).

#include "Command.h"

namespace ovpp::cli {

QList<Command> walletCommands();

} // namespace ovpp::cli
