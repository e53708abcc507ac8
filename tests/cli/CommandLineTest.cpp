// The `ovpp` command line itself: help, version, usage errors, exit statuses, the refusal of
// secrets as arguments, and JSON error documents.

#include "OvppProcess.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace ovpp::test;

namespace {

class CommandLine : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_ovpp.ready()); }

    void expectUsageError(const QStringList &arguments, const QString &mentioned = {})
    {
        const OvppRun run = m_ovpp.run(arguments);
        ASSERT_TRUE(run.finished);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString() << "\n"
                                   << run.errText().toStdString();
        EXPECT_TRUE(run.errText().startsWith(QLatin1String("ovpp: ")))
            << run.errText().toStdString();
        EXPECT_EQ(run.err.count('\n'), 1) << run.errText().toStdString();
        if (!mentioned.isEmpty()) {
            EXPECT_TRUE(run.errText().contains(mentioned))
                << mentioned.toStdString() << " not in: " << run.errText().toStdString();
        }
    }

    OvppProcess m_ovpp;
};

TEST_F(CommandLine, HelpListsEveryCommand)
{
    const OvppRun run = m_ovpp.run({QStringLiteral("--help")});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0);
    for (const char *command : {"keys derive", "wallet create", "wallet import", "wallet watch",
                                "wallet list", "wallet export", "wallet passwd"}) {
        EXPECT_TRUE(run.outText().contains(QLatin1String(command))) << command;
    }
    EXPECT_FALSE(run.outText().contains(QLatin1String("kdf-test-params")))
        << "the test-only option stays out of the help";
}

TEST_F(CommandLine, HelpForAGroupAndForACommand)
{
    const OvppRun group = m_ovpp.run({QStringLiteral("help"), QStringLiteral("wallet")});
    ASSERT_TRUE(group.finished);
    EXPECT_EQ(group.exitCode, 0);
    EXPECT_TRUE(group.outText().contains(QLatin1String("wallet passwd")));
    EXPECT_FALSE(group.outText().contains(QLatin1String("keys derive")));

    const OvppRun command = m_ovpp.run(
        {QStringLiteral("wallet"), QStringLiteral("export"), QStringLiteral("--help")});
    ASSERT_TRUE(command.finished);
    EXPECT_EQ(command.exitCode, 0);
    EXPECT_TRUE(command.outText().contains(QLatin1String("--format keypair|base58")));
    EXPECT_EQ(
        command.outText(),
        m_ovpp.run({QStringLiteral("help"), QStringLiteral("wallet"), QStringLiteral("export")})
            .outText());
}

TEST_F(CommandLine, Version)
{
    const OvppRun run = m_ovpp.run({QStringLiteral("--version")});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^ovpp \\d+\\.\\d+\\.\\d+"))
                    .match(run.outText())
                    .hasMatch())
        << run.outText().toStdString();

    const OvppRun json
        = m_ovpp.run({QStringLiteral("--version"), QStringLiteral("-o"), QStringLiteral("json")});
    ASSERT_TRUE(json.json().has_value()) << json.outText().toStdString();
    EXPECT_TRUE(run.outText().contains(json.json()->value(QStringLiteral("version")).toString()));
}

