#include "solana/pay/PaymentAmount.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

TEST(PaymentAmount, WellFormedFollowsTheReferenceRegex)
{
    for (const char *good : {"0", "1", "0.01", "007", "1.50", "0.000000001", "123456789.5"})
        EXPECT_TRUE(PaymentAmount::isWellFormed(QString::fromLatin1(good))) << good;
    for (const char *bad : {"", ".5", "1.", "-1", "+1", "1e3", "1E3", " 1", "1 ", "1.2.3", "1,5",
                            "0x10", "Infinity", "NaN", "."})
        EXPECT_FALSE(PaymentAmount::isWellFormed(QString::fromLatin1(bad))) << bad;
    // \d in a JavaScript regex without the u flag is ASCII only.
    EXPECT_FALSE(PaymentAmount::isWellFormed(QStringLiteral("\uff11")));
    EXPECT_FALSE(PaymentAmount::isWellFormed(QStringLiteral("\u0661")));
}

TEST(PaymentAmount, NormalizedIsTheShortestForm)
{
    EXPECT_EQ(PaymentAmount::normalized(u"007.50").value(), QStringLiteral("7.5"));
    EXPECT_EQ(PaymentAmount::normalized(u"0.0").value(), QStringLiteral("0"));
    EXPECT_EQ(PaymentAmount::normalized(u"000").value(), QStringLiteral("0"));
    EXPECT_EQ(PaymentAmount::normalized(u"0.010").value(), QStringLiteral("0.01"));
    EXPECT_EQ(PaymentAmount::normalized(u"10").value(), QStringLiteral("10"));
    EXPECT_EQ(PaymentAmount::normalized(u"1e3").error().code, ErrorCode::InvalidArgument);
}

TEST(PaymentAmount, ToBaseUnitsIsExact)
{
    struct Case
    {
        const char16_t *text;
        std::uint8_t decimals;
        std::uint64_t units;
    };
    const Case cases[] = {
        {u"1", 9, 1'000'000'000},
        {u"0.01", 6, 10'000},
        {u"0.1", 9, 100'000'000}, // 0.1 is not exact as a double
        {u"0.000000001", 9, 1},
        {u"0", 9, 0},
        {u"1.50", 1, 15}, // trailing zeros do not count as decimals
        {u"42", 0, 42},
        {u"0.001234567", 9, 1'234'567},
        {u"18446744073.709551615", 9, UINT64_MAX},
        {u"18446744073709551615", 0, UINT64_MAX},
    };
    for (const Case &c : cases) {
        auto units = PaymentAmount::toBaseUnits(c.text, c.decimals);
        ASSERT_TRUE(units.ok()) << QString::fromUtf16(c.text).toStdString();
        EXPECT_EQ(units.value(), c.units) << QString::fromUtf16(c.text).toStdString();
    }
}

TEST(PaymentAmount, ToBaseUnitsRejectsTooManyDecimalsAndOverflow)
{
    const auto detail = [](QStringView text, std::uint8_t decimals) {
        auto units = PaymentAmount::toBaseUnits(text, decimals);
        EXPECT_FALSE(units.ok());
        return units.ok() ? QString() : units.error().detail;
    };
    EXPECT_TRUE(detail(u"0.0000000001", 9).contains(QLatin1String("decimals invalid")));
    EXPECT_TRUE(detail(u"1.5", 0).contains(QLatin1String("decimals invalid")));
    EXPECT_TRUE(detail(u"0.0000001", 6).contains(QLatin1String("decimals invalid")));
    EXPECT_TRUE(detail(u"18446744073.709551616", 9).contains(QLatin1String("too large")));
    EXPECT_TRUE(detail(u"18446744073709551616", 0).contains(QLatin1String("too large")));
    EXPECT_TRUE(detail(u"1", 20).contains(QLatin1String("too large")));
    EXPECT_TRUE(detail(u"-1", 9).contains(QLatin1String("amount invalid")));
    EXPECT_TRUE(detail(u"1e3", 9).contains(QLatin1String("amount invalid")));
}

TEST(PaymentAmount, FromBaseUnitsInvertsToBaseUnits)
{
    EXPECT_EQ(PaymentAmount::fromBaseUnits(1'500'000, 6), QStringLiteral("1.5"));
    EXPECT_EQ(PaymentAmount::fromBaseUnits(1, 9), QStringLiteral("0.000000001"));
    EXPECT_EQ(PaymentAmount::fromBaseUnits(0, 9), QStringLiteral("0"));
    EXPECT_EQ(PaymentAmount::fromBaseUnits(7, 0), QStringLiteral("7"));
    for (const std::uint64_t units :
         {std::uint64_t(0), std::uint64_t(1), std::uint64_t(10), std::uint64_t(999'999'999),
          std::uint64_t(1'000'000'000), std::uint64_t(123'456'789'012), UINT64_MAX}) {
        for (const std::uint8_t decimals : {0, 1, 6, 9, 19}) {
            const QString text = PaymentAmount::fromBaseUnits(units, decimals);
            EXPECT_TRUE(PaymentAmount::isWellFormed(text)) << text.toStdString();
            auto back = PaymentAmount::toBaseUnits(text, decimals);
            ASSERT_TRUE(back.ok()) << text.toStdString();
            EXPECT_EQ(back.value(), units) << text.toStdString();
        }
    }
}
