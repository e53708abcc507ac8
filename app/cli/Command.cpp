#include "Command.h"

#include <utility>

namespace ovpp::cli {

const QStringList &globalOptions()
{
    static const QStringList options {QStringLiteral("output"), QStringLiteral("help"),
                                      QStringLiteral("version"), QStringLiteral("kdf-test-params")};
    return options;
}

Outcome<core::DerivationPath> derivationPathOption(const CommandLine &line)
{
    if (!line.has(QStringLiteral("path")))
        return core::DerivationPath();
    auto path = core::DerivationPath::parse(line.value(QStringLiteral("path")));
    if (!path.ok()) {
        return usageFailure(QStringLiteral("--path %1 is not a derivation path: %2")
                                .arg(line.value(QStringLiteral("path")), path.error().detail));
    }
    return path.value();
}

Command makeCommand(const QString &group, const QString &name, const QString &usage,
                    const QString &summary, const QString &help, QStringList options,
                    std::function<Outcome<void>(const Invocation &)> run)
{
    Command command;
    command.group = group;
    command.name = name;
    command.usage = usage;
    command.summary = summary;
    command.help = help;
    command.options = std::move(options);
    command.run = std::move(run);
    return command;
}

} // namespace ovpp::cli
