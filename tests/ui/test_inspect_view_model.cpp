// InspectViewModel against the sandbox localnet, with no vault at all (support staff inspect
// anyone's address): an airdropped and faucet-funded address shows exact SOL and USDE, its USDE
// token account and its decoded history; anything that is not an address is refused clearly.

#include "InspectViewModel.h"
#include "OnboardingViewModel.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "crypto/Keypair.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <array>
#include <memory>

using namespace ovpp;
using namespace ovpp::test;

namespace {

QVariant role(QAbstractItemModel *model, int row, const char *name)
{
    return model->data(model->index(row, 0), model->roleNames().key(name));
}

// A fresh on-curve address nobody has used (the faucet's associated token account needs an
// on-curve owner), so the balances below are exactly what this test put there.
QString freshAddress()
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &byte : seed)
        byte = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Keypair::fromSeed(seed).publicKey().toBase58();
}

class InspectTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_startError = chain::start(); }
    static void TearDownTestSuite() { chain::stop(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
        qputenv("OVPP_RPC_URL", chain::rpcUrl().toString().toUtf8());
        qputenv("OVPP_USDE_MINT", chain::usdeMint().toUtf8());
        m_harness = std::make_unique<UiHarness>();
        m_inspect = m_harness->services().inspect();
        ASSERT_NE(m_inspect, nullptr);
        for (QAbstractItemModel *model :
             {m_inspect->balances(), m_inspect->tokenAccounts(), m_inspect->history()})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Warning));
    }

    void TearDown() override
    {
        m_testers.clear();
        m_harness.reset();
        qunsetenv("OVPP_RPC_URL");
        qunsetenv("OVPP_USDE_MINT");
    }

    bool inspectAndWait(const QString &address)
    {
        m_inspect->inspect(address);
        return waitUntil(
            [this] {
                return !m_inspect->busy() && m_inspect->balancesLoaded()
                    && m_inspect->historyLoaded();
            },
            std::chrono::seconds(90));
    }

    // History lists confirmed transactions only, and the localnet confirms a moment after it
    // processed them: inspect again until `rows` rows show (or the wait gives up).
    bool inspectUntilHistoryRows(const QString &address, int rows)
    {
        return waitUntil(
            [&] {
                if (m_inspect->busy())
                    return false;
                if (m_inspect->balancesLoaded() && m_inspect->historyLoaded()
                    && m_inspect->history()->rowCount() >= rows)
                    return true;
                m_inspect->inspect(address);
                return false;
            },
            std::chrono::seconds(90));
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    ui::InspectViewModel *m_inspect = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

TEST_F(InspectTest, AFundedAddressShowsExactBalancesTokenAccountAndHistory)
{
    const QString address = freshAddress();
    ASSERT_EQ(chain::airdrop(address, 1'234'567'891), QString());
    ASSERT_EQ(chain::faucet(address, 25'500'001), QString()); // 25.500001 USDE

    // Surrounding blanks, as a paste often brings, are not part of the address.
    ASSERT_TRUE(inspectAndWait(QStringLiteral("  ") + address + QStringLiteral("\n")));
    EXPECT_EQ(m_inspect->address(), address);
    ASSERT_TRUE(inspectUntilHistoryRows(address, 2)) << m_inspect->errorText().toStdString();
    EXPECT_EQ(m_inspect->errorText(), QString());
    EXPECT_EQ(m_inspect->address(), address);
    EXPECT_EQ(m_inspect->solAmount(), QStringLiteral("1.234567891"));

    QAbstractItemModel *balances = m_inspect->balances();
    ASSERT_GE(balances->rowCount(), 2);
    EXPECT_EQ(role(balances, 0, "symbol").toString(), QStringLiteral("SOL"));
    EXPECT_EQ(role(balances, 0, "baseUnits").toString(), QStringLiteral("1234567891"));
    EXPECT_EQ(role(balances, 1, "symbol").toString(), QStringLiteral("USDE"));
    EXPECT_EQ(role(balances, 1, "amount").toString(), QStringLiteral("25.500001"));

    // One token account: the USDE one the faucet created, with its own address.
    QAbstractItemModel *accounts = m_inspect->tokenAccounts();
    ASSERT_EQ(accounts->rowCount(), 1);
    EXPECT_EQ(role(accounts, 0, "symbol").toString(), QStringLiteral("USDE"));
    EXPECT_EQ(role(accounts, 0, "mint").toString(), chain::usdeMint());
    EXPECT_EQ(role(accounts, 0, "amount").toString(), QStringLiteral("25.500001"));
    EXPECT_EQ(role(accounts, 0, "baseUnits").toString(), QStringLiteral("25500001"));
    EXPECT_EQ(role(accounts, 0, "decimals").toInt(), 6);
    EXPECT_EQ(role(accounts, 0, "program").toString(), QStringLiteral("Token"));
    const QString tokenAccount = role(accounts, 0, "address").toString();
    EXPECT_TRUE(core::PublicKey::fromBase58(tokenAccount).ok()) << tokenAccount.toStdString();
    EXPECT_NE(tokenAccount, address);
    EXPECT_EQ(chain::tokenBalance(address, chain::usdeMint()),
              std::optional<std::uint64_t>(25'500'001));

    // Two transactions touched it, newest first: the USDE payment, then the airdrop (a real
    // transfer from the sandbox's faucet account), decoded into words.
    QAbstractItemModel *history = m_inspect->history();
    ASSERT_EQ(history->rowCount(), 2);
    const QString airdrop = role(history, 1, "title").toString();
    EXPECT_TRUE(airdrop.startsWith(QStringLiteral("Received 1.234567891 SOL from ")))
        << airdrop.toStdString();
    EXPECT_FALSE(role(history, 1, "failed").toBool());
    EXPECT_FALSE(role(history, 1, "counterparty").toString().isEmpty());
    EXPECT_TRUE(role(history, 1, "explorerUrl")
                    .toString()
                    .startsWith(QStringLiteral("https://explorer.solana.com/tx/")
                                + role(history, 1, "signature").toString()));
    EXPECT_FALSE(m_inspect->canLoadMore());

    // Inspecting again reads afresh: a second airdrop shows.
    ASSERT_EQ(chain::airdrop(address, 1), QString());
    ASSERT_TRUE(inspectUntilHistoryRows(address, 3));
    EXPECT_EQ(m_inspect->solAmount(), QStringLiteral("1.234567892"));
    EXPECT_EQ(history->rowCount(), 3);
}

TEST_F(InspectTest, AnythingButAnAddressIsRefusedAndClearsTheResults)
{
    const QString address = freshAddress();
    ASSERT_EQ(chain::airdrop(address, 2'000'000'007), QString());
    ASSERT_TRUE(inspectAndWait(address));
    ASSERT_EQ(m_inspect->solAmount(), QStringLiteral("2.000000007"));

    // 0 is not a base58 letter.
    const QString typo = address.left(address.size() - 1) + QStringLiteral("0");
    m_inspect->inspect(typo);
    EXPECT_TRUE(m_inspect->errorText().contains(QStringLiteral("is not a Solana address")))
        << m_inspect->errorText().toStdString();
    EXPECT_TRUE(m_inspect->address().isEmpty());
    EXPECT_EQ(m_inspect->balances()->rowCount(), 0);
    EXPECT_EQ(m_inspect->history()->rowCount(), 0);
    EXPECT_FALSE(m_inspect->busy());

    // Too short to be 32 bytes, and empty.
    EXPECT_FALSE(m_inspect->validate(QStringLiteral("abc")).isEmpty());
    m_inspect->inspect(QStringLiteral("   "));
    EXPECT_TRUE(m_inspect->errorText().contains(QStringLiteral("Type or paste")))
        << m_inspect->errorText().toStdString();
    EXPECT_EQ(m_inspect->validate(address), QString());

    // A good address afterwards clears the error.
    ASSERT_TRUE(inspectAndWait(address));
    EXPECT_EQ(m_inspect->errorText(), QString());
    EXPECT_EQ(m_inspect->solAmount(), QStringLiteral("2.000000007"));
}

// The import path chooser (OnboardingViewModel) reads every candidate's SOL balance from the
// same cluster in one call: "—" until known, then exact; an account the node does not know
// holds 0.
TEST_F(InspectTest, ImportPathCandidatesShowTheirSolBalances)
{
    ui::OnboardingViewModel *onboarding = m_harness->services().onboarding();
    QAbstractItemModel *candidates = onboarding->pathCandidates();
    QAbstractItemModelTester tester(candidates,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    auto balanceOf = [candidates](int row) {
        return role(candidates, row, "balance").toString();
    };
    onboarding->setMode(ui::OnboardingViewModel::ImportWords);
    ASSERT_TRUE(onboarding->setImportWords(goldenMnemonic(), QString()));
    ASSERT_TRUE(
        waitUntil([&] { return candidates->rowCount() > 1 && balanceOf(0) != QStringLiteral("—"); },
                  std::chrono::seconds(60)))
        << "balance still " << balanceOf(0).toStdString();
    ASSERT_GT(candidates->rowCount(), 1);
    const QString first = role(candidates, 0, "address").toString();
    const QString second = role(candidates, 1, "address").toString();
    // This test's localnet is its own: the golden addresses hold nothing until funded here.
    ASSERT_EQ(chain::balance(first).value_or(0), 0u);
    EXPECT_EQ(balanceOf(0), QStringLiteral("0 SOL"));

    ASSERT_EQ(chain::airdrop(first, 3'500'000'001), QString());
    // The same words again derive afresh and read the balances again (again until the node
    // reports the airdrop: it may answer at a commitment that lags a moment).
    ASSERT_TRUE(waitUntil(
        [&] {
            if (balanceOf(0) == QStringLiteral("3.500000001 SOL"))
                return true;
            if (!onboarding->busy() && balanceOf(0) != QStringLiteral("—"))
                onboarding->setImportWords(goldenMnemonic(), QString());
            return false;
        },
        std::chrono::seconds(60)))
        << "balance " << balanceOf(0).toStdString();
    EXPECT_EQ(role(candidates, 0, "address").toString(), first);
    EXPECT_EQ(role(candidates, 1, "address").toString(), second);
    EXPECT_EQ(balanceOf(1), QStringLiteral("0 SOL"));
}

} // namespace
