// compact-u16: golden.json's vectors both ways, every value round-trips through the minimal
// encoding, and the decoder refuses aliases, a continuing third byte, overflow and truncation
// (the SDK short-vec rules, REFERENCE.md §1.2).

#include "SolanaTestData.h"
#include "solana/ShortVec.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

Result<shortvec::Decoded> decodeHex(const char *hexText)
{
    const QByteArray raw = QByteArray::fromHex(hexText);
    return shortvec::decode(bytes(raw));
}

} // namespace

TEST(ShortVec, GoldenVectorsEncode)
{
    const QJsonArray vectors = golden()[u"encodings"][u"shortvec_compact_u16"].toArray();
    ASSERT_EQ(vectors.size(), 9);
    for (const QJsonValue &vector : vectors) {
        const auto value = static_cast<std::uint16_t>(vector[u"value"].toInt());
        SCOPED_TRACE(value);
        EXPECT_EQ(shortvec::encode(value), hex(vector[u"hex"]));
        EXPECT_EQ(shortvec::encodedSize(value), std::size_t(hex(vector[u"hex"]).size()));
    }
}

TEST(ShortVec, GoldenVectorsDecode)
{
    const QJsonArray vectors = golden()[u"encodings"][u"shortvec_compact_u16"].toArray();
    ASSERT_EQ(vectors.size(), 9);
    for (const QJsonValue &vector : vectors) {
        const QByteArray encoded = hex(vector[u"hex"]);
        SCOPED_TRACE(encoded.toHex().toStdString());
        const auto decoded = shortvec::decode(bytes(encoded));
        ASSERT_TRUE(decoded.ok()) << describe(decoded.error()).toStdString();
        EXPECT_EQ(decoded->value, vector[u"value"].toInt());
        EXPECT_EQ(decoded->size, std::size_t(encoded.size()));
    }
}

TEST(ShortVec, EveryValueRoundTrips)
{
    for (std::uint32_t value = 0; value <= 0xffff; ++value) {
        const QByteArray encoded = shortvec::encode(static_cast<std::uint16_t>(value));
        ASSERT_EQ(std::size_t(encoded.size()),
                  shortvec::encodedSize(static_cast<std::uint16_t>(value)));
        const auto decoded = shortvec::decode(bytes(encoded));
        ASSERT_TRUE(decoded.ok()) << value;
        ASSERT_EQ(decoded->value, value);
        ASSERT_EQ(decoded->size, std::size_t(encoded.size()));
    }
}

TEST(ShortVec, DecodeStopsAtTheValueAndIgnoresWhatFollows)
{
    const auto decoded = decodeHex("8001ffff");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->value, 128);
    EXPECT_EQ(decoded->size, 2u);
}

TEST(ShortVec, AppendAddsToExistingBytes)
{
    QByteArray out("x");
    shortvec::append(out, 300);
    EXPECT_EQ(out, QByteArray("x") + QByteArray::fromHex("ac02"));
}

TEST(ShortVec, RejectsNonMinimalEncodings)
{
    // 0 as two and three bytes, 1 as two bytes, 127 as 3 bytes, 16383 as three bytes.
    for (const char *alias : {"8000", "808000", "8100", "ff8000", "ffff00"}) {
        SCOPED_TRACE(alias);
        const auto decoded = decodeHex(alias);
        ASSERT_FALSE(decoded.ok());
        EXPECT_EQ(decoded.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(decoded.error().detail.contains(u"minimal"))
            << decoded.error().detail.toStdString();
    }
}

TEST(ShortVec, RejectsAContinuationOnTheThirdByte)
{
    for (const char *encoded : {"808080", "ffff83", "80808001"}) {
        SCOPED_TRACE(encoded);
        const auto decoded = decodeHex(encoded);
        ASSERT_FALSE(decoded.ok());
        EXPECT_TRUE(decoded.error().detail.contains(u"third"))
            << decoded.error().detail.toStdString();
    }
}

TEST(ShortVec, RejectsValuesAbove65535)
{
    // ffff03 is 65535; 04..7f in the third byte go past 16 bits.
    for (const char *encoded : {"808004", "ffff04", "ffff7f"}) {
        SCOPED_TRACE(encoded);
        const auto decoded = decodeHex(encoded);
        ASSERT_FALSE(decoded.ok());
        EXPECT_TRUE(decoded.error().detail.contains(u"65535"))
            << decoded.error().detail.toStdString();
    }
}

TEST(ShortVec, RejectsTruncatedInput)
{
    for (const char *encoded : {"", "80", "ff", "8080", "ffff"}) {
        SCOPED_TRACE(encoded);
        const auto decoded = decodeHex(encoded);
        ASSERT_FALSE(decoded.ok());
        EXPECT_TRUE(decoded.error().detail.contains(u"cut off"))
            << decoded.error().detail.toStdString();
    }
}
