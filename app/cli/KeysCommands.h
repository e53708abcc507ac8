#pragma once

// `ovpp keys ...`: key derivation without a vault.

#include "Command.h"

namespace ovpp::cli {

QList<Command> keysCommands();

} // namespace ovpp::cli
