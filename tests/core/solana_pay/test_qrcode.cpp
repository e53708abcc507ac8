#include "common/QrCode.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

// Remainder of a BCH code: `value` (already shifted) modulo `generator` over GF(2).
unsigned bchRemainder(unsigned value, unsigned generator)
{
    int degree = 0;
    while ((generator >> (degree + 1)) != 0)
        ++degree;
    for (int bit = 31; bit >= degree; --bit) {
        if (value & (1u << bit))
            value ^= generator << (bit - degree);
    }
    return value;
}

// The 15 format bits next to the top-left finder and their copy split between the other two
// (ISO/IEC 18004 §7.9; read as in ZXing's BitMatrixParser).
std::pair<unsigned, unsigned> formatBits(const QrCode &code)
{
    unsigned first = 0;
    const auto take = [&code](unsigned bits, int x, int y) {
        return (bits << 1) | (code.isDark(x, y) ? 1u : 0u);
    };
    for (int x = 0; x < 6; ++x)
        first = take(first, x, 8);
    first = take(first, 7, 8);
    first = take(first, 8, 8);
    first = take(first, 8, 7);
    for (int y = 5; y >= 0; --y)
        first = take(first, 8, y);
    unsigned second = 0;
    const int n = code.size();
    for (int y = n - 1; y >= n - 7; --y)
        second = take(second, 8, y);
    for (int x = n - 8; x < n; ++x)
        second = take(second, x, 8);
    return {first, second};
}

unsigned levelBits(QrCode::Level level)
{
    switch (level) {
    case QrCode::Level::Low:
        return 1;
    case QrCode::Level::Medium:
        return 0;
    case QrCode::Level::Quartile:
        return 3;
    case QrCode::Level::High:
        return 2;
    }
    return 4;
}

// A 7x7 finder pattern (dark ring, light ring, dark 3x3 core) with its top-left at (x0, y0).
bool hasFinder(const QrCode &code, int x0, int y0)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            const bool dark = ring != 2;
            if (code.isDark(x0 + x, y0 + y) != dark)
                return false;
        }
    }
    return true;
}

const QByteArray SolanaPay
    = "solana:9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu?amount=0.01&spl-token="
      "GyGKxMyg1p9SsHfm15MkNUu1u9TN2JtTspcdmrtGUdse&reference="
      "EdmxWPmx2WH6WgFfTdu9xfkYf3k1g5wD1zccTVySEEh1";

} // namespace

TEST(QrCode, HasTheFixedPatternsOfItsVersion)
{
    auto code = QrCode::encode(SolanaPay);
    ASSERT_TRUE(code.ok()) << code.error().detail.toStdString();
    const int n = code->size();
    ASSERT_GE(code->version(), 1);
    ASSERT_LE(code->version(), 40);
    EXPECT_EQ(n, 17 + 4 * code->version());
    EXPECT_TRUE(hasFinder(*code, 0, 0));
    EXPECT_TRUE(hasFinder(*code, n - 7, 0));
    EXPECT_TRUE(hasFinder(*code, 0, n - 7));
    EXPECT_FALSE(hasFinder(*code, n - 7, n - 7));
    // Timing patterns alternate between the finders, dark on even coordinates.
    for (int i = 8; i < n - 8; ++i) {
        EXPECT_EQ(code->isDark(i, 6), i % 2 == 0) << i;
        EXPECT_EQ(code->isDark(6, i), i % 2 == 0) << i;
    }
    EXPECT_TRUE(code->isDark(8, n - 8)); // the always-dark module
    EXPECT_FALSE(code->isDark(-1, 0));
    EXPECT_FALSE(code->isDark(0, n));
}

TEST(QrCode, FormatInformationNamesTheRequestedLevel)
{
    for (const QrCode::Level level : {QrCode::Level::Low, QrCode::Level::Medium,
                                      QrCode::Level::Quartile, QrCode::Level::High}) {
        auto code = QrCode::encode(SolanaPay, level);
        ASSERT_TRUE(code.ok());
        EXPECT_EQ(code->level(), level);
        const auto [first, second] = formatBits(*code);
        EXPECT_EQ(first, second);
        const unsigned unmasked = first ^ 0x5412u;
        const unsigned data = unmasked >> 10;
        EXPECT_EQ(unmasked & 0x3ffu, bchRemainder(data << 10, 0x537u)); // valid BCH(15,5)
        EXPECT_EQ(data >> 3, levelBits(level));
    }
}

TEST(QrCode, LargeVersionsCarryVersionInformation)
{
    auto code = QrCode::encode(QByteArray(1000, 'a'), QrCode::Level::Medium);
    ASSERT_TRUE(code.ok());
    ASSERT_GE(code->version(), 7);
    const int n = code->size();
    unsigned bits = 0; // top-right block, read as in ZXing's readVersion()
    for (int y = 5; y >= 0; --y) {
        for (int x = n - 9; x >= n - 11; --x)
            bits = (bits << 1) | (code->isDark(x, y) ? 1u : 0u);
    }
    EXPECT_EQ(int(bits >> 12), code->version());
    EXPECT_EQ(bits & 0xfffu, bchRemainder((bits >> 12) << 12, 0x1f25u));
}

TEST(QrCode, CapacityLimitsFollowTheStandard)
{
    // Version 40-L holds 2953 bytes in byte mode (ISO/IEC 18004 Table 7); 40-H holds 1273.
    auto largest = QrCode::encode(QByteArray(2953, 'x'), QrCode::Level::Low);
    ASSERT_TRUE(largest.ok());
    EXPECT_EQ(largest->version(), 40);
    EXPECT_EQ(largest->size(), 177);
    auto tooLarge = QrCode::encode(QByteArray(2954, 'x'), QrCode::Level::Low);
    ASSERT_FALSE(tooLarge.ok());
    EXPECT_EQ(tooLarge.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(QrCode::encode(QByteArray(1273, 'x'), QrCode::Level::High).ok());
    EXPECT_FALSE(QrCode::encode(QByteArray(1274, 'x'), QrCode::Level::High).ok());
    // Version 1-M holds 14 bytes.
    EXPECT_EQ(QrCode::encode(QByteArray(14, 'x'), QrCode::Level::Medium)->version(), 1);
    EXPECT_EQ(QrCode::encode(QByteArray(15, 'x'), QrCode::Level::Medium)->version(), 2);

    auto empty = QrCode::encode(QByteArray());
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(QrCode().size(), 0);
}

TEST(QrCode, SameInputSameMatrixAndDifferentInputDifferentMatrix)
{
    auto a = QrCode::encode(SolanaPay);
    auto b = QrCode::encode(SolanaPay);
    QByteArray other = SolanaPay;
    other[other.size() - 1] = '2';
    auto c = QrCode::encode(other);
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    ASSERT_EQ(a->size(), c->size());
    int differences = 0;
    for (int y = 0; y < a->size(); ++y) {
        for (int x = 0; x < a->size(); ++x) {
            EXPECT_EQ(a->isDark(x, y), b->isDark(x, y));
            differences += a->isDark(x, y) != c->isDark(x, y) ? 1 : 0;
        }
    }
    EXPECT_GT(differences, 0);
    // Binary data (a NUL byte) is kept, not cut at the NUL.
    auto binary
        = QrCode::encode(QByteArray("a\0bcdefghijklmnopqrstuvwxyz", 27), QrCode::Level::Low);
    auto cut = QrCode::encode(QByteArray("a"), QrCode::Level::Low);
    ASSERT_TRUE(binary.ok() && cut.ok());
    EXPECT_GT(binary->version(), cut->version());
}
