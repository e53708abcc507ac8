// The Pay page's view model: solana: links with both kinds of encoded spaces, what it shows,
// and paying one on the sandbox localnet with a reference the recipient can find it by.
#include "ChainSession.h"
#include "PayViewModel.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "crypto/Keypair.h"
#include "solana/ProgramIds.h"

#include <QRandomGenerator>

#include <array>
#include <memory>

using namespace ovpp;
using namespace ovpp::test;
using ui::PayViewModel;
using ui::SendFlow;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;

QString randomAddress()
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &b : seed)
        b = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Keypair::fromSeed(seed).publicKey().toBase58();
}

class PayViewModelTest : public ::testing::Test
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
        m_chain = std::make_unique<ui::ChainSession>(
            m_harness->services().session(), m_harness->services().settings(),
            m_harness->tempPath(QStringLiteral("sends.sqlite")));
        m_pay = std::make_unique<PayViewModel>(m_harness->services().session(),
                                               &m_harness->wallet(), m_chain.get(), nullptr);
        m_address = m_harness->wallet().currentAddress();
    }

    void TearDown() override
    {
        m_pay.reset();
        m_chain.reset();
        m_harness.reset();
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<ui::ChainSession> m_chain;
    std::unique_ptr<PayViewModel> m_pay;
    QString m_address;
};

TEST_F(PayViewModelTest, ShowsWhatTheLinkAsksWithPlusAndPercentSpaces)
{
    const QString recipient = randomAddress();
    const QString reference = randomAddress();
    // Concatenated, not arg(): the link's own %XX escapes must stay as they are.
    ASSERT_TRUE(m_pay->open(QStringLiteral("solana:") + recipient + QStringLiteral("?amount=12.50")
                            + QStringLiteral("&spl-token=") + chain::usdeMint()
                            + QStringLiteral("&reference=") + reference
                            + QStringLiteral("&label=Rhine+Power%20Co&message=Bill%20for+May"
                                             "&memo=INV-2026%2F05+meter%2042")));
    EXPECT_TRUE(m_pay->errorText().isEmpty());
    EXPECT_TRUE(m_pay->hasRequest());
    EXPECT_EQ(m_pay->recipient(), recipient);
    EXPECT_EQ(m_pay->amount(), QStringLiteral("12.5"));
    EXPECT_EQ(m_pay->tokenSymbol(), QStringLiteral("USDE"));
    EXPECT_EQ(m_pay->label(), QStringLiteral("Rhine Power Co"));
    EXPECT_EQ(m_pay->message(), QStringLiteral("Bill for May"));
    EXPECT_EQ(m_pay->memo(), QStringLiteral("INV-2026/05 meter 42"));
    EXPECT_EQ(m_pay->references(), QStringList {reference});
    EXPECT_FALSE(m_pay->needsAmount());
    EXPECT_TRUE(m_pay->canReview());
}

TEST_F(PayViewModelTest, RefusesBrokenAndTransactionRequestLinks)
{
    EXPECT_FALSE(m_pay->open(QStringLiteral("solana:notakey?amount=1")));
    EXPECT_FALSE(m_pay->errorText().isEmpty());
    EXPECT_FALSE(m_pay->hasRequest());
    EXPECT_FALSE(m_pay->canReview());
    EXPECT_FALSE(m_pay->open(QStringLiteral("solana:%1?amount=1.2.3").arg(randomAddress())));
    EXPECT_FALSE(m_pay->errorText().isEmpty());
    EXPECT_FALSE(m_pay->open(QStringLiteral("solana:https%3A%2F%2Fexample.com%2Fpay")));
    EXPECT_TRUE(m_pay->errorText().contains(QLatin1String("website")));
}

TEST_F(PayViewModelTest, ALinkWithoutAmountAsksForOne)
{
    ASSERT_TRUE(m_pay->open(QStringLiteral("solana:%1?label=Tip").arg(randomAddress())));
    EXPECT_TRUE(m_pay->needsAmount());
    EXPECT_FALSE(m_pay->canReview());
    m_pay->setAmount(QStringLiteral("1.x"));
    EXPECT_FALSE(m_pay->amountError().isEmpty());
    EXPECT_FALSE(m_pay->canReview());
    m_pay->setAmount(QStringLiteral("0.25"));
    EXPECT_TRUE(m_pay->amountError().isEmpty());
    EXPECT_TRUE(m_pay->canReview());
}

TEST_F(PayViewModelTest, PayingLandsWithTheReferenceAndMemo)
{
    ASSERT_EQ(chain::airdrop(m_address, LamportsPerSol), QString());
    ASSERT_EQ(chain::faucet(m_address, 30'000'000), QString());
    const QString recipient = randomAddress();
    ASSERT_EQ(chain::faucet(recipient, 1), QString()); // the utility has its USDE account
    const QString reference = randomAddress();
    ASSERT_TRUE(m_pay->open(QStringLiteral("solana:%1?amount=12.5&spl-token=%2&reference=%3"
                                           "&label=Rhine+Power&memo=INV-7")
                                .arg(recipient, chain::usdeMint(), reference)));
    m_pay->review();
    SendFlow &flow = *m_pay->flow();
    ASSERT_TRUE(waitUntil(
        [&flow] { return flow.step() == SendFlow::Review || !flow.errorText().isEmpty(); },
        std::chrono::seconds(60)));
    ASSERT_EQ(flow.step(), SendFlow::Review) << flow.errorText().toStdString();
    EXPECT_TRUE(flow.simulationOk()) << flow.simulationLogs().toStdString();
    EXPECT_EQ(flow.accountRent(), 0u); // the recipient's account exists
    EXPECT_EQ(flow.amountText(), QStringLiteral("12.5 USDE"));
    EXPECT_EQ(flow.recipientLabel(), QStringLiteral("Rhine Power"));
    flow.send();
    ASSERT_TRUE(waitUntil(
        [&flow] {
            return flow.step() == SendFlow::Done || flow.step() == SendFlow::Failed
                || !flow.errorText().isEmpty();
        },
        std::chrono::seconds(90)));
    ASSERT_EQ(flow.step(), SendFlow::Done) << flow.errorText().toStdString();

    EXPECT_EQ(chain::tokenBalance(recipient, chain::usdeMint()),
              std::optional<std::uint64_t>(12'500'001));
    auto landed = chain::fetch(flow.signature());
    ASSERT_TRUE(landed.has_value());
    EXPECT_TRUE(landed->accountKeys.contains(reference));
    // Solana Pay's shape: the memo right before the transfer, the reference on the transfer.
    const auto &last = landed->instructions.last();
    EXPECT_EQ(last.programId, core::programs::tokenProgram().toBase58());
    EXPECT_EQ(last.accounts.last(), reference);
    const auto &memo = landed->instructions.at(landed->instructions.size() - 2);
    EXPECT_EQ(memo.programId, core::programs::memoProgram().toBase58());
    EXPECT_EQ(memo.data, QByteArray("INV-7"));
}

} // namespace
