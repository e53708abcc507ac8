// HistoryViewModel against the sandbox localnet: a SOL transfer with a memo, sent by the
// wallet through ChainSession, shows as a decoded row with the exact amount, the memo, status,
// fee and an explorer link for the custom (local) cluster.

#include "ChainSession.h"
#include "ChainTestSupport.h"
#include "HistoryViewModel.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "solana/pay/PaymentAmount.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp;
using namespace ovpp::test;

namespace {

class HistoryTest : public ::testing::Test
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
        m_history = m_harness->services().history();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_history->rows(), QAbstractItemModelTester::FailureReportingMode::Warning);
    }
    void TearDown() override
    {
        m_tester.reset();
        m_harness.reset();
        qunsetenv("OVPP_RPC_URL");
        qunsetenv("OVPP_USDE_MINT");
    }

    QVariant role(int row, const char *name)
    {
        QAbstractItemModel *model = m_history->rows();
        return model->data(model->index(row, 0), model->roleNames().key(name));
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    ui::HistoryViewModel *m_history = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(HistoryTest, ATransferWithAMemoIsDecodedIntoWords)
{
    const QString address = m_harness->wallet().currentAddress();
    ASSERT_EQ(m_history->address(), address);
    const QString recipient = goldenAddresses().value(QStringLiteral("m/44'/501'/1'/0'"));
    ASSERT_EQ(chain::airdrop(address, 2'000'000'000), QString());

    ui::ChainSession *session = m_harness->services().chain();
    QString error;
    auto prepared = chainsupport::prepareTransfer(session, address, recipient, 1'500'000'000,
                                                  QStringLiteral("garage top-up"), &error);
    ASSERT_TRUE(prepared.has_value()) << error.toStdString();
    std::optional<core::Result<core::PendingSend>> sent;
    QObject context;
    session->submit(*prepared, m_harness->services().session()->accounts().at(0).id, &context,
                    [&sent](core::Result<core::PendingSend> r) { sent = std::move(r); });
    ASSERT_TRUE(waitUntil([&sent] { return sent.has_value(); }));
    ASSERT_TRUE(sent->ok()) << core::describe(sent->error()).toStdString();
    const QString signature = sent->value().signature;
    ASSERT_EQ(chainsupport::waitFinished(session, signature), QStringLiteral("finalized"));

    m_history->refresh();
    ASSERT_TRUE(
        waitUntil([this] { return !m_history->busy() && m_history->rows()->rowCount() > 0; },
                  std::chrono::seconds(60)))
        << m_history->errorText().toStdString();
    // Newest first: our send.
    EXPECT_EQ(role(0, "signature").toString(), signature);
    EXPECT_EQ(role(0, "title").toString(),
              QStringLiteral("Sent 1.5 SOL to %1…%2").arg(recipient.left(4), recipient.right(4)));
    EXPECT_EQ(role(0, "detail").toString(), QStringLiteral("Memo: garage top-up"));
    EXPECT_EQ(role(0, "counterparty").toString(), recipient);
    EXPECT_FALSE(role(0, "failed").toBool());
    EXPECT_EQ(role(0, "fee").toString(),
              core::PaymentAmount::fromBaseUnits(prepared->fee, 9) + QStringLiteral(" SOL"));
    const QString explorer = role(0, "explorerUrl").toString();
    EXPECT_TRUE(explorer.startsWith(QStringLiteral("https://explorer.solana.com/tx/") + signature));
    EXPECT_TRUE(explorer.contains(QStringLiteral("cluster=custom")));
    EXPECT_TRUE(explorer.contains(QStringLiteral("customUrl=http")));
    EXPECT_FALSE(m_history->canLoadMore());
}

} // namespace
