// ovpp: the OpenVPP World command-line tool. Parses the command line, picks the command, runs
// it and turns its Failure into one line on standard error and an exit status (see Failure.h).

#include "ChainInspectCommands.h"
#include "ChargerCommands.h"
#include "Command.h"
#include "CommandLine.h"
#include "CsmsCommands.h"
#include "DeviceCommands.h"
#include "Help.h"
#include "KeychainCommands.h"
#include "KeysCommands.h"
#include "Output.h"
#include "SolanaCommands.h"
#include "TokenCommands.h"
#include "WalletCommands.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

using namespace ovpp::cli;

namespace {

QList<Command> allCommands()
{
    return keysCommands() + walletCommands() + keychainCommands() + deviceCommands()
        + chargerCommands() + csmsCommands() + solanaCommands() + tokenCommands()
        + chainInspectCommands();
}

const Command *findCommand(const QList<Command> &commands, const QString &group,
                           const QString &name)
{
    for (const Command &c : commands) {
        if (c.group == group && c.name == name)
            return &c;
    }
    return nullptr;
}

bool isGroup(const QList<Command> &commands, const QString &group)
{
    for (const Command &c : commands) {
        if (c.group == group)
            return true;
    }
    return false;
}

void printText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stdout);
}

// Vaults made for tests open in milliseconds: Argon2id at libsodium's minimum. Hidden from the
// help on purpose; docs/cli.md says it is for tests only.
bool testKdf(const CommandLine &line)
{
    return line.has(QStringLiteral("kdf-test-params"))
        || qEnvironmentVariable("OVPP_KDF") == QLatin1String("test");
}

int fail(const Output &out, const Failure &failure)
{
    out.failure(failure);
    std::fflush(stdout);
    return failure.exitStatus;
}

// `ovpp help ...`, `ovpp GROUP --help`, `ovpp GROUP COMMAND --help`.
int showHelp(const Output &out, const QList<Command> &commands, const QStringList &topic)
{
    QString text;
    if (topic.isEmpty()) {
        text = help::overview(commands);
    } else if (!isGroup(commands, topic.first())) {
        return fail(
            out,
            usageFailure(
                QStringLiteral("there is no command '%1' — see 'ovpp --help'").arg(topic.first())));
    } else if (const Command *bare = findCommand(commands, topic.first(), QString());
               bare && topic.size() == 1) {
        text = help::command(*bare);
    } else if (topic.size() == 1) {
        text = help::group(topic.first(), commands);
    } else if (const Command *c = findCommand(commands, topic.at(0), topic.at(1))) {
        text = help::command(*c);
    } else {
        return fail(out,
                    usageFailure(QStringLiteral("there is no command '%1 %2' — see 'ovpp "
                                                "help %1'")
                                     .arg(topic.at(0), topic.at(1))));
    }
    if (out.json())
        out.document({{QStringLiteral("help"), text}});
    else
        printText(text);
    return ExitOk;
}

