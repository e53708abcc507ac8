// The Send page's view model against the sandbox localnet: SOL and USDE sends land with exact
// balances, the recipient's token account is created, memo and priority fee reach the chain,
// a send the simulation refuses shows the program's logs and cannot be sent, and the form's
// checks (address, decimals, first-time and look-alike recipients).
#include "ChainSession.h"
#include "RecipientBook.h"
#include "SendChainSupport.h"
#include "SendViewModel.h"
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
using ui::SendFlow;
using ui::SendViewModel;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;

QString randomAddress()
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &b : seed)
        b = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Keypair::fromSeed(seed).publicKey().toBase58();
}

class SendViewModelTest : public ::testing::Test
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
        m_send = std::make_unique<SendViewModel>(m_harness->services().session(),
                                                 &m_harness->wallet(), m_chain.get(),
                                                 m_harness->tempPath(QStringLiteral("recipients")));
        m_address = m_harness->wallet().currentAddress();
        ASSERT_FALSE(m_address.isEmpty());
    }

    void TearDown() override
    {
        m_send.reset();
        m_chain.reset();
        m_harness.reset();
    }

    SendFlow &flow() { return *m_send->flow(); }

    // review() and wait for the Review step (or an error on the form).
    void reviewAndWait()
    {
        ASSERT_TRUE(m_send->canReview()) << "recipient: " << m_send->recipientError().toStdString()
                                         << " amount: " << m_send->amountError().toStdString();
        m_send->review();
        ASSERT_TRUE(waitUntil(
            [this] { return flow().step() == SendFlow::Review || !flow().errorText().isEmpty(); },
            std::chrono::seconds(60)));
        ASSERT_EQ(flow().step(), SendFlow::Review) << flow().errorText().toStdString();
    }

    // send() and wait until the send is final.
    void sendAndWait()
    {
        ASSERT_TRUE(flow().canSend()) << flow().simulationLogs().toStdString();
        flow().send();
        ASSERT_TRUE(waitUntil(
            [this] {
                return flow().step() == SendFlow::Done || flow().step() == SendFlow::Failed
                    || !flow().errorText().isEmpty();
            },
            std::chrono::seconds(90)));
        ASSERT_EQ(flow().step(), SendFlow::Done)
            << flow().errorText().toStdString() << flow().resultText().toStdString();
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<ui::ChainSession> m_chain;
    std::unique_ptr<SendViewModel> m_send;
    QString m_address;
};

TEST_F(SendViewModelTest, SolSendLandsAndBalancesAreExactIncludingTheFee)
{
    ASSERT_EQ(chain::airdrop(m_address, 2 * LamportsPerSol), QString());
    const QString recipient = randomAddress();
    const std::uint64_t before = chain::balance(m_address).value_or(0);

    m_send->setTokenIndex(0);
    m_send->setRecipient(recipient);
    m_send->setAmount(QStringLiteral("0.123456789"));
    m_send->setPriority(SendViewModel::PriorityNone);
    EXPECT_FALSE(m_send->recipientWarning().isEmpty()); // first time
    reviewAndWait();
    EXPECT_TRUE(flow().simulationOk());
    ASSERT_TRUE(flow().prepared().has_value());
    const std::uint64_t fee = flow().prepared()->fee;
    EXPECT_EQ(fee, 5000u); // one signature, no priority fee
    EXPECT_EQ(flow().feeText(), QStringLiteral("0.000005 SOL"));
    EXPECT_EQ(flow().totalText(), QStringLiteral("0.123461789 SOL"));
    EXPECT_EQ(flow().amountText(), QStringLiteral("0.123456789 SOL"));

    sendAndWait();
    EXPECT_EQ(flow().sendState(), QStringLiteral("finalized"));
    EXPECT_FALSE(flow().signature().isEmpty());
    EXPECT_TRUE(flow().explorerUrl().toString().contains(flow().signature()));
    EXPECT_EQ(chain::balance(recipient), std::optional<std::uint64_t>(123'456'789));
    EXPECT_EQ(chain::balance(m_address), std::optional<std::uint64_t>(before - 123'456'789 - fee));

    // Confirmed sends are remembered: the same recipient is no longer first-time.
    EXPECT_TRUE(m_send->recipientBook()->contains(recipient));
    m_send->clear();
    m_send->setRecipient(recipient);
    EXPECT_TRUE(m_send->recipientWarning().isEmpty());
    EXPECT_FALSE(m_send->recipientNote().isEmpty());
}

