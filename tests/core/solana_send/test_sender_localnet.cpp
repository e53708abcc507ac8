// The Sender against the sandbox localnet: SOL, USDE (creating the recipient's token account),
// memo, priority fee, a refused (insufficient) send, and a send whose blockhash expires.
#include "LocalnetProcess.h"
#include "SendTestSupport.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/ProgramIds.h"
#include "solana/TokenProgram.h"
#include "solana/send/PriorityFee.h"

#include <QTemporaryDir>

#include <memory>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;
constexpr std::uint8_t UsdeDecimals = 6; // the sandbox mint (tests/sandbox/localnet)

class SenderLocalnet : public ::testing::Test
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
        m_sender = std::make_unique<Sender>(m_client.get(), journalPath());
        m_sender->setPollIntervalMs(200);
        ASSERT_TRUE(m_sender->open().ok());
        m_finished = std::make_unique<FinishedSends>(m_sender.get());
    }

    QString journalPath() const { return m_dir.filePath(QStringLiteral("sends.sqlite")); }

    std::uint64_t balance(const PublicKey &key)
    {
        auto lamports = await(m_client->getBalance(key));
        EXPECT_TRUE(lamports.ok());
        return lamports.ok() ? lamports.value() : 0;
    }

    std::optional<FetchedTransaction> fetch(const QString &signature)
    {
        auto fetched = await(m_client->getTransaction(signature));
        EXPECT_TRUE(fetched.ok());
        return fetched.ok() ? fetched.value() : std::nullopt;
    }

    static inline LocalnetProcess *s_localnet = nullptr;
    static inline QString s_startError;
    QTemporaryDir m_dir;
    std::unique_ptr<RpcClient> m_client;
    std::unique_ptr<Sender> m_sender;
    std::unique_ptr<FinishedSends> m_finished;
};

TEST_F(SenderLocalnet, SolTransferReachesFinalizedAndIsJournaled)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), 2 * LamportsPerSol), QString());
    const std::uint64_t before = balance(payer.publicKey());
    const std::uint64_t amount = 123'456'789;

    QList<SendState> seen;
    QObject::connect(m_sender.get(), &Sender::stateChanged, m_sender.get(),
                     [&seen](const PendingSend &send) { seen.append(send.state); });
    PreparedSend prepared;
    auto [error, submitted] = prepareAndSubmit(
        *m_sender, solTransfer(payer, recipient.publicKey(), amount), payer, &prepared);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(submitted.state, SendState::Signed);
    EXPECT_GT(prepared.fee, 0u);

    // Journaled before anything else happened, with the exact bytes.
    auto row = m_sender->journal().find(submitted.signature);
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->wire, submitted.wire);
    EXPECT_EQ((*row)->lastValidBlockHeight, prepared.lastValidBlockHeight);

    const PendingSend done = m_finished->wait(submitted.signature);
    EXPECT_EQ(done.state, SendState::Finalized);
    EXPECT_TRUE(seen.contains(SendState::Sent));
    EXPECT_EQ(seen.last(), SendState::Finalized);
    auto journaled = m_sender->journal().find(submitted.signature);
    ASSERT_TRUE(journaled.ok() && journaled->has_value());
    EXPECT_EQ((*journaled)->state, SendState::Finalized);
    EXPECT_GT((*journaled)->slot, 0u);
    EXPECT_TRUE(m_sender->journal().pending()->isEmpty());

    EXPECT_EQ(balance(recipient.publicKey()), amount);
    EXPECT_EQ(balance(payer.publicKey()), before - amount - prepared.fee);
    auto onChain = fetch(submitted.signature);
    ASSERT_TRUE(onChain.has_value());
    EXPECT_EQ(onChain->wire, submitted.wire);
    EXPECT_EQ(onChain->fee, prepared.fee);
}

