#pragma once

// `ovpp charger ...`: pairing EV chargers (OCPP 1.6J) with the app's central system.

#include "Command.h"

namespace ovpp::cli {

QList<Command> chargerCommands();

} // namespace ovpp::cli
