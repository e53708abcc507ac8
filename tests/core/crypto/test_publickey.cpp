// PublicKey: parsing Solana addresses (golden.json) and the redacted form used in logs.

#include "TestData.h"
#include "crypto/Base58.h"
#include "crypto/PublicKey.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cstring>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

PublicKey fromHex(const QJsonValue &value)
{
    const QByteArray raw = hex(value);
    PublicKey::Bytes bytes {};
    EXPECT_EQ(raw.size(), 32);
    if (raw.size() == 32)
        std::memcpy(bytes.data(), raw.constData(), 32);
    return PublicKey(bytes);
}

QJsonArray derivedAddresses()
{
    return golden()[u"key_derivation"][u"solana_paths"][u"derived"].toArray();
}

} // namespace

TEST(PublicKey, ParsesGoldenAddresses)
{
    const QJsonArray derived = derivedAddresses();
    ASSERT_EQ(derived.size(), 4);
    for (const QJsonValue &entry : derived) {
        const QString address = entry[u"address"].toString();
        SCOPED_TRACE(address.toStdString());
        const auto key = PublicKey::fromBase58(address);
        ASSERT_TRUE(key.ok()) << describe(key.error()).toStdString();
        EXPECT_EQ(key.value(), fromHex(entry[u"pubkey_hex"]));
        EXPECT_EQ(key->toBase58(), address);
    }
}

TEST(PublicKey, ParsesProgramIdsAndTheExtremes)
{
    const QJsonArray vectors = golden()[u"encodings"][u"base58_solana"].toArray();
    int checked = 0;
    for (const QJsonValue &v : vectors) {
        const QByteArray raw = hex(v[u"hex"]);
        if (raw.size() != 32)
            continue;
        SCOPED_TRACE(v[u"base58"].toString().toStdString());
        const auto key = PublicKey::fromBase58(v[u"base58"].toString());
        ASSERT_TRUE(key.ok()) << describe(key.error()).toStdString();
        EXPECT_EQ(toByteArray(key->bytes()), raw);
        EXPECT_EQ(key->toBase58(), v[u"base58"].toString());
        ++checked;
    }
    // 32 zero bytes (32 characters), the token program, and the smallest 44-character key.
    EXPECT_EQ(checked, 3);
}

TEST(PublicKey, DefaultIsTheSystemProgram)
{
    EXPECT_EQ(PublicKey().toBase58(), QString(32, u'1'));
}

TEST(PublicKey, RedactsToFirstAndLastFour)
{
    const QString address = derivedAddresses()[0][u"address"].toString();
    ASSERT_EQ(address, QStringLiteral("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk"));
    const auto key = PublicKey::fromBase58(address);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(key->redacted(), QStringLiteral("HAgk\u2026Kpqk"));
}

TEST(PublicKey, RejectsEmpty)
{
    const auto key = PublicKey::fromBase58(u"");
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(key.error().detail.isEmpty());
}

TEST(PublicKey, RejectsWrongByteLengths)
{
    for (const int length : {1, 31, 33, 64}) {
        SCOPED_TRACE(length);
        const QByteArray raw(length, '\x7f');
        const auto key = PublicKey::fromBase58(base58::encode(bytes(raw)));
        ASSERT_FALSE(key.ok());
        EXPECT_EQ(key.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(key.error().detail.contains(QStringLiteral("%1 bytes").arg(length)))
            << key.error().detail.toStdString();
    }
}

TEST(PublicKey, RejectsBadCharactersWithTheirPosition)
{
    // A real address with its 10th character replaced by "l", which base58 leaves out.
    QString address = derivedAddresses()[0][u"address"].toString();
    ASSERT_FALSE(address.isEmpty());
    address[9] = u'l';
    const auto key = PublicKey::fromBase58(address);
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(key.error().detail.contains(u"\"l\"")) << key.error().detail.toStdString();
    EXPECT_TRUE(key.error().detail.contains(u"position 10")) << key.error().detail.toStdString();
}

TEST(PublicKey, RejectsSurroundingWhitespace)
{
    // Trimming pasted text is the caller's choice; the parser names the stray character.
    const QString address = derivedAddresses()[0][u"address"].toString();
    const auto key = PublicKey::fromBase58(address + u'\n');
    ASSERT_FALSE(key.ok());
    EXPECT_TRUE(key.error().detail.contains(u"line break")) << key.error().detail.toStdString();
}

TEST(PublicKey, RejectsVeryLongInputWithoutDecodingIt)
{
    const auto key = PublicKey::fromBase58(QString(10000, u'z'));
    ASSERT_FALSE(key.ok());
    EXPECT_EQ(key.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(key.error().detail.contains(u"10000")) << key.error().detail.toStdString();
}

TEST(PublicKey, OrdersByBytes)
{
    PublicKey::Bytes low {};
    PublicKey::Bytes high {};
    high[0] = 1;
    EXPECT_LT(PublicKey(low), PublicKey(high));
    EXPECT_NE(PublicKey(low), PublicKey(high));
    EXPECT_EQ(PublicKey(high), PublicKey(high));
}
