#pragma once

// `ovpp csms`: the central system headless, a fleet server printing one JSON line per event.

#include "Command.h"

namespace ovpp::cli {

QList<Command> csmsCommands();

} // namespace ovpp::cli
