// Crash recovery: a helper process journals and broadcasts a transfer and is SIGKILLed before it
// could see any confirmation; this process resumes from the same journal file and follows the
// send to finalized, and the money moved exactly once. Also: a send journaled but never
// broadcast (killed in between) is broadcast on resume and lands.
#include "LocalnetProcess.h"
#include "SendTestSupport.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;

class SenderCrash : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString started = m_localnet.start();
        ASSERT_TRUE(started.isEmpty()) << started.toStdString();
        ASSERT_TRUE(m_dir.isValid());
        m_client = std::make_unique<RpcClient>(m_localnet.rpcUrl());
    }

    QString journalPath() const { return m_dir.filePath(QStringLiteral("sends.sqlite")); }
    std::uint64_t balance(const PublicKey &key) { return await(m_client->getBalance(key)).value(); }

    LocalnetProcess m_localnet;
    QTemporaryDir m_dir;
    std::unique_ptr<RpcClient> m_client;
};

TEST_F(SenderCrash, KilledAfterBroadcastResumesToFinalized)
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &b : seed)
        b = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    const Keypair payer = Keypair::fromSeed(seed);
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const std::uint64_t before = balance(payer.publicKey());
    const std::uint64_t amount = 31'415'926;

    QProcess helper;
    helper.setProgram(QStringLiteral(OVPP_SEND_CRASH_HELPER));
    helper.setArguments(
        {m_localnet.rpcUrl().toString(), journalPath(),
         QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(seed.data()), 32).toHex()),
         recipient.publicKey().toBase58(), QString::number(amount)});
    helper.start();
    ASSERT_TRUE(helper.waitForStarted(10000)) << helper.errorString().toStdString();
    QByteArray out;
    const QDeadlineTimer guard(60000);
    while (!out.contains('\n') && helper.state() == QProcess::Running && !guard.hasExpired()) {
        helper.waitForReadyRead(100);
        out += helper.readAllStandardOutput();
    }
    // SIGKILL: no destructor, no flush, no goodbye.
    helper.kill();
    helper.waitForFinished(10000);
    ASSERT_TRUE(out.startsWith("SIGNATURE="))
        << out.toStdString() << " / " << helper.readAllStandardError().toStdString();
    const QString signature = QString::fromLatin1(out.mid(10).trimmed());

    // The dead process had journaled the send but could not have seen it confirmed.
    {
        SendJournal journal(journalPath());
        ASSERT_TRUE(journal.open().ok());
        auto row = journal.find(signature);
        ASSERT_TRUE(row.ok() && row->has_value());
        EXPECT_TRUE((*row)->state == SendState::Signed || (*row)->state == SendState::Sent)
            << sendStateName((*row)->state).toStdString();
        auto pending = journal.pending();
        ASSERT_TRUE(pending.ok());
        ASSERT_EQ(pending->size(), 1);
    }

    Sender sender(m_client.get(), journalPath());
    sender.setPollIntervalMs(200);
    ASSERT_TRUE(sender.open().ok());
    FinishedSends finished(&sender);
    auto resumed = sender.resumePending();
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed.value(), 1);
    const PendingSend done = finished.wait(signature);
    EXPECT_EQ(done.state, SendState::Finalized);
    EXPECT_TRUE(sender.journal().pending()->isEmpty());

    EXPECT_EQ(balance(recipient.publicKey()), amount);
    EXPECT_EQ(balance(payer.publicKey()), before - amount - done.fee);
    auto history = await(m_client->getSignaturesForAddress(recipient.publicKey()));
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1);
    EXPECT_EQ(history->first().signature, signature);
}

TEST_F(SenderCrash, JournaledButNeverBroadcastLandsOnResume)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const std::uint64_t amount = 2'718'281;

    PendingSend journaled;
    {
        Sender preparer(m_client.get(), journalPath());
        auto prepared = await(preparer.prepare(solTransfer(payer, recipient.publicKey(), amount)));
        ASSERT_TRUE(prepared.ok()) << prepared.error().detail.toStdString();
        Transaction transaction(prepared->message);
        ASSERT_TRUE(transaction.sign(payer).ok());
        journaled.signature = transaction.id();
        journaled.wire = transaction.serialize().value();
        journaled.lastValidBlockHeight = prepared->lastValidBlockHeight;
        journaled.fee = prepared->fee;
        SendJournal journal(journalPath());
        ASSERT_TRUE(journal.open().ok());
        ASSERT_TRUE(journal.insert(journaled).ok());
    }
    auto unknown = await(m_client->getSignatureStatuses({journaled.signature}, true));
    ASSERT_TRUE(unknown.ok());
    ASSERT_FALSE(unknown->first().has_value()); // really never sent

    Sender sender(m_client.get(), journalPath());
    sender.setPollIntervalMs(200);
    ASSERT_TRUE(sender.open().ok());
    FinishedSends finished(&sender);
    ASSERT_EQ(sender.resumePending().value(), 1);
    const PendingSend done = finished.wait(journaled.signature);
    EXPECT_EQ(done.state, SendState::Finalized);
    EXPECT_GE(done.broadcasts, 1);
    EXPECT_EQ(balance(recipient.publicKey()), amount);
}

} // namespace
