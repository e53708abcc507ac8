#pragma once

// The command line split into words (command group, command, arguments) and options, checked
// against every option ovpp knows. Which options a command accepts is the command's business
// (see Command.h); this only knows which ones take a value.

#include "Failure.h"

#include <QHash>
#include <QStringList>

namespace ovpp::cli {

class CommandLine
{
public:
    // `arguments` without the program name. Refuses, with a usage Failure: unknown options,
    // options given twice, options without their value, and any attempt to pass a password or
    // another secret as an argument.
    static Outcome<CommandLine> parse(const QStringList &arguments);

    // Positional words in order: "wallet", "create", then the command's own arguments.
    const QStringList &words() const { return m_words; }
    bool has(const QString &option) const { return m_values.contains(option); }
    // The option's value; empty for flags and absent options.
    QString value(const QString &option) const { return m_values.value(option); }
    // Options given, in order, without the leading dashes.
    const QStringList &options() const { return m_order; }

private:
    QStringList m_words;
    QHash<QString, QString> m_values;
    QStringList m_order;
};

} // namespace ovpp::cli
