// `ovpp wallet ...`: whole flows through the real binary, with vaults in a temporary folder.

#include "OvppProcess.h"

#include <QFileInfo>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace ovpp::test;

namespace {

const QString Wallet = QStringLiteral("wallet");

QJsonObject solanaPaths()
{
    return goldenVectors()
        .value(QStringLiteral("key_derivation"))
        .toObject()
        .value(QStringLiteral("solana_paths"))
        .toObject();
}

QByteArray goldenMnemonic()
{
    return solanaPaths().value(QStringLiteral("mnemonic")).toString().toUtf8();
}

QJsonArray goldenDerived()
{
    return solanaPaths().value(QStringLiteral("derived")).toArray();
}

class WalletCommands : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ovpp.ready());
        ASSERT_FALSE(goldenMnemonic().isEmpty()) << "golden.json not found in " OVPP_TEST_DATA_DIR;
        m_password = m_ovpp.writeFile(QStringLiteral("password.txt"), "correct horse\n");
        m_wrongPassword = m_ovpp.writeFile(QStringLiteral("wrong.txt"), "battery staple\n");
        m_mnemonic = m_ovpp.writeFile(QStringLiteral("words.txt"), goldenMnemonic() + '\n');
    }

    // `ovpp -o json wallet COMMAND --vault VAULT --password-file PASSWORD ARGS...`
    OvppRun json(const QString &command, const QString &vault, const QStringList &more = {},
                 const QString &passwordFile = {}, const QByteArray &input = {})
    {
        return m_ovpp.run(QStringList {QStringLiteral("-o"), QStringLiteral("json"), Wallet,
                                       command, QStringLiteral("--vault"), vault,
                                       QStringLiteral("--password-file"),
                                       passwordFile.isEmpty() ? m_password : passwordFile}
                              + more,
                          input);
    }

    QJsonArray accounts(const QString &vault)
    {
        const OvppRun run = json(QStringLiteral("list"), vault);
        EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
        const auto document = run.json();
        EXPECT_TRUE(document.has_value()) << run.outText().toStdString();
        return document ? document->value(QStringLiteral("accounts")).toArray() : QJsonArray();
    }

    // A vault holding the golden mnemonic's first account; returns its path.
    QString goldenVault(const QString &name)
    {
        const QString vault = m_ovpp.path(name);
        const OvppRun run = json(QStringLiteral("import"), vault,
                                 {QStringLiteral("--mnemonic-file"), m_mnemonic});
        EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
        return vault;
    }

    OvppProcess m_ovpp;
    QString m_password;
    QString m_wrongPassword;
    QString m_mnemonic;
};

