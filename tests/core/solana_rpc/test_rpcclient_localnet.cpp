// RpcClient against the sandbox localnet (litesvm): every typed method on a real node.
#include "RpcTestSupport.h"
#include "solana/ProgramAddress.h"
#include "solana/ProgramIds.h"

#include <gtest/gtest.h>

#include <limits>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

class RpcLocalnet : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString problem = m_localnet.start();
        ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
        m_client = std::make_unique<RpcClient>(m_localnet.rpcUrl());
    }
    void TearDown() override
    {
        m_client.reset();
        m_localnet.stop();
    }

    // A fresh key holding `lamports`.
    Keypair funded(std::uint64_t lamports)
    {
        Keypair key = randomKeypair();
        const QString problem = airdrop(*m_client, key.publicKey(), lamports);
        EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
        return key;
    }

    LocalnetProcess m_localnet;
    std::unique_ptr<RpcClient> m_client;
};

std::string text(const Error &error)
{
    return error.detail.toStdString();
}

} // namespace

TEST_F(RpcLocalnet, HealthAndBlockHeight)
{
    auto health = await(m_client->getHealth());
    EXPECT_TRUE(health.ok()) << text(health.error());
    auto first = await(m_client->getBlockHeight());
    ASSERT_TRUE(first.ok()) << text(first.error());
    pause(300);
    auto later = await(m_client->getBlockHeight());
    ASSERT_TRUE(later.ok());
    EXPECT_GE(*later, *first);
}

TEST_F(RpcLocalnet, AirdropThenBalance)
{
    const Keypair key = randomKeypair();
    auto before = await(m_client->getBalance(key.publicKey()));
    ASSERT_TRUE(before.ok()) << text(before.error());
    EXPECT_EQ(*before, 0u);
    const std::uint64_t lamports = 2'500'000'001;
    const QString problem = airdrop(*m_client, key.publicKey(), lamports);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    auto after = await(m_client->getBalance(key.publicKey()));
    ASSERT_TRUE(after.ok()) << text(after.error());
    EXPECT_EQ(*after, lamports);
}

TEST_F(RpcLocalnet, LatestBlockhashIsValidAhead)
{
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok()) << text(latest.error());
    auto height = await(m_client->getBlockHeight());
    ASSERT_TRUE(height.ok());
    EXPECT_NE(latest->blockhash, Blockhash());
    EXPECT_GT(latest->lastValidBlockHeight, *height);
}

TEST_F(RpcLocalnet, AccountInfoOfTheUsdeMintKeepsRentEpochExact)
{
    auto mint = PublicKey::fromBase58(m_localnet.usdeMint());
    ASSERT_TRUE(mint.ok());
    auto info = await(m_client->getAccountInfo(*mint));
    ASSERT_TRUE(info.ok()) << text(info.error());
    ASSERT_TRUE(info->has_value());
    EXPECT_EQ((*info)->owner, programs::tokenProgram());
    EXPECT_EQ((*info)->data.size(), 82); // an SPL mint
    EXPECT_EQ((*info)->space, 82u);
    EXPECT_EQ((*info)->rentEpoch, std::numeric_limits<std::uint64_t>::max());
    EXPECT_GT((*info)->lamports, 0u);

    auto missing = await(m_client->getAccountInfo(randomKeypair().publicKey()));
    ASSERT_TRUE(missing.ok()) << text(missing.error());
    EXPECT_FALSE(missing->has_value());
}

