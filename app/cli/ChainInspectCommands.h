#pragma once

// Read-only views of the chain: `history`, `inspect` (support staff's one-stop view of any
// address, no vault needed) and `tx decode` (any transaction's bytes, offline).

#include "Command.h"

namespace ovpp::cli {

QList<Command> chainInspectCommands();

} // namespace ovpp::cli
