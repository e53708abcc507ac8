// ReceiveViewModel: the address QR is core's QrCode of the address, and the Solana Pay request
// round-trips through core's parser with the exact amount, token mint, label, message and memo;
// amounts with more decimals than the token has are refused.

#include "ReceiveViewModel.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"
#include "solana/pay/SolanaPayUrl.h"

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp;
using namespace ovpp::test;

namespace {

// Any valid key stands in for the sandbox mint: nothing here talks to a node.
const char *const UsdeMint = "2gXh7sVJQ7w43gFdk4wn2xv9oH5rKvGJ3heKc8v1zGM6";

class ReceiveTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        qputenv("OVPP_RPC_URL", "http://127.0.0.1:9");
        qputenv("OVPP_USDE_MINT", UsdeMint);
        m_harness = std::make_unique<UiHarness>(UiHarness::Options {.createVault = true});
        ASSERT_TRUE(m_harness->unlock());
        m_receive = m_harness->services().receive();
        m_address = m_harness->wallet().currentAddress();
    }
    void TearDown() override
    {
        m_harness.reset();
        qunsetenv("OVPP_RPC_URL");
        qunsetenv("OVPP_USDE_MINT");
    }

    std::unique_ptr<UiHarness> m_harness;
    ui::ReceiveViewModel *m_receive = nullptr;
    QString m_address;
};

TEST_F(ReceiveTest, TheAddressQrIsCoresQrOfTheAddress)
{
    ASSERT_EQ(m_receive->address(), m_address);
    auto expected = core::QrCode::encode(m_address.toUtf8());
    ASSERT_TRUE(expected.ok());
    ASSERT_EQ(m_receive->addressQrSize(), expected->size());
    for (int y = 0; y < expected->size(); ++y)
        for (int x = 0; x < expected->size(); ++x)
            ASSERT_EQ(m_receive->addressQrDark(x, y), expected->isDark(x, y)) << x << "," << y;
    EXPECT_EQ(m_receive->tokens(),
              (QStringList {QStringLiteral("SOL"), QStringLiteral("USDE"), QStringLiteral("USDC")})
                  .mid(0, 2))
        << "the custom localnet URL knows USDE only";
}

TEST_F(ReceiveTest, ASolanaPayRequestRoundTripsThroughCoresParser)
{
    m_receive->setToken(QStringLiteral("USDE"));
    m_receive->setAmountText(QStringLiteral("12.5"));
    m_receive->setLabel(QStringLiteral("Garage charger top-up"));
    m_receive->setMessage(QStringLiteral("Thanks & see you"));
    m_receive->setMemo(QStringLiteral("order #42"));
    ASSERT_EQ(m_receive->requestError(), QString());
    const QString url = m_receive->requestUrl();
    ASSERT_TRUE(url.startsWith(QStringLiteral("solana:") + m_address)) << url.toStdString();

    auto parsed = core::SolanaPayUrl::parseTransfer(url);
    ASSERT_TRUE(parsed.ok()) << core::describe(parsed.error()).toStdString();
    EXPECT_EQ(parsed->recipient.toBase58(), m_address);
    EXPECT_EQ(parsed->amount, std::optional<QString>(QStringLiteral("12.5")));
    ASSERT_TRUE(parsed->splToken.has_value());
    EXPECT_EQ(parsed->splToken->toBase58(), QString::fromLatin1(UsdeMint));
    EXPECT_EQ(parsed->label, std::optional<QString>(QStringLiteral("Garage charger top-up")));
    EXPECT_EQ(parsed->message, std::optional<QString>(QStringLiteral("Thanks & see you")));
    EXPECT_EQ(parsed->memo, std::optional<QString>(QStringLiteral("order #42")));

    auto qr = core::QrCode::encode(url.toUtf8());
    ASSERT_TRUE(qr.ok());
    EXPECT_EQ(m_receive->requestQrSize(), qr->size());
}

TEST_F(ReceiveTest, AmountsBeyondTheTokensDecimalsAreRefused)
{
    m_receive->setToken(QStringLiteral("USDE"));
    m_receive->setAmountText(QStringLiteral("1.0000001")); // 7 decimals, USDE has 6
    EXPECT_FALSE(m_receive->requestError().isEmpty());
    EXPECT_TRUE(m_receive->requestUrl().isEmpty());
    EXPECT_EQ(m_receive->requestQrSize(), 0);

    m_receive->setToken(QStringLiteral("SOL")); // 9 decimals: fine
    EXPECT_EQ(m_receive->requestError(), QString());
    auto parsed = core::SolanaPayUrl::parseTransfer(m_receive->requestUrl());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->amount, std::optional<QString>(QStringLiteral("1.0000001")));
    EXPECT_FALSE(parsed->splToken.has_value());

    m_receive->setAmountText(QStringLiteral("abc"));
    EXPECT_FALSE(m_receive->requestError().isEmpty());
    m_receive->setAmountText(QStringLiteral("0"));
    EXPECT_FALSE(m_receive->requestError().isEmpty());
}

} // namespace