TEST_F(SenderLocalnet, UsdeTransferCheckedCreatesRecipientTokenAccount)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const std::uint64_t funded = 50'000'000; // 50 USDE
    ASSERT_EQ(faucet(s_localnet->faucetUrl(), payer.publicKey(), funded), QString());

    auto mint = PublicKey::fromBase58(s_localnet->usdeMint());
    ASSERT_TRUE(mint.ok());
    auto source = ProgramAddress::associatedTokenAddress(payer.publicKey(), mint.value());
    auto destination = ProgramAddress::associatedTokenAddress(recipient.publicKey(), mint.value());
    ASSERT_TRUE(source.ok() && destination.ok());
    auto existing = await(m_client->getAccountInfo(destination->address));
    ASSERT_TRUE(existing.ok());
    ASSERT_FALSE(existing->has_value()); // the recipient has no USDE account yet

    const std::uint64_t amount = 12'345'678;
    SendRequest request;
    request.feePayer = payer.publicKey();
    request.computeUnitPrice = 0;
    request.instructions = {
        AssociatedTokenProgram::createIdempotent(payer.publicKey(), destination->address,
                                                 recipient.publicKey(), mint.value()),
        TokenProgram::transferChecked(source->address, mint.value(), destination->address,
                                      payer.publicKey(), amount, UsdeDecimals),
    };
    auto [error, submitted] = prepareAndSubmit(*m_sender, request, payer);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(m_finished->wait(submitted.signature).state, SendState::Finalized);

    TokenAccountFilter filter;
    filter.mint = mint.value();
    auto recipientAccounts
        = await(m_client->getTokenAccountsByOwner(recipient.publicKey(), filter));
    ASSERT_TRUE(recipientAccounts.ok());
    ASSERT_EQ(recipientAccounts->size(), 1);
    EXPECT_EQ(recipientAccounts->first().address, destination->address);
    EXPECT_EQ(recipientAccounts->first().amount, amount);
    auto payerAccounts = await(m_client->getTokenAccountsByOwner(payer.publicKey(), filter));
    ASSERT_TRUE(payerAccounts.ok() && payerAccounts->size() == 1);
    EXPECT_EQ(payerAccounts->first().amount, funded - amount);
}

TEST_F(SenderLocalnet, MemoAndPriorityFeeInstructionsLandAsBuilt)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const QString memo = QStringLiteral("OpenVPP invoice 42 — ünïcode");
    const std::uint64_t price = 10'000;
    const std::uint32_t limit = 50'000;

    SendRequest request = solTransfer(payer, recipient.publicKey(), 1'000'000);
    request.instructions.append(MemoProgram::memo(memo));
    request.computeUnitPrice = price;
    request.computeUnitLimit = limit;
    PreparedSend prepared;
    auto [error, submitted] = prepareAndSubmit(*m_sender, request, payer, &prepared);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(prepared.computeUnitPrice, price);
    EXPECT_EQ(prepared.computeUnitLimit, limit);
    EXPECT_EQ(m_finished->wait(submitted.signature).state, SendState::Finalized);

    auto onChain = fetch(submitted.signature);
    ASSERT_TRUE(onChain.has_value());
    auto instructions = onChain->transaction.message().decompile();
    ASSERT_TRUE(instructions.ok());
    ASSERT_EQ(instructions->size(), 4);
    EXPECT_EQ(instructions->at(0), ComputeBudgetProgram::setComputeUnitLimit(limit));
    EXPECT_EQ(instructions->at(1), ComputeBudgetProgram::setComputeUnitPrice(price));
    EXPECT_EQ(instructions->at(3).programId, programs::memoProgram());
    EXPECT_EQ(QString::fromUtf8(instructions->at(3).data), memo);
    // The quoted fee included the priority part, and that is what was charged.
    EXPECT_EQ(onChain->fee, prepared.fee);
    EXPECT_GE(prepared.fee, PriorityFee::lamports(price, limit));
}

TEST_F(SenderLocalnet, SuggestedPriorityFeeStillSends)
{
    const Keypair payer = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    SendRequest request = solTransfer(payer, randomKeypair().publicKey(), 2'000'000);
    request.computeUnitPrice.reset(); // ask the node
    PreparedSend prepared;
    auto [error, submitted] = prepareAndSubmit(*m_sender, request, payer, &prepared);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    auto fees = await(m_client->getRecentPrioritizationFees({payer.publicKey()}));
    ASSERT_TRUE(fees.ok());
    // What was used is what the policy says for what the node reports now (both quiet or both
    // busy on this private localnet).
    EXPECT_EQ(prepared.computeUnitPrice, PriorityFee::suggest(fees.value()));
    EXPECT_EQ(m_finished->wait(submitted.signature).state, SendState::Finalized);
}

