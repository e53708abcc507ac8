#include "Help.h"

#include <QCoreApplication>

namespace ovpp::cli::help {

namespace {

const QString GlobalOptions = QStringLiteral(
    "Options for every command:\n"
    "  -o, --output human|json  human-readable text (default), or one JSON document on\n"
    "                           standard output (errors too: {\"error\": {...}})\n"
    "  -h, --help               this help\n"
    "  -V, --version            the version\n");

QString commandList(const QList<Command> &commands, const QString &onlyGroup)
{
    QString text;
    for (const Command &c : commands) {
        if (!onlyGroup.isEmpty() && c.group != onlyGroup)
            continue;
        text += QStringLiteral("  %1 %2\n").arg(c.fullName().leftJustified(18), c.summary);
    }
    return text;
}

QString groupSummary(const QString &name)
{
    if (name == QLatin1String("keys"))
        return QStringLiteral("Keys without a vault.");
    if (name == QLatin1String("wallet"))
        return QStringLiteral("Vaults (encrypted wallet files) and their accounts. Passwords are "
                              "asked for at the\nterminal with echo off, or read with "
                              "--password-file FILE; never given as arguments.");
    if (name == QLatin1String("keychain"))
        return QStringLiteral("\"Unlock on this device\": a vault's key kept in the OS keychain "
                              "(GNOME Keyring,\nKWallet), shared with the desktop app.");
    if (name == QLatin1String("device"))
        return QStringLiteral("SunSpec inverters: found, paired into the device catalog the app "
                              "polls,\nregistered on chain. --devices FILE picks the catalog.");
    if (name == QLatin1String("charger"))
        return QStringLiteral("EV chargers (OCPP 1.6J): an id and a password for the charger's "
                              "settings;\nthe catalog keeps only a salted hash of the password.");
    if (name == QLatin1String("token"))
        return QStringLiteral("SPL tokens (USDE, USDC or any mint) on the cluster --url names "
                              "(default: localnet).");
    if (name == QLatin1String("tx"))
        return QStringLiteral("Transactions as bytes: decode any wallet's transaction, offline.");
    if (name == QLatin1String("csms"))
        return QStringLiteral("The OCPP central system, headless: 'ovpp csms --listen "
                              "HOST:PORT'.");
    return {};
}

} // namespace

QString overview(const QList<Command> &commands)
{
    return QStringLiteral("ovpp — OpenVPP World on the command line: Solana keys and wallets.\n"
                          "\n"
                          "Usage: ovpp [--output json] COMMAND [OPTIONS]\n"
                          "       ovpp help [GROUP [COMMAND]]\n"
                          "\n"
                          "Commands:\n")
        + commandList(commands, {}) + u'\n' + GlobalOptions
        + QStringLiteral("\nExit status: 0 done, 1 the command failed (wrong password, bad "
                         "input, ...),\n2 the command line is wrong. 'ovpp help wallet "
                         "create' shows a command's details.\n");
}

QString group(const QString &name, const QList<Command> &commands)
{
    return QStringLiteral("Usage: ovpp %1 COMMAND [OPTIONS]\n\n%2\n\nCommands:\n")
               .arg(name, groupSummary(name))
        + commandList(commands, name) + u'\n' + GlobalOptions;
}

QString command(const Command &c)
{
    const QString summary = c.summary.left(1).toUpper() + c.summary.mid(1) + u'.';
    return QStringLiteral("Usage: ovpp %1 %2\n\n%3\n\n").arg(c.fullName(), c.usage, summary)
        + c.help + u'\n' + GlobalOptions;
}

QString version()
{
    return QStringLiteral("ovpp %1 (OpenVPP World)").arg(QCoreApplication::applicationVersion());
}

} // namespace ovpp::cli::help