TEST_F(WalletCommands, CreateListExportAndReimport)
{
    const QString first = m_ovpp.path(QStringLiteral("first.ovppvault"));
    const OvppRun created = json(QStringLiteral("create"), first);
    ASSERT_TRUE(created.finished);
    ASSERT_EQ(created.exitCode, 0) << created.errText().toStdString();
    const auto document = created.json();
    ASSERT_TRUE(document.has_value()) << created.outText().toStdString();
    const QString address
        = document->value(QStringLiteral("account"))[QStringLiteral("address")].toString();
    const QString words = document->value(QStringLiteral("mnemonic")).toString();
    EXPECT_EQ(words.split(u' ').size(), 12);
    EXPECT_EQ(document->value(QStringLiteral("account"))[QStringLiteral("path")].toString(),
              QStringLiteral("m/44'/501'/0'/0'"));

    // The words really are the account's: derived on their own, they give the same address.
    const OvppRun derived
        = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive")}, words.toUtf8());
    EXPECT_EQ(derived.outText().trimmed(), address);

    const QJsonArray listed = accounts(first);
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.at(0)[QStringLiteral("address")].toString(), address);
    EXPECT_EQ(listed.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("derived"));
    EXPECT_EQ(listed.at(0)[QStringLiteral("index")].toInt(), 0);

    // Export as a keypair file, import that into a second vault: the same address.
    const OvppRun exported
        = m_ovpp.run({Wallet, QStringLiteral("export"), QStringLiteral("--vault"), first,
                      QStringLiteral("--account"), QStringLiteral("0"), QStringLiteral("--format"),
                      QStringLiteral("keypair"), QStringLiteral("--password-file"), m_password});
    ASSERT_EQ(exported.exitCode, 0) << exported.errText().toStdString();
    EXPECT_TRUE(exported.outText().startsWith(u'['));
    EXPECT_EQ(exported.outText().trimmed().split(u',').size(), 64);
    const QString keypairFile = m_ovpp.writeFile(QStringLiteral("id.json"), exported.out);

    const QString second = m_ovpp.path(QStringLiteral("second.ovppvault"));
    const OvppRun imported
        = json(QStringLiteral("import"), second, {QStringLiteral("--keypair"), keypairFile});
    ASSERT_EQ(imported.exitCode, 0) << imported.errText().toStdString();
    ASSERT_TRUE(imported.json().has_value());
    EXPECT_TRUE(imported.json()->value(QStringLiteral("created")).toBool());
    EXPECT_EQ(
        imported.json()->value(QStringLiteral("account"))[QStringLiteral("address")].toString(),
        address);
    EXPECT_EQ(imported.json()->value(QStringLiteral("account"))[QStringLiteral("kind")].toString(),
              QStringLiteral("imported"));

    // And through base58, as Phantom exports it.
    const OvppRun base58 = json(QStringLiteral("export"), first,
                                {QStringLiteral("--account"), QStringLiteral("0"),
                                 QStringLiteral("--format"), QStringLiteral("base58")});
    ASSERT_EQ(base58.exitCode, 0) << base58.errText().toStdString();
    ASSERT_TRUE(base58.json().has_value()) << "JSON with a secret must still parse";
    const QString secret = base58.json()->value(QStringLiteral("secret")).toString();
    EXPECT_GE(secret.size(), 86);
    const QString secretFile = m_ovpp.writeFile(QStringLiteral("secret.txt"), secret.toUtf8());
    const QString third = m_ovpp.path(QStringLiteral("third.ovppvault"));
    const OvppRun fromBase58
        = json(QStringLiteral("import"), third, {QStringLiteral("--secret-file"), secretFile});
    ASSERT_EQ(fromBase58.exitCode, 0) << fromBase58.errText().toStdString();
    EXPECT_EQ(
        fromBase58.json()->value(QStringLiteral("account"))[QStringLiteral("address")].toString(),
        address);
}

TEST_F(WalletCommands, CreateShowsTheWordsOnceForPeople)
{
    const QString vault = m_ovpp.path(QStringLiteral("human.ovppvault"));
    const OvppRun run = m_ovpp.run({Wallet, QStringLiteral("create"), QStringLiteral("--vault"),
                                    vault, QStringLiteral("--words"), QStringLiteral("24"),
                                    QStringLiteral("--password-file"), m_password});
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    // The phrase is the one indented line of 24 words.
    QString phrase;
    for (const QString &line : run.outText().split(u'\n')) {
        if (line.startsWith(QLatin1String("    ")) && line.trimmed().split(u' ').size() == 24)
            phrase = line.trimmed();
    }
    ASSERT_FALSE(phrase.isEmpty()) << run.outText().toStdString();
    EXPECT_EQ(run.outText().count(phrase), 1);
    EXPECT_FALSE(run.errText().contains(phrase.section(u' ', 0, 2)));

    const QString address = accounts(vault).at(0)[QStringLiteral("address")].toString();
    EXPECT_TRUE(run.outText().contains(QStringLiteral("Address: ") + address));
    const OvppRun derived
        = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive")}, phrase.toUtf8());
    EXPECT_EQ(derived.outText().trimmed(), address);
}

TEST_F(WalletCommands, CreateNeverOverwrites)
{
    const QString vault = goldenVault(QStringLiteral("taken.ovppvault"));
    const QByteArray before = m_ovpp.readFile(vault);
    const OvppRun run = json(QStringLiteral("create"), vault);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(QLatin1String("already exists")))
        << run.errText().toStdString();
    EXPECT_EQ(m_ovpp.readFile(vault), before);
}

TEST_F(WalletCommands, ImportsTheGoldenMnemonicAtEveryPath)
{
    const QString vault = m_ovpp.path(QStringLiteral("paths.ovppvault"));
    const QJsonArray derived = goldenDerived();
    ASSERT_GE(derived.size(), 4);
    for (const QJsonValue &entry : derived) {
        const OvppRun run
            = json(QStringLiteral("import"), vault,
                   {QStringLiteral("--mnemonic-file"), m_mnemonic, QStringLiteral("--path"),
                    entry[QStringLiteral("path")].toString()});
        ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    }
    const QJsonArray listed = accounts(vault);
    ASSERT_EQ(listed.size(), derived.size());
    for (qsizetype i = 0; i < derived.size(); ++i) {
        EXPECT_EQ(listed.at(i)[QStringLiteral("address")].toString(),
                  derived.at(i)[QStringLiteral("address")].toString());
        EXPECT_EQ(listed.at(i)[QStringLiteral("path")].toString(),
                  derived.at(i)[QStringLiteral("path")].toString());
    }
}