TEST_F(SenderLocalnet, InsufficientBalanceFailsInSimulationAndJournalsNothing)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    const std::uint64_t before = balance(payer.publicKey());

    auto prepared
        = await(m_sender->prepare(solTransfer(payer, recipient.publicKey(), 5 * LamportsPerSol)));
    ASSERT_FALSE(prepared.ok());
    EXPECT_EQ(prepared.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(prepared.error().detail.contains(QStringLiteral("insufficient")))
        << prepared.error().detail.toStdString();
    EXPECT_TRUE(prepared.error().detail.contains(QStringLiteral("Nothing was signed")));

    auto rows = m_sender->journal().all();
    ASSERT_TRUE(rows.ok());
    EXPECT_TRUE(rows->isEmpty());
    EXPECT_EQ(m_sender->activeCount(), 0);
    pause(500);
    EXPECT_EQ(balance(payer.publicKey()), before);
    EXPECT_EQ(balance(recipient.publicKey()), 0u);
}

TEST_F(SenderLocalnet, SubmittingTheSamePreparedSendTwiceIsRefused)
{
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(*m_client, payer.publicKey(), LamportsPerSol), QString());
    auto prepared = await(m_sender->prepare(solTransfer(payer, recipient.publicKey(), 7'000'000)));
    ASSERT_TRUE(prepared.ok());
    auto first = m_sender->submit(prepared.value(), payer);
    ASSERT_TRUE(first.ok());
    auto second = m_sender->submit(prepared.value(), payer);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(m_finished->wait(first->signature).state, SendState::Finalized);
    EXPECT_EQ(balance(recipient.publicKey()), 7'000'000u);
}

// A separate localnet whose blockhashes live only 10 blocks (1 s).
TEST(SenderExpiry, JournaledSendWhoseBlockhashExpiredEndsExpiredAndMovesNothing)
{
    LocalnetProcess localnet;
    const QString started
        = localnet.start({QStringLiteral("--blockhash-ttl-slots"), QStringLiteral("10")});
    ASSERT_TRUE(started.isEmpty()) << started.toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    RpcClient client(localnet.rpcUrl());
    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(client, payer.publicKey(), LamportsPerSol), QString());
    const std::uint64_t before = await(client.getBalance(payer.publicKey())).value();

    // The crash window: signed and journaled, then the process died before the bytes left.
    PendingSend journaled;
    {
        Sender sender(&client, dir.filePath(QStringLiteral("sends.sqlite")));
        ASSERT_TRUE(sender.open().ok());
        auto prepared = await(sender.prepare(solTransfer(payer, recipient.publicKey(), 1'000'000)));
        ASSERT_TRUE(prepared.ok()) << prepared.error().detail.toStdString();
        Transaction transaction(prepared->message);
        ASSERT_TRUE(transaction.sign(payer).ok());
        journaled.signature = transaction.id();
        journaled.wire = transaction.serialize().value();
        journaled.lastValidBlockHeight = prepared->lastValidBlockHeight;
        journaled.fee = prepared->fee;
        SendJournal journal(dir.filePath(QStringLiteral("sends.sqlite")));
        ASSERT_TRUE(journal.open().ok());
        ASSERT_TRUE(journal.insert(journaled).ok());
    }
    // Restart only after the blockhash is past its last valid height.
    for (int i = 0; i < 600; ++i) {
        auto height = await(client.getBlockHeight());
        ASSERT_TRUE(height.ok());
        if (height.value() > journaled.lastValidBlockHeight)
            break;
        pause(100);
    }

    Sender restarted(&client, dir.filePath(QStringLiteral("sends.sqlite")));
    restarted.setPollIntervalMs(200);
    ASSERT_TRUE(restarted.open().ok());
    FinishedSends finished(&restarted);
    auto resumed = restarted.resumePending();
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed.value(), 1);
    const PendingSend done = finished.wait(journaled.signature);
    EXPECT_EQ(done.state, SendState::Expired);
    auto row = restarted.journal().find(journaled.signature);
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->state, SendState::Expired);

    // The money did not move, and the node never heard of the signature.
    EXPECT_EQ(await(client.getBalance(payer.publicKey())).value(), before);
    EXPECT_EQ(await(client.getBalance(recipient.publicKey())).value(), 0u);
    auto statuses = await(client.getSignatureStatuses({journaled.signature}, true));
    ASSERT_TRUE(statuses.ok());
    EXPECT_FALSE(statuses->first().has_value());
}

} // namespace
