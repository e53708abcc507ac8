// PortfolioViewModel against the sandbox localnet: the current account's balances after an
// airdrop and a USDE faucet payment are exact and named; an unreachable node names the cluster.

#include "PortfolioViewModel.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp;
using namespace ovpp::test;

namespace {

// What the model shows for `symbol`: {amount, baseUnits, name}; empty when there is no row.
QStringList shown(ui::PortfolioViewModel &portfolio, const QString &symbol)
{
    QAbstractItemModel *model = portfolio.balances();
    const auto roles = model->roleNames();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (model->data(index, roles.key("symbol")).toString() == symbol)
            return {model->data(index, roles.key("amount")).toString(),
                    model->data(index, roles.key("baseUnits")).toString(),
                    model->data(index, roles.key("name")).toString()};
    }
    return {};
}

class PortfolioTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_startError = chain::start(); }
    static void TearDownTestSuite() { chain::stop(); }

    void start(const QString &rpcUrl)
    {
        qputenv("OVPP_RPC_URL", rpcUrl.toUtf8());
        qputenv("OVPP_USDE_MINT", chain::usdeMint().toUtf8());
        m_harness = std::make_unique<UiHarness>(UiHarness::Options {.createVault = true});
        ASSERT_TRUE(m_harness->unlock());
        m_portfolio = m_harness->services().portfolio();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_portfolio->balances(), QAbstractItemModelTester::FailureReportingMode::Warning);
    }

    void TearDown() override
    {
        m_tester.reset();
        m_harness.reset();
        qunsetenv("OVPP_RPC_URL");
        qunsetenv("OVPP_USDE_MINT");
    }

    bool refreshAndWait()
    {
        m_portfolio->refresh();
        return waitUntil([this] { return !m_portfolio->busy(); }, std::chrono::seconds(90));
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    ui::PortfolioViewModel *m_portfolio = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(PortfolioTest, ShowsExactSolAndUsdeOfTheCurrentAccount)
{
    ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
    start(chain::rpcUrl().toString());
    const QString address = m_harness->wallet().currentAddress();
    EXPECT_EQ(m_portfolio->address(), address) << "unlocking hands the account over";
    EXPECT_TRUE(m_portfolio->clusterLabel().startsWith(QStringLiteral("Localnet")));

    ASSERT_EQ(chain::airdrop(address, 1'234'567'891), QString());
    ASSERT_EQ(chain::faucet(address, 25'500'001), QString()); // 25.500001 USDE
    ASSERT_TRUE(refreshAndWait());
    EXPECT_EQ(m_portfolio->errorText(), QString());
    ASSERT_TRUE(m_portfolio->loaded());

    EXPECT_EQ(shown(*m_portfolio, QStringLiteral("SOL")),
              (QStringList {QStringLiteral("1.234567891"), QStringLiteral("1234567891"),
                            QStringLiteral("Solana")}));
    const QStringList usde = shown(*m_portfolio, QStringLiteral("USDE"));
    ASSERT_EQ(usde.size(), 3);
    EXPECT_EQ(usde.at(0), QStringLiteral("25.500001"));
    EXPECT_EQ(usde.at(1), QStringLiteral("25500001"));
    EXPECT_EQ(m_portfolio->solAmount(), QStringLiteral("1.234567891"));
    EXPECT_FALSE(m_portfolio->asOfText().isEmpty());
    // SOL first, USDE next: what the app pays with.
    QAbstractItemModel *model = m_portfolio->balances();
    ASSERT_GE(model->rowCount(), 2);
    EXPECT_EQ(model->index(0, 0).data().toString(), QStringLiteral("SOL"));
    EXPECT_EQ(model->index(1, 0).data().toString(), QStringLiteral("USDE"));

    // Locking forgets what was shown.
    m_harness->services().session()->lock();
    EXPECT_TRUE(m_portfolio->address().isEmpty());
    EXPECT_EQ(model->rowCount(), 0);
}

TEST_F(PortfolioTest, AnUnreachableNodeSaysWhichCluster)
{
    // A loopback port nobody listens on (the localnet's own port + 1 is not ours to assume:
    // port 9 is "discard", never served here).
    start(QStringLiteral("http://127.0.0.1:9"));
    ASSERT_TRUE(refreshAndWait());
    EXPECT_FALSE(m_portfolio->loaded());
    EXPECT_TRUE(m_portfolio->errorText().contains(QStringLiteral("127.0.0.1:9")))
        << m_portfolio->errorText().toStdString();
    EXPECT_TRUE(m_portfolio->errorText().contains(QStringLiteral("Localnet")))
        << m_portfolio->errorText().toStdString();
}

} // namespace
