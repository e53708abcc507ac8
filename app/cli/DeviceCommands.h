#pragma once

// `ovpp device ...`: SunSpec inverters found, paired, listed and registered on chain.

#include "Command.h"

namespace ovpp::cli {

QList<Command> deviceCommands();

} // namespace ovpp::cli
