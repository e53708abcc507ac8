#pragma once

// The text of `ovpp --help`, `ovpp help GROUP` and `ovpp help GROUP COMMAND`.

#include "Command.h"

namespace ovpp::cli::help {

QString overview(const QList<Command> &commands);
QString group(const QString &name, const QList<Command> &commands);
QString command(const Command &command);
QString version();

} // namespace ovpp::cli::help
