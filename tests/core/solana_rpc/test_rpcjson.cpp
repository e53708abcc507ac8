// RpcJson: integers beyond 2^53 survive parsing exactly; inexact values are refused.
#include "solana/rpc/RpcJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <limits>

using namespace ovpp::core;

TEST(RpcJson, KeepsU64MaxExact)
{
    auto doc = RpcJson::parse(R"({"rentEpoch":18446744073709551615,"space":82})");
    ASSERT_TRUE(doc.ok()) << doc.error().detail.toStdString();
    const auto rent = RpcJson::toU64(doc->object().value("rentEpoch"));
    ASSERT_TRUE(rent.has_value());
    EXPECT_EQ(*rent, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(RpcJson::toU64(doc->object().value("space")), 82u);
}

TEST(RpcJson, KeepsLamportsJustAbove2Pow53)
{
    // 2^53 + 1 is the first integer a double cannot hold; the getTransaction doc example has
    // 13086426097436981 lamports.
    auto doc = RpcJson::parse(R"([9007199254740993, 13086426097436981, 9007199254740992])");
    ASSERT_TRUE(doc.ok());
    const QJsonArray a = doc->array();
    EXPECT_EQ(RpcJson::toU64(a.at(0)), 9007199254740993ull);
    EXPECT_EQ(RpcJson::toU64(a.at(1)), 13086426097436981ull);
    EXPECT_EQ(RpcJson::toU64(a.at(2)), 9007199254740992ull);
}

TEST(RpcJson, QuotesOnlyLongIntegersOutsideStrings)
{
    const QByteArray in
        = R"({"a":"12345678901234567","b\"c":12345678901234567,"d":-12345678901234567,)"
          R"("e":1.2345678901234567,"f":123456789012345e10,"g":42})";
    const QByteArray out = RpcJson::quoteLongIntegers(in);
    EXPECT_EQ(out,
              QByteArray(R"({"a":"12345678901234567","b\"c":"12345678901234567",)"
                         R"("d":"-12345678901234567","e":1.2345678901234567,)"
                         R"("f":123456789012345e10,"g":42})"));
}

TEST(RpcJson, NegativeBigIntegersAsI64)
{
    auto doc
        = RpcJson::parse(R"([-9223372036854775808, 9223372036854775807, -5, 9223372036854775808])");
    ASSERT_TRUE(doc.ok());
    const QJsonArray a = doc->array();
    EXPECT_EQ(RpcJson::toI64(a.at(0)), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(RpcJson::toI64(a.at(1)), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(RpcJson::toI64(a.at(2)), -5);
    EXPECT_FALSE(RpcJson::toI64(a.at(3)).has_value());
}

TEST(RpcJson, RefusesInexactOrNonIntegerValues)
{
    auto doc = RpcJson::parse(
        R"([18446744073709551616, -1, 1.5, "12a", "", true, null, 1e300, "-3", " 7"])");
    ASSERT_TRUE(doc.ok());
    for (const QJsonValue &v : doc->array())
        EXPECT_FALSE(RpcJson::toU64(v).has_value()) << v.toVariant().toString().toStdString();
}

TEST(RpcJson, MalformedTextIsAnErrorNotACrash)
{
    for (const char *text : {"{\"result\":", "[1,2", "{\"a\":\"unterminated", "-", "", "\"\\"}) {
        auto doc = RpcJson::parse(text);
        EXPECT_FALSE(doc.ok()) << text;
        if (!doc.ok()) {
            EXPECT_EQ(doc.error().code, ErrorCode::InvalidArgument);
        }
    }
}