int run(const QStringList &arguments)
{
    const QList<Command> commands = allCommands();

    // --output first, so that even a usage error comes out in the format asked for.
    Output out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        QString value;
        if ((a == QLatin1String("--output") || a == QLatin1String("-o"))
            && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (a.startsWith(QLatin1String("--output=")))
            value = a.mid(9);
        if (value == QLatin1String("json"))
            out = Output(Output::Format::Json);
    }

    auto parsed = CommandLine::parse(arguments);
    if (!parsed.ok())
        return fail(out, parsed.failure());
    const CommandLine &line = parsed.value();

    if (line.has(QStringLiteral("output"))) {
        const QString format = line.value(QStringLiteral("output"));
        if (format != QLatin1String("json") && format != QLatin1String("human"))
            return fail(
                out, usageFailure(QStringLiteral("--output is human or json, not %1").arg(format)));
    }
    if (line.has(QStringLiteral("version"))) {
        out.line(help::version());
        out.document({{QStringLiteral("name"), QStringLiteral("ovpp")},
                      {QStringLiteral("version"), QCoreApplication::applicationVersion()}});
        return ExitOk;
    }

    const QStringList &words = line.words();
    if (words.isEmpty()) {
        if (line.has(QStringLiteral("help")))
            return showHelp(out, commands, {});
        return fail(out, usageFailure(QStringLiteral("no command given — see 'ovpp --help'")));
    }
    if (words.first() == QLatin1String("help"))
        return showHelp(out, commands, words.mid(1, 2));
    if (!isGroup(commands, words.first())) {
        return fail(out,
                    usageFailure(QStringLiteral("there is no command '%1' — see 'ovpp "
                                                "--help'")
                                     .arg(words.first())));
    }
    // A group that is itself the command (`ovpp csms --listen ...`, `ovpp balance ADDRESS`) has
    // one with no name; the words after it are its arguments.
    const bool bareGroup = findCommand(commands, words.first(), QString())
        && (words.size() == 1 || !findCommand(commands, words.first(), words.at(1)));
    if (words.size() == 1 && !bareGroup) {
        if (line.has(QStringLiteral("help")))
            return showHelp(out, commands, words);
        return fail(out,
                    usageFailure(QStringLiteral("'ovpp %1' needs a command — see 'ovpp help "
                                                "%1'")
                                     .arg(words.first())));
    }
    const Command *command
        = findCommand(commands, words.at(0), bareGroup ? QString() : words.at(1));
    if (!command) {
        return fail(out,
                    usageFailure(QStringLiteral("there is no command '%1 %2' — see 'ovpp "
                                                "help %1'")
                                     .arg(words.at(0), words.at(1))));
    }
    if (line.has(QStringLiteral("help")))
        return showHelp(out, commands, words.mid(0, bareGroup ? 1 : 2));

    const QString seeHelp = QStringLiteral("see 'ovpp help %1'").arg(command->fullName());
    for (const QString &option : line.options()) {
        if (!command->options.contains(option) && !globalOptions().contains(option)) {
            return fail(out,
                        usageFailure(QStringLiteral("'ovpp %1' has no option --%2 — %3")
                                         .arg(command->fullName(), option, seeHelp)));
        }
    }
    for (const QString &option : command->required) {
        if (!line.has(option)) {
            return fail(out,
                        usageFailure(QStringLiteral("'ovpp %1' needs --%2 — %3")
                                         .arg(command->fullName(), option, seeHelp)));
        }
    }
    const QStringList commandArguments = words.mid(bareGroup ? 1 : 2);
    if (commandArguments.size() < command->minArguments) {
        return fail(out,
                    usageFailure(QStringLiteral("'ovpp %1' is missing an argument — %2")
                                     .arg(command->fullName(), seeHelp)));
    }
    if (commandArguments.size() > command->maxArguments) {
        return fail(out,
                    usageFailure(QStringLiteral("unexpected argument '%1' for 'ovpp %2' "
                                                "(passwords and secrets are never "
                                                "arguments) — %3")
                                     .arg(commandArguments.at(command->maxArguments),
                                          command->fullName(), seeHelp)));
    }

    const Invocation invocation {line, commandArguments, out,
                                 testKdf(line) ? ovpp::core::KdfParams::minimumForTests()
                                               : ovpp::core::KdfParams::standard()};
    const Outcome<void> outcome = command->run(invocation);
    if (!outcome.ok())
        return fail(out, outcome.failure());
    std::fflush(stdout);
    return ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ovpp"));
    QCoreApplication::setOrganizationName(QStringLiteral("OpenVPP"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OVPP_VERSION));
    // The core logs progress ("created vault ...") at info level for the desktop app's log; on a
    // terminal it is noise beside the one-line result. QT_LOGGING_RULES still turns it on.
    // The Solana commands report a failed RPC call themselves, in one line that says what to do;
    // the client's own warnings about each retry would only repeat it.
    QLoggingCategory::setFilterRules(QStringLiteral("ovpp.*.info=false\novpp.rpc.warning=false"));
    return run(QCoreApplication::arguments().mid(1));
}