TEST_F(SendViewModelTest, UsdeSendCreatesTheRecipientTokenAccountAndCarriesTheMemo)
{
    ASSERT_EQ(chain::airdrop(m_address, LamportsPerSol), QString());
    ASSERT_EQ(chain::faucet(m_address, 50'000'000), QString()); // 50 USDE
    const QString recipient = randomAddress();
    ASSERT_FALSE(chain::tokenBalance(recipient, chain::usdeMint()).has_value());
    const std::uint64_t solBefore = chain::balance(m_address).value_or(0);

    m_send->setTokenIndex(1);
    m_send->refresh();
    ASSERT_TRUE(waitUntil([this] { return !m_send->balanceText().isEmpty(); }));
    EXPECT_EQ(m_send->balanceText(), QStringLiteral("Available: 50 USDE"));
    m_send->setRecipient(recipient);
    m_send->setAmount(QStringLiteral("12.5"));
    m_send->setMemo(QStringLiteral("May bill, meter 42"));
    m_send->setPriority(SendViewModel::PriorityNone);
    reviewAndWait();
    EXPECT_TRUE(flow().simulationOk());
    EXPECT_GT(flow().accountRent(), 0u);
    EXPECT_FALSE(flow().accountRentText().isEmpty());
    EXPECT_EQ(flow().amountText(), QStringLiteral("12.5 USDE"));
    EXPECT_EQ(flow().memo(), QStringLiteral("May bill, meter 42"));
    const std::uint64_t fee = flow().prepared()->fee;
    const std::uint64_t rent = flow().accountRent();

    sendAndWait();
    EXPECT_EQ(chain::tokenBalance(recipient, chain::usdeMint()),
              std::optional<std::uint64_t>(12'500'000));
    EXPECT_EQ(chain::tokenBalance(m_address, chain::usdeMint()),
              std::optional<std::uint64_t>(37'500'000));
    EXPECT_EQ(chain::balance(m_address), std::optional<std::uint64_t>(solBefore - fee - rent));

    auto landed = chain::fetch(flow().signature());
    ASSERT_TRUE(landed.has_value());
    EXPECT_FALSE(landed->failed);
    QStringList programs;
    for (const auto &instruction : landed->instructions)
        programs.append(instruction.programId);
    EXPECT_EQ(programs,
              (QStringList {core::programs::associatedTokenProgram().toBase58(),
                            core::programs::memoProgram().toBase58(),
                            core::programs::tokenProgram().toBase58()}));
    EXPECT_EQ(landed->instructions.at(1).data, QByteArray("May bill, meter 42"));
}

TEST_F(SendViewModelTest, FastPriorityAddsComputeBudgetInstructionsAndTheirFee)
{
    ASSERT_EQ(chain::airdrop(m_address, LamportsPerSol), QString());
    m_send->setRecipient(randomAddress());
    m_send->setAmount(QStringLiteral("0.01"));
    m_send->setPriority(SendViewModel::PriorityFast);
    reviewAndWait();
    ASSERT_TRUE(flow().prepared().has_value());
    EXPECT_GE(flow().prepared()->computeUnitPrice, SendFlow::FastFloorMicroLamports);
    EXPECT_GT(flow().prepared()->fee, 5000u);
    EXPECT_NE(flow().priorityText(), QStringLiteral("None"));
    const std::uint64_t fee = flow().prepared()->fee;

    sendAndWait();
    auto landed = chain::fetch(flow().signature());
    ASSERT_TRUE(landed.has_value());
    EXPECT_EQ(landed->fee, fee);
    int computeBudget = 0;
    for (const auto &instruction : landed->instructions) {
        if (instruction.programId == core::programs::computeBudgetProgram().toBase58())
            ++computeBudget;
    }
    EXPECT_EQ(computeBudget, 2); // unit limit and unit price
}