TEST_F(RpcLocalnet, MultipleAccountsInOrderAcrossBatchedChunks)
{
    auto mint = PublicKey::fromBase58(m_localnet.usdeMint());
    ASSERT_TRUE(mint.ok());
    const Keypair rich = funded(1'000'000'000);
    // 150 addresses need two getMultipleAccounts calls (max 100 each), sent as one batch.
    QList<PublicKey> addresses;
    for (int i = 0; i < 150; ++i)
        addresses.append(randomKeypair().publicKey());
    addresses[3] = *mint;
    addresses[120] = rich.publicKey();
    auto accounts = await(m_client->getMultipleAccounts(addresses));
    ASSERT_TRUE(accounts.ok()) << text(accounts.error());
    ASSERT_EQ(accounts->size(), 150);
    for (int i = 0; i < 150; ++i) {
        if (i == 3) {
            ASSERT_TRUE(accounts->at(i).has_value());
            EXPECT_EQ(accounts->at(i)->owner, programs::tokenProgram());
        } else if (i == 120) {
            ASSERT_TRUE(accounts->at(i).has_value());
            EXPECT_EQ(accounts->at(i)->lamports, 1'000'000'000u);
            EXPECT_EQ(accounts->at(i)->owner, programs::systemProgram());
        } else {
            EXPECT_FALSE(accounts->at(i).has_value()) << i;
        }
    }
}

TEST_F(RpcLocalnet, TokenAccountsAfterAFaucetMint)
{
    auto mint = PublicKey::fromBase58(m_localnet.usdeMint());
    ASSERT_TRUE(mint.ok());
    const PublicKey owner = randomKeypair().publicKey();
    auto none = await(m_client->getTokenAccountsByOwner(owner, {*mint, std::nullopt}));
    ASSERT_TRUE(none.ok()) << text(none.error());
    EXPECT_TRUE(none->isEmpty());

    const std::uint64_t amount = 1'234'567;
    const QString problem = faucet(m_localnet.faucetUrl(), owner, amount);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    auto byMint = await(m_client->getTokenAccountsByOwner(owner, {*mint, std::nullopt}));
    ASSERT_TRUE(byMint.ok()) << text(byMint.error());
    ASSERT_EQ(byMint->size(), 1);
    const TokenAccount &account = byMint->first();
    EXPECT_EQ(account.amount, amount);
    EXPECT_EQ(account.decimals, 6);
    EXPECT_EQ(account.mint, *mint);
    EXPECT_EQ(account.owner, owner);
    EXPECT_EQ(account.program, programs::tokenProgram());
    auto ata = ProgramAddress::associatedTokenAddress(owner, *mint);
    ASSERT_TRUE(ata.ok());
    EXPECT_EQ(account.address, ata->address);

    auto byProgram
        = await(m_client->getTokenAccountsByOwner(owner, {std::nullopt, programs::tokenProgram()}));
    ASSERT_TRUE(byProgram.ok()) << text(byProgram.error());
    ASSERT_EQ(byProgram->size(), 1);
    EXPECT_EQ(byProgram->first().amount, amount);
}

TEST_F(RpcLocalnet, SimulateSendConfirmAndFetchATransfer)
{
    const Keypair payer = funded(2'000'000'000);
    const PublicKey recipient = randomKeypair().publicKey();
    const std::uint64_t amount = 123'456'789;
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok()) << text(latest.error());
    auto tx = signedTransfer(payer, recipient, amount, latest->blockhash);
    ASSERT_TRUE(tx.ok()) << text(tx.error());
    auto wire = tx->serialize();
    ASSERT_TRUE(wire.ok());

    auto fee = await(m_client->getFeeForMessage(tx->messageBytes()));
    ASSERT_TRUE(fee.ok()) << text(fee.error());
    ASSERT_TRUE(fee->has_value());
    EXPECT_GT(**fee, 0u);

    auto simulation = await(m_client->simulateTransaction(*wire, {true, false}));
    ASSERT_TRUE(simulation.ok()) << text(simulation.error());
    EXPECT_FALSE(simulation->err.has_value()) << simulation->err->toStdString();
    EXPECT_FALSE(simulation->logs.isEmpty());

    auto signature = await(m_client->sendTransaction(*tx));
    ASSERT_TRUE(signature.ok()) << text(signature.error());
    EXPECT_EQ(*signature, tx->id());

    // The confirmation loop's tick: statuses and block height in one batch.
    std::optional<SignatureStatus> status;
    for (int poll = 0; poll < 300 && !(status && status->confirmationStatus != "processed");
         ++poll) {
        auto tick = await(m_client->getSignatureStatusesAndBlockHeight({*signature}));
        ASSERT_TRUE(tick.ok()) << text(tick.error());
        ASSERT_EQ(tick->statuses.size(), 1);
        EXPECT_LE(tick->blockHeight, latest->lastValidBlockHeight);
        status = tick->statuses.first();
        if (!status || status->confirmationStatus == "processed")
            pause(100);
    }
    ASSERT_TRUE(status.has_value());
    EXPECT_FALSE(status->err.has_value());

    auto received = await(m_client->getBalance(recipient));
    ASSERT_TRUE(received.ok());
    EXPECT_EQ(*received, amount);
    auto left = await(m_client->getBalance(payer.publicKey()));
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(*left, 2'000'000'000u - amount - **fee);

    auto fetched = await(m_client->getTransaction(*signature));
    ASSERT_TRUE(fetched.ok()) << text(fetched.error());
    ASSERT_TRUE(fetched->has_value());
    const FetchedTransaction &t = **fetched;
    EXPECT_EQ(t.wire, *wire);
    EXPECT_EQ(t.transaction.id(), *signature);
    EXPECT_EQ(t.fee, **fee);
    EXPECT_FALSE(t.err.has_value());
    ASSERT_EQ(t.preBalances.size(), 3);
    ASSERT_EQ(t.postBalances.size(), 3);
    EXPECT_EQ(t.preBalances[0] - t.postBalances[0], amount + **fee);
    EXPECT_EQ(t.postBalances[1] - t.preBalances[1], amount);
    EXPECT_EQ(t.slot, status->slot);

    auto history = await(m_client->getSignaturesForAddress(recipient));
    ASSERT_TRUE(history.ok()) << text(history.error());
    ASSERT_EQ(history->size(), 1);
    EXPECT_EQ(history->first().signature, *signature);
    EXPECT_FALSE(history->first().err.has_value());
    EXPECT_EQ(history->first().slot, status->slot);

    auto unknown = await(m_client->getTransaction(randomTransactionId()));
    ASSERT_TRUE(unknown.ok()) << text(unknown.error());
    EXPECT_FALSE(unknown->has_value());
}

TEST_F(RpcLocalnet, PrioritizationFeesAndRent)
{
    auto fees = await(m_client->getRecentPrioritizationFees({programs::systemProgram()}));
    ASSERT_TRUE(fees.ok()) << text(fees.error());
    EXPECT_FALSE(fees->isEmpty());
    for (qsizetype i = 1; i < fees->size(); ++i)
        EXPECT_LT(fees->at(i - 1).slot, fees->at(i).slot);

    // Rent exemption: (128 bytes of account overhead + data) × 3480 lamports/byte-year × 2 years.
    for (const std::uint64_t length : {0ull, 82ull, 165ull}) {
        auto rent = await(m_client->getMinimumBalanceForRentExemption(length));
        ASSERT_TRUE(rent.ok()) << text(rent.error());
        EXPECT_EQ(*rent, (length + 128) * 3480 * 2) << length;
    }
}

TEST_F(RpcLocalnet, FailedPreflightShowsTheProgramLogs)
{
    const Keypair payer = funded(10'000'000);
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok());
    // More than the payer has: the system program refuses and logs why.
    auto tx = signedTransfer(payer, randomKeypair().publicKey(), 5'000'000'000, latest->blockhash);
    ASSERT_TRUE(tx.ok());
    auto sent = await(m_client->sendTransaction(*tx));
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(RpcClient::rpcErrorCode(sent.error()), -32002) << text(sent.error());
    EXPECT_TRUE(sent.error().detail.contains("Transaction simulation failed"))
        << text(sent.error());
    EXPECT_TRUE(sent.error().detail.contains("Program logs:")) << text(sent.error());
    EXPECT_TRUE(sent.error().detail.contains("Program 11111111111111111111111111111111 invoke"))
        << text(sent.error());
}

TEST_F(RpcLocalnet, BadSignatureIsRefusedWithMinus32003)
{
    const Keypair payer = funded(10'000'000);
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok());
    auto tx = signedTransfer(payer, randomKeypair().publicKey(), 1000, latest->blockhash);
    ASSERT_TRUE(tx.ok());
    auto wire = tx->serialize();
    ASSERT_TRUE(wire.ok());
    QByteArray tampered = *wire;
    tampered[1] = char(tampered[1] ^ 0x01); // first byte of signature 0
    auto sent = await(m_client->sendTransaction(tampered));
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(RpcClient::rpcErrorCode(sent.error()), -32003) << text(sent.error());
    EXPECT_EQ(sent.error().code, ErrorCode::InvalidArgument);
}

TEST_F(RpcLocalnet, InvalidParamsBecomeAClearError)
{
    auto result = await(
        m_client->call("getBalance", QJsonArray {"not-an-address"}, RpcClient::Retry::Allowed));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(RpcClient::rpcErrorCode(result.error()), -32602) << text(result.error());
    EXPECT_TRUE(result.error().detail.contains("getBalance"));
    auto unknown = await(m_client->call("noSuchMethod", {}, RpcClient::Retry::Allowed));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(RpcClient::rpcErrorCode(unknown.error()), -32601);
}

TEST_F(RpcLocalnet, ResendingTheSameSignedBytesIsNotAFailure)
{
    // What the send pipeline does after a lost answer: broadcast the very same bytes again.
    const Keypair payer = funded(1'000'000'000);
    const PublicKey recipient = randomKeypair().publicKey();
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok());
    auto tx = signedTransfer(payer, recipient, 1'000'000, latest->blockhash);
    ASSERT_TRUE(tx.ok());
    auto first = await(m_client->sendTransaction(*tx));
    ASSERT_TRUE(first.ok()) << text(first.error());
    const QString problem = waitConfirmed(*m_client, *first);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();

    auto again = await(m_client->sendTransaction(*tx));
    ASSERT_TRUE(again.ok()) << text(again.error());
    EXPECT_EQ(*again, tx->id());
    auto balance = await(m_client->getBalance(recipient));
    ASSERT_TRUE(balance.ok());
    EXPECT_EQ(*balance, 1'000'000u); // landed once

    // A different failure of the same kind (-32002) is still an error.
    auto broke
        = signedTransfer(payer, randomKeypair().publicKey(), 10'000'000'000, latest->blockhash);
    ASSERT_TRUE(broke.ok());
    auto refused = await(m_client->sendTransaction(*broke));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(RpcClient::rpcErrorCode(refused.error()), -32002);
}
