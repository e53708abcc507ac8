// ChainSession against the sandbox localnet: which cluster it resolves, and submit() signing on
// the wallet worker and landing; a watch-only account and an unknown account are refused.

#include "ChainSession.h"
#include "ChainTestSupport.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletSession.h"
#include "WalletViewModel.h"

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp;
using namespace ovpp::test;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;
// An address that is not the wallet's: the golden mnemonic's second account.
QString recipient()
{
    return goldenAddresses().value(QStringLiteral("m/44'/501'/1'/0'"));
}

class ChainSessionTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_startError = chain::start(); }
    static void TearDownTestSuite() { chain::stop(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
        qputenv("OVPP_RPC_URL", chain::rpcUrl().toString().toUtf8());
        qputenv("OVPP_USDE_MINT", chain::usdeMint().toUtf8());
        m_harness = std::make_unique<UiHarness>(UiHarness::Options {.createVault = true});
        ASSERT_TRUE(m_harness->unlock());
        m_chain = m_harness->services().chain();
        ASSERT_NE(m_chain, nullptr);
        m_address = m_harness->wallet().currentAddress();
    }

    void TearDown() override
    {
        m_harness.reset();
        qunsetenv("OVPP_RPC_URL");
        qunsetenv("OVPP_USDE_MINT");
    }

    core::Result<core::PendingSend> submitAndWait(const core::PreparedSend &prepared,
                                                  const QString &accountId)
    {
        std::optional<core::Result<core::PendingSend>> result;
        QObject context;
        m_chain->submit(prepared, accountId, &context,
                        [&result](core::Result<core::PendingSend> r) { result = std::move(r); });
        EXPECT_TRUE(waitUntil([&result] { return result.has_value(); }));
        if (!result)
            return core::Error {core::ErrorCode::Internal, QStringLiteral("no answer")};
        return std::move(*result);
    }

    QString accountId(int index)
    {
        const auto &accounts = m_harness->services().session()->accounts();
        return index < accounts.size() ? accounts.at(index).id : QString();
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    ui::ChainSession *m_chain = nullptr;
    QString m_address;
};

TEST_F(ChainSessionTest, TheEnvironmentPointsItAtTheLocalnetWithItsUsdeMint)
{
    EXPECT_EQ(m_chain->cluster().name, QStringLiteral("custom"));
    EXPECT_EQ(m_chain->cluster().rpcUrl, chain::rpcUrl());
    ASSERT_TRUE(m_chain->cluster().usdeMint.has_value());
    EXPECT_EQ(m_chain->cluster().usdeMint->toBase58(), chain::usdeMint());
    EXPECT_TRUE(m_chain->clusterLabel().startsWith(QStringLiteral("Localnet")))
        << m_chain->clusterLabel().toStdString();
    ASSERT_NE(m_chain->sender(), nullptr) << m_chain->sendsUnavailableReason().toStdString();
    EXPECT_NE(m_chain->rpc(), nullptr);
}

TEST_F(ChainSessionTest, SetClusterResolvesMonikersAndRefusesNonsense)
{
    EXPECT_FALSE(m_chain->setCluster(QStringLiteral("not a cluster")).ok());
    EXPECT_EQ(m_chain->cluster().rpcUrl, chain::rpcUrl()); // unchanged
    ASSERT_TRUE(m_chain->setCluster(QStringLiteral("d")).ok());
    EXPECT_EQ(m_chain->cluster().name, QStringLiteral("devnet"));
    EXPECT_EQ(m_chain->clusterLabel(), QStringLiteral("Devnet"));
    EXPECT_NE(m_chain->sender(), nullptr);
}

TEST_F(ChainSessionTest, SubmitSignsOnTheWorkerAndTheTransferLands)
{
    ASSERT_EQ(chain::airdrop(m_address, 2 * LamportsPerSol), QString());
    QString error;
    auto prepared
        = chainsupport::prepareTransfer(m_chain, m_address, recipient(), 250'000'000, {}, &error);
    ASSERT_TRUE(prepared.has_value()) << error.toStdString();
    const std::uint64_t before = chain::balance(m_address).value_or(0);

    auto sent = submitAndWait(*prepared, accountId(0));
    ASSERT_TRUE(sent.ok()) << core::describe(sent.error()).toStdString();
    EXPECT_EQ(chainsupport::waitFinished(m_chain, sent->signature), QStringLiteral("finalized"));
    EXPECT_EQ(chain::balance(recipient()), std::optional<std::uint64_t>(250'000'000));
    EXPECT_EQ(chain::balance(m_address),
              std::optional<std::uint64_t>(before - 250'000'000 - prepared->fee));
}

TEST_F(ChainSessionTest, WatchOnlyAndUnknownAccountsAreRefused)
{
    ASSERT_EQ(chain::airdrop(m_address, LamportsPerSol), QString());
    QString error;
    auto prepared
        = chainsupport::prepareTransfer(m_chain, m_address, recipient(), 1'000'000, {}, &error);
    ASSERT_TRUE(prepared.has_value()) << error.toStdString();
    const std::uint64_t recipientBefore = chain::balance(recipient()).value_or(0);

    // A watch-only account has no secret, so nothing can be signed with it.
    std::optional<QString> watchId;
    auto *session = m_harness->services().session();
    QObject context;
    const auto address = core::PublicKey::fromBase58(recipient()).value();
    session->run(
        &context,
        [address](ui::WalletCore &core) -> QString {
            auto added = core.wallet->addWatchOnly(address, QStringLiteral("watch"));
            return added.ok() ? added->id : QString();
        },
        [&watchId](QString id) { watchId = id; });
    ASSERT_TRUE(waitUntil([&watchId] { return watchId.has_value(); }));
    ASSERT_FALSE(watchId->isEmpty());

    auto watch = submitAndWait(*prepared, *watchId);
    ASSERT_FALSE(watch.ok());
    EXPECT_EQ(watch.error().code, core::ErrorCode::WatchOnly);
    auto unknown = submitAndWait(*prepared, QStringLiteral("no-such-account"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(chain::balance(recipient()).value_or(0), recipientBefore) << "nothing may have moved";

    m_harness->services().session()->lock();
    auto locked = submitAndWait(*prepared, accountId(0));
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().code, core::ErrorCode::Locked);
}

} // namespace