TEST_F(CommandLine, UsageErrorsExitWithTwo)
{
    expectUsageError({}, QStringLiteral("ovpp --help"));
    expectUsageError({QStringLiteral("walet"), QStringLiteral("list")}, QStringLiteral("walet"));
    expectUsageError({QStringLiteral("wallet")}, QStringLiteral("needs a command"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("lst")}, QStringLiteral("lst"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("list"), QStringLiteral("--vualt"),
                      QStringLiteral("x")},
                     QStringLiteral("--vualt"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("list"), QStringLiteral("--words"),
                      QStringLiteral("12")},
                     QStringLiteral("--words"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("export"), QStringLiteral("--vault"),
                      m_ovpp.path(QStringLiteral("v.ovppvault"))},
                     QStringLiteral("--account"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("create"), QStringLiteral("--vault"),
                      m_ovpp.path(QStringLiteral("v.ovppvault")), QStringLiteral("--words"),
                      QStringLiteral("13")},
                     QStringLiteral("13"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("list"), QStringLiteral("--vault")},
                     QStringLiteral("needs a value"));
    expectUsageError({QStringLiteral("--output"), QStringLiteral("yaml"), QStringLiteral("wallet"),
                      QStringLiteral("list")},
                     QStringLiteral("yaml"));
    EXPECT_FALSE(QFileInfo::exists(m_ovpp.path(QStringLiteral("v.ovppvault"))));
}

TEST_F(CommandLine, PasswordsAreNeverTakenFromArguments)
{
    const QString vault = m_ovpp.path(QStringLiteral("argv.ovppvault"));
    const QString create = QStringLiteral("create");
    expectUsageError({QStringLiteral("wallet"), create, QStringLiteral("--vault"), vault,
                      QStringLiteral("--password"), QStringLiteral("hunter2")},
                     QStringLiteral("--password-file"));
    expectUsageError({QStringLiteral("wallet"), create, QStringLiteral("--vault"), vault,
                      QStringLiteral("--password=hunter2")},
                     QStringLiteral("--password-file"));
    expectUsageError({QStringLiteral("wallet"), create, QStringLiteral("--vault"), vault,
                      QStringLiteral("--pass"), QStringLiteral("hunter2")},
                     QStringLiteral("--password-file"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("passwd"), QStringLiteral("--vault"),
                      vault, QStringLiteral("--new-password"), QStringLiteral("hunter3")},
                     QStringLiteral("--new-password-file"));
    // A bare extra word is refused too, rather than being taken for anything.
    expectUsageError({QStringLiteral("wallet"), create, QStringLiteral("--vault"), vault,
                      QStringLiteral("hunter2")},
                     QStringLiteral("hunter2"));
    expectUsageError({QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("--vault"),
                      vault, QStringLiteral("--mnemonic"), QStringLiteral("abandon")},
                     QStringLiteral("--mnemonic-file"));
    EXPECT_FALSE(QFileInfo::exists(vault));
}

TEST_F(CommandLine, WithoutATerminalThePasswordFileIsNeeded)
{
    const QString vault = m_ovpp.path(QStringLiteral("tty.ovppvault"));
    const OvppRun run = m_ovpp.run(
        {QStringLiteral("wallet"), QStringLiteral("create"), QStringLiteral("--vault"), vault});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.errText().contains(QLatin1String("--password-file")))
        << run.errText().toStdString();
    EXPECT_FALSE(QFileInfo::exists(vault));
}

TEST_F(CommandLine, ErrorsComeAsJsonWithJsonOutput)
{
    const QString missing = m_ovpp.path(QStringLiteral("missing.ovppvault"));
    const OvppRun run
        = m_ovpp.run({QStringLiteral("wallet"), QStringLiteral("list"), QStringLiteral("--vault"),
                      missing, QStringLiteral("--output"), QStringLiteral("json")});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 1);
    const auto json = run.json();
    ASSERT_TRUE(json.has_value()) << run.outText().toStdString();
    const QJsonObject error = json->value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("file-not-found"));
    EXPECT_TRUE(error.value(QStringLiteral("message")).toString().contains(missing));
    EXPECT_EQ(error.value(QStringLiteral("exitStatus")).toInt(), 1);
    EXPECT_EQ(run.err.count('\n'), 1);

    const OvppRun usage
        = m_ovpp.run({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("nonsense")});
    ASSERT_TRUE(usage.json().has_value()) << usage.outText().toStdString();
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(usage.json()->value(QStringLiteral("error"))[QStringLiteral("code")].toString(),
              QStringLiteral("usage"));
}

} // namespace