TEST_F(WalletCommands, ImportsAMnemonicFromStandardInput)
{
    const QString vault = m_ovpp.path(QStringLiteral("stdin.ovppvault"));
    const OvppRun run = json(QStringLiteral("import"), vault,
                             {QStringLiteral("--mnemonic-file"), QStringLiteral("-"),
                              QStringLiteral("--path"), QStringLiteral("none")},
                             {}, goldenMnemonic());
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(run.json()->value(QStringLiteral("account"))[QStringLiteral("address")].toString(),
              solanaPaths()
                  .value(QStringLiteral("no_derivation_first32"))[QStringLiteral("address")]
                  .toString());
}

TEST_F(WalletCommands, TheSameAddressTwiceIsRefused)
{
    const QString vault = goldenVault(QStringLiteral("twice.ovppvault"));
    const QByteArray before = m_ovpp.readFile(vault);
    const OvppRun run
        = json(QStringLiteral("import"), vault, {QStringLiteral("--mnemonic-file"), m_mnemonic});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.json()->value(QStringLiteral("error"))[QStringLiteral("code")].toString(),
              QStringLiteral("already-exists"));
    EXPECT_EQ(m_ovpp.readFile(vault), before);
}

TEST_F(WalletCommands, BadInputNeverLeavesAVaultBehind)
{
    QByteArray badWords = goldenMnemonic();
    badWords.replace(QByteArray("about"), QByteArray("abuot"));
    const QString words = m_ovpp.writeFile(QStringLiteral("bad-words.txt"), badWords);
    const QString vault = m_ovpp.path(QStringLiteral("never.ovppvault"));
    const OvppRun run
        = json(QStringLiteral("import"), vault, {QStringLiteral("--mnemonic-file"), words});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(QLatin1String("abuot"))) << run.errText().toStdString();
    EXPECT_FALSE(QFileInfo::exists(vault));

    // A keypair file whose public half is not its secret's.
    QByteArray keypair
        = goldenDerived().at(0)[QStringLiteral("keypair_file_json")].toString().toUtf8();
    ASSERT_FALSE(keypair.isEmpty());
    keypair.replace(keypair.lastIndexOf(','), 5, ",1]");
    const QString file = m_ovpp.writeFile(QStringLiteral("bad.json"), keypair);
    const OvppRun mismatch
        = json(QStringLiteral("import"), vault, {QStringLiteral("--keypair"), file});
    EXPECT_EQ(mismatch.exitCode, 1);
    EXPECT_TRUE(mismatch.errText().contains(file)) << mismatch.errText().toStdString();
    EXPECT_FALSE(QFileInfo::exists(vault));
}

TEST_F(WalletCommands, WatchOnlyAccounts)
{
    const QString vault = goldenVault(QStringLiteral("watch.ovppvault"));
    const QString address = QStringLiteral("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu");
    const OvppRun run = json(QStringLiteral("watch"), vault,
                             {QStringLiteral("--label"), QStringLiteral("Depot charger"), address});
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_FALSE(run.json()->value(QStringLiteral("created")).toBool());

    const QJsonArray listed = accounts(vault);
    ASSERT_EQ(listed.size(), 2);
    EXPECT_EQ(listed.at(1)[QStringLiteral("address")].toString(), address);
    EXPECT_EQ(listed.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("watch-only"));
    EXPECT_EQ(listed.at(1)[QStringLiteral("label")].toString(), QStringLiteral("Depot charger"));
    EXPECT_TRUE(listed.at(1)[QStringLiteral("path")].isNull());

    const OvppRun exported
        = json(QStringLiteral("export"), vault, {QStringLiteral("--account"), QStringLiteral("1")});
    EXPECT_EQ(exported.exitCode, 1);
    EXPECT_TRUE(exported.errText().contains(QLatin1String("watch-only")));
    EXPECT_FALSE(exported.outText().contains(QLatin1String("\"secret\"")));

    const OvppRun invalid = json(QStringLiteral("watch"), vault, {QStringLiteral("0OIl")});
    EXPECT_EQ(invalid.exitCode, 2);
    EXPECT_EQ(accounts(vault).size(), 2);
}

