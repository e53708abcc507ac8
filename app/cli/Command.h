#pragma once

// A command of the `ovpp` tool: its name, the options it accepts, its help text and the
// function that runs it. Each command group (KeysCommands, WalletCommands) lists its own.

#include "CommandLine.h"
#include "Failure.h"
#include "Output.h"
#include "crypto/DerivationPath.h"
#include "wallet/KdfParams.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ovpp::cli {

// What a running command gets.
struct Invocation
{
    const CommandLine &line;
    QStringList arguments; // the words after the command's name
    const Output &out;
    core::KdfParams kdf; // for vaults this run creates (cheap ones under --kdf-test-params)
};

struct Command
{
    QString group; // "keys", "wallet"
    QString name; // "derive", "create", ...
    QString usage; // what follows "ovpp GROUP NAME" in the synopsis
    QString summary; // one line for the overview
    QString help; // the rest of `ovpp help GROUP NAME`: what it does, options, examples
    QStringList options; // accepted options besides the global ones
    QStringList required; // options that must be given
    int minArguments = 0;
    int maxArguments = 0;
    std::function<Outcome<void>(const Invocation &)> run;

    // A top-level command (`ovpp balance`) has an empty name.
    QString fullName() const { return name.isEmpty() ? group : group + u' ' + name; }
};

// A command of `group` with the parts every command has; callers add `required` and argument
// counts where the command needs them.
Command makeCommand(const QString &group, const QString &name, const QString &usage,
                    const QString &summary, const QString &help, QStringList options,
                    std::function<Outcome<void>(const Invocation &)> run);

// Options every command accepts.
const QStringList &globalOptions();

// --path, or the default m/44'/501'/0'/0' (Phantom, Solflare, solana-keygen --derivation-path).
Outcome<core::DerivationPath> derivationPathOption(const CommandLine &line);

} // namespace ovpp::cli
