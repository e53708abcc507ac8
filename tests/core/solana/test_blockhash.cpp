// Blockhash: base58 round trip with golden.json's blockhash and its hex, and clear errors for
// text that is not 32 bytes of base58.

#include "SolanaTestData.h"
#include "solana/Blockhash.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

TEST(Blockhash, ParsesTheGoldenBlockhash)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const auto parsed = Blockhash::fromBase58(inputs[u"recent_blockhash_base58"].toString());
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
    EXPECT_EQ(toByteArray(parsed->bytes()), hex(inputs[u"recent_blockhash_hex"]));
    EXPECT_EQ(parsed->toBase58(), inputs[u"recent_blockhash_base58"].toString());
}

TEST(Blockhash, RejectsWrongLengthAndAlphabet)
{
    // 31 bytes, 33 bytes, empty, too long, and '0' (not in the alphabet).
    const QStringList bad = {
        QStringLiteral("1111111111111111111111111111111"),
        QStringLiteral("JEKNVnkbo3jma5nREBBJCDoXFVeKkD56V3xKrvRmWxFGG"),
        QString(),
        QString(60, u'2'),
        QStringLiteral("0DFNmKEf9rfrEWfkckeS4nmiD4pcfZ2T44ACSr8FVVZ"),
    };
    for (const QString &text : bad) {
        SCOPED_TRACE(text.toStdString());
        const auto parsed = Blockhash::fromBase58(text);
        ASSERT_FALSE(parsed.ok());
        EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
        EXPECT_FALSE(parsed.error().detail.isEmpty());
    }
}