TEST_F(WalletCommands, ChangingThePassword)
{
    const QString vault = goldenVault(QStringLiteral("passwd.ovppvault"));
    const QString fresh = m_ovpp.writeFile(QStringLiteral("fresh.txt"), "a new password\n");
    const OvppRun run
        = json(QStringLiteral("passwd"), vault, {QStringLiteral("--new-password-file"), fresh});
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_TRUE(run.json()->value(QStringLiteral("changed")).toBool());

    const OvppRun old = json(QStringLiteral("list"), vault);
    EXPECT_EQ(old.exitCode, 1);
    EXPECT_TRUE(old.errText().contains(QLatin1String("wrong password")));

    const OvppRun opened = json(QStringLiteral("list"), vault, {}, fresh);
    ASSERT_EQ(opened.exitCode, 0) << opened.errText().toStdString();
    const QJsonArray listed = opened.json()->value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.at(0)[QStringLiteral("address")].toString(),
              goldenDerived().at(0)[QStringLiteral("address")].toString());
}

TEST_F(WalletCommands, AWrongPasswordChangesNothing)
{
    const QString vault = goldenVault(QStringLiteral("wrong.ovppvault"));
    const QString backup = vault + QStringLiteral(".bak");
    const QByteArray before = m_ovpp.readFile(vault);
    const QByteArray backupBefore = m_ovpp.readFile(backup);
    ASSERT_FALSE(before.isEmpty());
    const QString keypairFile = m_ovpp.writeFile(
        QStringLiteral("kp.json"),
        goldenDerived().at(2)[QStringLiteral("keypair_file_json")].toString().toUtf8());

    const QList<QStringList> attempts {
        {QStringLiteral("list"), vault},
        {QStringLiteral("export"), vault, QStringLiteral("--account"), QStringLiteral("0")},
        {QStringLiteral("passwd"), vault, QStringLiteral("--new-password-file"), m_password},
        {QStringLiteral("import"), vault, QStringLiteral("--keypair"), keypairFile},
        {QStringLiteral("watch"), vault,
         QStringLiteral("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu")},
    };
    for (const QStringList &attempt : attempts) {
        const OvppRun run = m_ovpp.run(
            QStringList {Wallet, attempt.at(0), QStringLiteral("--vault"), attempt.at(1),
                         QStringLiteral("--password-file"), m_wrongPassword}
            + attempt.mid(2));
        ASSERT_TRUE(run.finished);
        EXPECT_EQ(run.exitCode, 1) << attempt.at(0).toStdString();
        EXPECT_EQ(run.errText(),
                  QStringLiteral("ovpp: wrong password for %1 — try again; the file "
                                 "was not changed\n")
                      .arg(vault))
            << attempt.at(0).toStdString();
        EXPECT_TRUE(run.out.isEmpty()) << attempt.at(0).toStdString();
        EXPECT_EQ(m_ovpp.readFile(vault), before) << attempt.at(0).toStdString();
        EXPECT_EQ(m_ovpp.readFile(backup), backupBefore) << attempt.at(0).toStdString();
    }
}

TEST_F(WalletCommands, ADamagedVaultIsReportedAndLeftAlone)
{
    const QString vault = goldenVault(QStringLiteral("damaged.ovppvault"));
    QByteArray bytes = m_ovpp.readFile(vault);
    bytes.chop(bytes.size() / 2);
    m_ovpp.writeFile(QStringLiteral("damaged.ovppvault"), bytes);
    const OvppRun run = json(QStringLiteral("list"), vault);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(vault)) << run.errText().toStdString();
    EXPECT_TRUE(run.json().has_value());
    EXPECT_EQ(m_ovpp.readFile(vault), bytes);
}

TEST_F(WalletCommands, AnEmptyPasswordIsRefused)
{
    const QString empty = m_ovpp.writeFile(QStringLiteral("empty.txt"), "\n");
    const QString vault = m_ovpp.path(QStringLiteral("empty.ovppvault"));
    const OvppRun run = json(QStringLiteral("create"), vault, {}, empty);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(QLatin1String("empty"))) << run.errText().toStdString();
    EXPECT_FALSE(QFileInfo::exists(vault));
}

} // namespace
