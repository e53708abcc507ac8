// Sender::submitSigned against the sandbox localnet: bytes signed elsewhere (the app's wallet
// worker) are journaled and land like submit()'s; a transaction of another message, unsigned or
// with a forged signature is refused and nothing is journaled or sent.
#include "LocalnetProcess.h"
#include "SendTestSupport.h"

#include <QTemporaryDir>

#include <memory>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;

class SenderSigned : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_localnet = new LocalnetProcess;
        s_startError = s_localnet->start();
    }
    static void TearDownTestSuite()
    {
        delete s_localnet;
        s_localnet = nullptr;
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
        ASSERT_TRUE(m_dir.isValid());
        m_client = std::make_unique<RpcClient>(s_localnet->rpcUrl());
        m_sender = std::make_unique<Sender>(m_client.get(), m_dir.filePath("sends.sqlite"));
        m_sender->setPollIntervalMs(200);
        ASSERT_TRUE(m_sender->open().ok());
        m_finished = std::make_unique<FinishedSends>(m_sender.get());
    }

    PreparedSend prepareTransfer(const Keypair &payer, const PublicKey &to, std::uint64_t lamports)
    {
        auto prepared = await(m_sender->prepare(solTransfer(payer, to, lamports)));
        EXPECT_TRUE(prepared.ok())
            << (prepared.ok() ? "" : describe(prepared.error()).toStdString());
        return prepared.ok() ? prepared.value() : PreparedSend {};
    }

    std::uint64_t balance(const PublicKey &key)
    {
        auto lamports = await(m_client->getBalance(key));
        return lamports.ok() ? lamports.value() : 0;
    }

    static inline LocalnetProcess *s_localnet = nullptr;
    static inline QString s_startError;
    QTemporaryDir m_dir;
    std::unique_ptr<RpcClient> m_client;
    std::unique_ptr<Sender> m_sender;
    std::unique_ptr<FinishedSends> m_finished;
};

TEST_F(SenderSigned, BytesSignedElsewhereAreJournaledAndLand)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const PreparedSend prepared = prepareTransfer(payer, recipient.publicKey(), 42'000'000);
    const std::uint64_t before = balance(payer.publicKey());

    Transaction transaction(prepared.message);
    ASSERT_TRUE(transaction.sign(payer).ok());
    auto submitted = m_sender->submitSigned(prepared, transaction);
    ASSERT_TRUE(submitted.ok()) << describe(submitted.error()).toStdString();
    EXPECT_EQ(submitted->signature, transaction.id());
    auto row = m_sender->journal().find(submitted->signature);
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->wire, transaction.serialize().value());

    EXPECT_EQ(m_finished->wait(submitted->signature).state, SendState::Finalized);
    EXPECT_EQ(balance(recipient.publicKey()), 42'000'000u);
    EXPECT_EQ(balance(payer.publicKey()), before - 42'000'000 - prepared.fee);
}

TEST_F(SenderSigned, OtherMessagesMissingOrForgedSignaturesAreRefused)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const PreparedSend prepared = prepareTransfer(payer, recipient.publicKey(), 5'000'000);
    const PreparedSend other = prepareTransfer(payer, recipient.publicKey(), 6'000'000);

    // Signed, but not the message that was prepared (and shown to the user).
    Transaction otherSigned(other.message);
    ASSERT_TRUE(otherSigned.sign(payer).ok());
    auto mismatched = m_sender->submitSigned(prepared, otherSigned);
    ASSERT_FALSE(mismatched.ok());
    EXPECT_EQ(mismatched.error().code, ErrorCode::InvalidArgument);

    // Not signed at all.
    auto unsigned_ = m_sender->submitSigned(prepared, Transaction(prepared.message));
    ASSERT_FALSE(unsigned_.ok());

    // The other message's signature in this one's slot does not verify (addSignature checks).
    Transaction forged(prepared.message);
    EXPECT_FALSE(forged.addSignature(payer.publicKey(), otherSigned.signatures().at(0)).ok());
    EXPECT_FALSE(m_sender->submitSigned(prepared, forged).ok());

    EXPECT_TRUE(m_sender->journal().pending()->isEmpty());
    EXPECT_EQ(m_sender->activeCount(), 0);
    EXPECT_EQ(balance(recipient.publicKey()), 0u);
}

} // namespace
