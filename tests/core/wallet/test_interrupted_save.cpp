// The save protocol under SIGKILL: a helper process (vault_save_loop) saves renames in a loop and
// is killed at a random moment, 200 times over the same vault. After every kill the vault must
// open with the password and hold a state the loop really wrote (the last committed one or the
// one in flight), and its backup must open too and be at most one save older.

#include "WalletTestSupport.h"
#include "wallet/Wallet.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <random>
#include <thread>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

constexpr int Kills = 200;
constexpr auto Password = "interrupted";

struct Line
{
    char kind = 0; // 'r' ready, 'b' begin save, 's' saved
    long long n = -1;
};

QList<Line> parseLines(const QByteArray &output)
{
    QList<Line> lines;
    for (const QByteArray &text : output.split('\n')) {
        if (text.isEmpty())
            continue;
        bool ok = false;
        const long long n = text.mid(2).toLongLong(&ok);
        EXPECT_TRUE(ok && text.size() > 2 && text[1] == ' ') << text.toStdString();
        lines.append({text[0], n});
    }
    return lines;
}

// The n of a label "A<n>", or -1.
long long labelNumber(const Wallet &wallet, const QString &accountId)
{
    auto account = wallet.account(accountId);
    if (!account || !account->label.startsWith(QLatin1Char('A')))
        return -1;
    bool ok = false;
    const long long n = account->label.mid(1).toLongLong(&ok);
    return ok ? n : -1;
}

TEST(InterruptedSave, EveryKillLeavesACompleteOldOrNewVault)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("killed.ovppvault"));
    const QString backup = path + QStringLiteral(".bak");
    QString accountId;
    {
        auto wallet = Wallet::create(path, secret(Password), KdfParams::minimumForTests());
        ASSERT_TRUE(wallet.ok()) << errorText(wallet.error());
        // Secrets in the payload too, so a torn write would have something to tear.
        ASSERT_TRUE(wallet
                        ->addMnemonic(secret("legal winner thank year wave sausage worth useful "
                                             "legal winner thank yellow"),
                                      secret("TREZOR"), DerivationPath())
                        .ok());
        auto account = wallet->addWatchOnly(PublicKey(), QStringLiteral("A0"));
        ASSERT_TRUE(account.ok());
        accountId = account->id;
    }

    std::mt19937 random(424242); // fixed: the same sequence of delays on every run
    std::uniform_int_distribution<int> delayMicroseconds(2'000, 40'000);
    long long current = 0; // the label number on disk
    int midSave = 0;
    int newerState = 0;
    for (int kill = 0; kill < Kills; ++kill) {
        SCOPED_TRACE("kill " + std::to_string(kill));
        QProcess loop;
        loop.setProgram(QStringLiteral(VAULT_SAVE_LOOP));
        loop.setArguments({path, QString::fromLatin1(Password), accountId});
        loop.setProcessChannelMode(QProcess::SeparateChannels);
        loop.start();
        ASSERT_TRUE(loop.waitForStarted(10'000)) << loop.errorString().toStdString();

        // Start the clock only once the helper is in its loop: the kill must land in saves,
        // not in process start-up.
        QByteArray output;
        while (!output.contains('\n')) {
            if (!loop.waitForReadyRead(30'000)) {
                loop.kill();
                loop.waitForFinished();
                FAIL() << "helper never got ready: " << loop.readAllStandardError().toStdString();
            }
            output += loop.readAllStandardOutput();
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delayMicroseconds(random)));
        loop.kill(); // SIGKILL
        ASSERT_TRUE(loop.waitForFinished(10'000));
        output += loop.readAllStandardOutput();
        ASSERT_EQ(loop.exitStatus(), QProcess::CrashExit)
            << "the helper stopped by itself: " << loop.readAllStandardError().toStdString();

        const QList<Line> lines = parseLines(output);
        ASSERT_FALSE(lines.isEmpty());
        ASSERT_EQ(lines.first().kind, 'r');
        ASSERT_EQ(lines.first().n, current) << "the helper saw another state than we left";
        long long committed = current;
        for (const Line &line : lines) {
            if (line.kind == 's')
                committed = line.n;
        }
        const Line last = lines.last();
        const bool inFlight = last.kind == 'b';
        midSave += inFlight ? 1 : 0;

        const auto before = snapshot(dir.path());
        auto wallet = Wallet::open(path, secret(Password));
        ASSERT_TRUE(wallet.ok()) << "vault unreadable after a kill: " << errorText(wallet.error());
        const long long onDisk = labelNumber(wallet.value(), accountId);
        // Committed, or the save in flight when the kill came (renamed into place, not yet
        // reported): nothing older, nothing newer, nothing torn.
        if (inFlight && onDisk == last.n) {
            ++newerState;
        } else {
            EXPECT_EQ(onDisk, committed);
        }
        EXPECT_EQ(wallet->accounts().size(), 2);

        auto previous = Wallet::open(backup, secret(Password));
        ASSERT_TRUE(previous.ok())
            << "backup unreadable after a kill: " << errorText(previous.error());
        const long long inBackup = labelNumber(previous.value(), accountId);
        EXPECT_TRUE(inBackup == onDisk || inBackup == onDisk - 1)
            << "backup holds A" << inBackup << ", vault A" << onDisk;
        EXPECT_EQ(snapshot(dir.path()), before) << "opening after a kill wrote something";
        current = onDisk;
    }

    // Temporary files a kill may leave (QSaveFile's, when the kernel cannot make them
    // anonymous) are not vaults and never replace one; count them for the record.
    const int strayFiles
        = static_cast<int>(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size()) - 2;
    std::cout << "[          ] " << Kills << " kills: " << midSave << " during a save, "
              << newerState << " found the in-flight save already in place; " << current
              << " saves in all; " << strayFiles << " stray temporary files\n";
    ::testing::Test::RecordProperty("kills_mid_save", midSave);
    ::testing::Test::RecordProperty("saves", static_cast<int>(current));
    // The test is only meaningful if the kills really interrupt saves; the helper does nothing
    // else between "ready" and its death, so nearly all of them do.
    EXPECT_GE(midSave, Kills / 2);
    EXPECT_GT(current, 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QProcess wants an application object
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