TEST_F(SendViewModelTest, InsufficientBalanceShowsTheProgramLogsAndCannotBeSent)
{
    ASSERT_EQ(chain::airdrop(m_address, LamportsPerSol / 10), QString());
    m_send->setRecipient(randomAddress());
    m_send->setAmount(QStringLiteral("5")); // 5 SOL, the account has 0.1
    m_send->setPriority(SendViewModel::PriorityNone);
    reviewAndWait();
    EXPECT_FALSE(flow().simulationOk());
    EXPECT_FALSE(flow().canSend());
    EXPECT_FALSE(flow().simulationText().isEmpty());
    EXPECT_TRUE(flow().simulationLogs().contains(QLatin1String("insufficient lamports")))
        << flow().simulationLogs().toStdString();
    flow().send(); // refused: nothing is signed
    EXPECT_FALSE(flow().pending().has_value());
    EXPECT_EQ(flow().step(), SendFlow::Review);

    // With the balance known, the form says so before the review.
    m_send->flow()->edit();
    m_send->refresh();
    ASSERT_TRUE(waitUntil([this] { return !m_send->amountError().isEmpty(); }));
    EXPECT_FALSE(m_send->canReview());
}

TEST_F(SendViewModelTest, InvalidAddressesAreRefused)
{
    m_send->setAmount(QStringLiteral("1"));
    for (const char *bad : {"not an address", "0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl", "abc",
                            // 31 bytes in base58
                            "1111111111111111111111111111111"}) {
        m_send->setRecipient(QString::fromLatin1(bad));
        EXPECT_FALSE(m_send->recipientError().isEmpty()) << bad;
        EXPECT_FALSE(m_send->canReview()) << bad;
    }
    m_send->setRecipient(randomAddress());
    EXPECT_TRUE(m_send->recipientError().isEmpty());
    EXPECT_TRUE(m_send->canReview());
}

TEST_F(SendViewModelTest, WarnsAboutOwnFirstTimeAndLookAlikeRecipients)
{
    // Own address.
    m_send->setRecipient(m_address);
    EXPECT_TRUE(m_send->recipientError().isEmpty());
    EXPECT_FALSE(m_send->recipientWarning().isEmpty());
    EXPECT_FALSE(m_send->recipientWarningStrong());

    // First time.
    const QString known = randomAddress();
    m_send->setRecipient(known);
    EXPECT_FALSE(m_send->recipientWarning().isEmpty());
    EXPECT_FALSE(m_send->recipientWarningStrong());

    // Known after a send; then an address with the same ends is a strong warning naming it.
    ASSERT_TRUE(m_send->recipientBook()->add(known, QStringLiteral("Utility")));
    m_send->setRecipient(QString());
    m_send->setRecipient(known);
    EXPECT_TRUE(m_send->recipientWarning().isEmpty());

    QString lookAlike;
    const QString alphabet
        = QStringLiteral("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    for (qsizetype i = 10; i < known.size() - 10 && lookAlike.isEmpty(); ++i) {
        for (QChar c : alphabet) {
            QString candidate = known;
            candidate[i] = c;
            if (candidate != known && core::PublicKey::fromBase58(candidate).ok()) {
                lookAlike = candidate;
                break;
            }
        }
    }
    ASSERT_FALSE(lookAlike.isEmpty());
    m_send->setRecipient(lookAlike);
    EXPECT_TRUE(m_send->recipientError().isEmpty());
    EXPECT_TRUE(m_send->recipientWarningStrong());
    EXPECT_TRUE(m_send->recipientWarning().contains(known));
    EXPECT_TRUE(m_send->recipientWarning().contains(QLatin1String("Utility")));
}

TEST_F(SendViewModelTest, AmountsWithTooManyDecimalsAreRefused)
{
    m_send->setRecipient(randomAddress());
    m_send->setTokenIndex(0);
    m_send->setAmount(QStringLiteral("0.0000000001")); // 10 decimals; SOL has 9
    EXPECT_FALSE(m_send->amountError().isEmpty());
    EXPECT_FALSE(m_send->canReview());
    m_send->setAmount(QStringLiteral("0.000000001"));
    EXPECT_TRUE(m_send->amountError().isEmpty());

    m_send->setTokenIndex(1); // USDE: 6
    m_send->setAmount(QStringLiteral("1.1234567"));
    EXPECT_FALSE(m_send->amountError().isEmpty());
    m_send->setAmount(QStringLiteral("1.123456"));
    EXPECT_TRUE(m_send->amountError().isEmpty());

    for (const char *bad : {"-1", "1e3", ".5", "1.", "abc", "0"}) {
        m_send->setAmount(QString::fromLatin1(bad));
        EXPECT_FALSE(m_send->amountError().isEmpty()) << bad;
    }
}

} // namespace
