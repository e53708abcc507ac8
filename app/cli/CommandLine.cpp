#include "CommandLine.h"

#include <QSet>

namespace ovpp::cli {

namespace {

// Every option of every command. Long names only, plus a few customary short ones.
const QSet<QString> &valueOptions()
{
    static const QSet<QString> names {
        QStringLiteral("output"),
        QStringLiteral("vault"),
        QStringLiteral("path"),
        QStringLiteral("passphrase-file"),
        QStringLiteral("words"),
        QStringLiteral("mnemonic-file"),
        QStringLiteral("keypair"),
        QStringLiteral("secret-file"),
        QStringLiteral("account"),
        QStringLiteral("format"),
        QStringLiteral("password-file"),
        QStringLiteral("new-password-file"),
        QStringLiteral("label"),
        // device, charger and csms commands
        QStringLiteral("devices"),
        QStringLiteral("telemetry"),
        QStringLiteral("unit"),
        QStringLiteral("port"),
        QStringLiteral("listen"),
        QStringLiteral("count"),
        QStringLiteral("prefix"),
        QStringLiteral("heartbeat"),
        QStringLiteral("serial"),
        QStringLiteral("url"),
        // the Solana commands (url above)
        QStringLiteral("usde-mint"),
        QStringLiteral("with-memo"),
        QStringLiteral("blockhash"),
        QStringLiteral("limit"),
        QStringLiteral("with-compute-unit-price"),
        QStringLiteral("commitment"),
    };
    return names;
}

const QSet<QString> &flagOptions()
{
    static const QSet<QString> names {
        QStringLiteral("help"), QStringLiteral("version"), QStringLiteral("kdf-test-params"),
        QStringLiteral("use-keychain"),
        // device, charger and csms commands
        QStringLiteral("yes"), QStringLiteral("register"), QStringLiteral("shared-key"),
        QStringLiteral("all"),
        // the Solana commands (yes above)
        QStringLiteral("sign-only"), QStringLiteral("fund-recipient")};
    return names;
}

QString longNameOf(QStringView shortName)
{
    if (shortName == u"h")
        return QStringLiteral("help");
    if (shortName == u"V")
        return QStringLiteral("version");
    if (shortName == u"o")
        return QStringLiteral("output");
    if (shortName == u"u") // the Solana CLI's -u for --url
        return QStringLiteral("url");
    return {};
}

// Names people try for secrets. Refused outright: an argument is visible to every user of the
// machine (ps, /proc) and lands in the shell history.
Outcome<void> refuseSecretOption(const QString &name)
{
    static const QSet<QString> passwords {
        QStringLiteral("password"),     QStringLiteral("pass"),
        QStringLiteral("passwd"),       QStringLiteral("pw"),
        QStringLiteral("new-password"), QStringLiteral("current-password")};
    // Each with the option that does the job instead.
    static const QHash<QString, QString> secrets {
        {QStringLiteral("mnemonic"), QStringLiteral("--mnemonic-file")},
        {QStringLiteral("seed"), QStringLiteral("--mnemonic-file")},
        {QStringLiteral("seed-phrase"), QStringLiteral("--mnemonic-file")},
        {QStringLiteral("passphrase"), QStringLiteral("--passphrase-file")},
        {QStringLiteral("secret"), QStringLiteral("--secret-file")},
        {QStringLiteral("secret-key"), QStringLiteral("--secret-file")},
        {QStringLiteral("private-key"), QStringLiteral("--secret-file")},
    };
    if (passwords.contains(name)) {
        return usageFailure(QStringLiteral(
            "passwords are never taken from the command line, where other users and the "
            "shell history can see them — use --password-file FILE (--new-password-file for "
            "a new one), or run ovpp in a terminal and type it when asked"));
    }
    if (const auto it = secrets.constFind(name); it != secrets.constEnd()) {
        return usageFailure(QStringLiteral("secrets are never taken from the command line, where "
                                           "other users and the shell history can see them — "
                                           "use %1 FILE (or - for standard input)")
                                .arg(it.value()));
    }
    return {};
}

} // namespace

Outcome<CommandLine> CommandLine::parse(const QStringList &arguments)
{
    CommandLine line;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == QLatin1String("-") || !argument.startsWith(u'-')) {
            line.m_words.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }

        QString name;
        QString value;
        bool inlineValue = false;
        if (argument.startsWith(QLatin1String("--"))) {
            name = argument.mid(2);
            if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
                value = name.mid(eq + 1);
                name.truncate(eq);
                inlineValue = true;
            }
        } else {
            name = longNameOf(QStringView(argument).mid(1, 1));
            if (name.isEmpty()) {
                return usageFailure(
                    QStringLiteral("unknown option %1 — see 'ovpp --help'").arg(argument));
            }
            if (argument.size() > 2) {
                value = argument.mid(2);
                inlineValue = true;
            }
        }

        if (auto refused = refuseSecretOption(name); !refused.ok())
            return refused.failure();
        const bool takesValue = valueOptions().contains(name);
        if (!takesValue && !flagOptions().contains(name)) {
            return usageFailure(
                QStringLiteral("unknown option --%1 — see 'ovpp --help'").arg(name));
        }
        if (line.m_values.contains(name))
            return usageFailure(QStringLiteral("--%1 is given more than once").arg(name));

        if (takesValue && !inlineValue) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                return usageFailure(
                    QStringLiteral("--%1 needs a value — see 'ovpp --help'").arg(name));
            }
            value = arguments.at(++i);
        } else if (!takesValue && inlineValue) {
            return usageFailure(QStringLiteral("--%1 takes no value").arg(name));
        }
        line.m_values.insert(name, value);
        line.m_order.append(name);
    }
    return line;
}

} // namespace ovpp::cli
