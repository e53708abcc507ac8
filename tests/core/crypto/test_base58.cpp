// base58 against the Bitcoin Core and Solana vectors in golden.json, plus the error details.

#include "TestData.h"
#include "crypto/Base58.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <vector>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

struct Vector
{
    QByteArray bytes;
    QString text;
};

std::vector<Vector> allVectors()
{
    std::vector<Vector> out;
    const QJsonObject encodings = golden()[u"encodings"].toObject();
    for (const QJsonValue &v : encodings[u"base58_solana"].toArray())
        out.push_back({hex(v[u"hex"]), v[u"base58"].toString()});
    for (const QJsonValue &v : encodings[u"base58_bitcoin_core"][u"vectors"].toArray())
        out.push_back({hex(v[0]), v[1].toString()});
    return out;
}

} // namespace

TEST(Base58, VectorsArePresent)
{
    const QJsonObject encodings = golden()[u"encodings"].toObject();
    EXPECT_EQ(encodings[u"base58_solana"].toArray().size(), 5);
    EXPECT_EQ(encodings[u"base58_bitcoin_core"][u"vectors"].toArray().size(), 17);
}

TEST(Base58, EncodesVectors)
{
    const auto vectors = allVectors();
    ASSERT_EQ(vectors.size(), 22u);
    for (const Vector &v : vectors) {
        SCOPED_TRACE(v.text.toStdString());
        EXPECT_EQ(base58::encode(bytes(v.bytes)), v.text);
    }
}

TEST(Base58, DecodesVectors)
{
    const auto vectors = allVectors();
    ASSERT_EQ(vectors.size(), 22u);
    for (const Vector &v : vectors) {
        SCOPED_TRACE(v.text.toStdString());
        const auto decoded = base58::decode(v.text);
        ASSERT_TRUE(decoded.ok()) << describe(decoded.error()).toStdString();
        EXPECT_EQ(decoded.value().toHex(), v.bytes.toHex());
    }
}

TEST(Base58, SecretVariantsMatchThePublicOnes)
{
    const auto vectors = allVectors();
    ASSERT_EQ(vectors.size(), 22u);
    for (const Vector &v : vectors) {
        SCOPED_TRACE(v.text.toStdString());
        const SecretBytes encoded = base58::encodeSecret(bytes(v.bytes));
        EXPECT_EQ(toByteArray(encoded), v.text.toLatin1());
        const auto decoded = base58::decodeSecret(bytes(v.text.toLatin1()));
        ASSERT_TRUE(decoded.ok()) << describe(decoded.error()).toStdString();
        EXPECT_EQ(toByteArray(decoded.value()).toHex(), v.bytes.toHex());
    }
}

TEST(Base58, EachLeadingZeroByteIsOneLeadingOne)
{
    for (int zeros = 0; zeros < 5; ++zeros) {
        QByteArray data(zeros, '\0');
        data.append("\x01\xff", 2);
        const QString text = base58::encode(bytes(data));
        ASSERT_GT(text.size(), zeros);
        EXPECT_TRUE(text.startsWith(QString(zeros, u'1'))) << text.toStdString();
        EXPECT_NE(text[zeros], u'1') << text.toStdString();
        const auto back = base58::decode(text);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back.value(), data);
    }
}

TEST(Base58, RoundTripsAssortedLengths)
{
    // Deterministic pseudo-random bytes, with zero runs at the front, middle and back.
    std::uint32_t state = 12345;
    for (int length = 0; length <= 80; ++length) {
        QByteArray data;
        for (int i = 0; i < length; ++i) {
            state = state * 1103515245u + 12345u;
            data.append(static_cast<char>((i % 7 == 0) ? 0 : (state >> 16) & 0xFF));
        }
        SCOPED_TRACE(length);
        const auto back = base58::decode(base58::encode(bytes(data)));
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back.value(), data);
        const auto secretBack = base58::decodeSecret(base58::encodeSecret(bytes(data)).span());
        ASSERT_TRUE(secretBack.ok());
        EXPECT_EQ(toByteArray(secretBack.value()), data);
    }
}

TEST(Base58, NamesTheBadCharacterAndItsPosition)
{
    const auto result = base58::decode(u"abc0def");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(result.error().detail.contains(u"\"0\"")) << result.error().detail.toStdString();
    EXPECT_TRUE(result.error().detail.contains(u"position 4"))
        << result.error().detail.toStdString();
}

TEST(Base58, ReportsTheFirstBadCharacter)
{
    const auto result = base58::decode(u"2gIO");
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().detail.contains(u"\"I\"")) << result.error().detail.toStdString();
    EXPECT_TRUE(result.error().detail.contains(u"position 3"))
        << result.error().detail.toStdString();
}

TEST(Base58, DescribesInvisibleCharacters)
{
    const auto space = base58::decode(u"2g 2g");
    ASSERT_FALSE(space.ok());
    EXPECT_TRUE(space.error().detail.contains(u"a space")) << space.error().detail.toStdString();
    EXPECT_TRUE(space.error().detail.contains(u"position 3"));

    const auto newline = base58::decode(u"2g\n");
    ASSERT_FALSE(newline.ok());
    EXPECT_TRUE(newline.error().detail.contains(u"line break"));
    EXPECT_TRUE(newline.error().detail.contains(u"position 3"));
}

TEST(Base58, CountsNonAsciiCharactersOnce)
{
    // U+1F600 is a surrogate pair in UTF-16 but one character to the user.
    const auto emoji = base58::decode(QString::fromUtf8("2\xF0\x9F\x98\x80"
                                                        "2x"));
    ASSERT_FALSE(emoji.ok());
    EXPECT_TRUE(emoji.error().detail.contains(u"position 2")) << emoji.error().detail.toStdString();
    EXPECT_TRUE(emoji.error().detail.contains(u"U+1F600")) << emoji.error().detail.toStdString();

    const auto accent = base58::decode(QString::fromUtf8("22\xC3\xA9"));
    ASSERT_FALSE(accent.ok());
    EXPECT_TRUE(accent.error().detail.contains(u"position 3"));
}

TEST(Base58, SecretDecodeErrorsDoNotQuoteTheInput)
{
    const auto result = base58::decodeSecret(bytes(std::string_view("5Kq0zz")));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(result.error().detail.contains(u"position 4"))
        << result.error().detail.toStdString();
    EXPECT_FALSE(result.error().detail.contains(u"\"0\""));
    EXPECT_FALSE(result.error().detail.contains(u"5Kq"));
}

TEST(Base58, EmptyInputIsEmptyOutput)
{
    EXPECT_TRUE(base58::encode({}).isEmpty());
    const auto decoded = base58::decode(u"");
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded.value().isEmpty());
    EXPECT_TRUE(base58::encodeSecret({}).empty());
}
