#include "PayTestData.h"
#include "solana/pay/SolanaPayUrl.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

PublicKey key(const QString &base58)
{
    auto parsed = PublicKey::fromBase58(base58);
    EXPECT_TRUE(parsed.ok()) << base58.toStdString();
    return parsed.ok() ? parsed.value() : PublicKey();
}

std::optional<QString> optionalText(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(QLatin1String(name));
    return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
}

// The fields of a golden vector as the request we expect.
PaymentRequest requestFromFields(const QJsonObject &fields)
{
    PaymentRequest request;
    if (fields.contains(QLatin1String("link"))) {
        request.kind = PaymentRequest::Kind::Transaction;
        request.transaction.link = fields.value(QLatin1String("link")).toString();
        request.transaction.label = optionalText(fields, "label");
        request.transaction.message = optionalText(fields, "message");
        return request;
    }
    TransferRequest &transfer = request.transfer;
    transfer.recipient = key(fields.value(QLatin1String("recipient")).toString());
    transfer.amount = optionalText(fields, "amount");
    if (const auto mint = optionalText(fields, "splToken"))
        transfer.splToken = key(*mint);
    for (const QJsonValue reference : fields.value(QLatin1String("reference")).toArray())
        transfer.references.append(key(reference.toString()));
    transfer.label = optionalText(fields, "label");
    transfer.message = optionalText(fields, "message");
    transfer.memo = optionalText(fields, "memo");
    return request;
}

QString encode(const PaymentRequest &request)
{
    return request.kind == PaymentRequest::Kind::Transfer
        ? SolanaPayUrl::encode(request.transfer)
        : SolanaPayUrl::encode(request.transaction);
}

QString errorOf(QStringView url)
{
    auto parsed = SolanaPayUrl::parse(url);
    EXPECT_FALSE(parsed.ok()) << url.toString().toStdString();
    if (parsed.ok())
        return {};
    EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
    return parsed.error().detail;
}

const QString Recipient = QStringLiteral("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu");
const QString Reference = QStringLiteral("EdmxWPmx2WH6WgFfTdu9xfkYf3k1g5wD1zccTVySEEh1");

} // namespace

TEST(SolanaPayUrl, EncodesEveryGoldenVector)
{
    const QJsonArray vectors = ovpp::test::golden()
                                   .value(QLatin1String("solana_pay"))
                                   .toObject()
                                   .value(QLatin1String("encode"))
                                   .toArray();
    ASSERT_EQ(vectors.size(), 6);
    for (const QJsonValue value : vectors) {
        const QJsonObject vector = value.toObject();
        SCOPED_TRACE(vector.value(QLatin1String("name")).toString().toStdString());
        const PaymentRequest request
            = requestFromFields(vector.value(QLatin1String("fields")).toObject());
        const QString url = vector.value(QLatin1String("url")).toString();
        EXPECT_EQ(encode(request), url);
        // And back: the reference's own URLs parse into the fields they were made from.
        auto parsed = SolanaPayUrl::parse(url);
        ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
        EXPECT_EQ(parsed.value(), request);
    }
}

TEST(SolanaPayUrl, ParsesEveryGoldenVector)
{
    const QJsonArray vectors = ovpp::test::golden()
                                   .value(QLatin1String("solana_pay"))
                                   .toObject()
                                   .value(QLatin1String("parse"))
                                   .toArray();
    ASSERT_EQ(vectors.size(), 13);
    int errors = 0;
    for (const QJsonValue value : vectors) {
        const QJsonObject vector = value.toObject();
        SCOPED_TRACE(vector.value(QLatin1String("name")).toString().toStdString());
        const QString url = vector.value(QLatin1String("url")).toString();
        const QJsonObject result = vector.value(QLatin1String("result")).toObject();
        auto parsed = SolanaPayUrl::parse(url);
        if (result.contains(QLatin1String("error"))) {
            ++errors;
            ASSERT_FALSE(parsed.ok());
            EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
            // "ParseURLError: amount invalid" -> our detail names the same reason.
            const QString reason
                = result.value(QLatin1String("error")).toString().section(QLatin1String(": "), 1);
            ASSERT_FALSE(reason.isEmpty());
            EXPECT_TRUE(parsed.error().detail.endsWith(reason))
                << parsed.error().detail.toStdString() << " vs " << reason.toStdString();
            continue;
        }
        ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
        EXPECT_EQ(parsed.value(), requestFromFields(result));
    }
    EXPECT_EQ(errors, 6);
}

TEST(SolanaPayUrl, PlusAndPercentTwentyAreBothSpaces)
{
    const QString base = QStringLiteral("solana:") + Recipient;
    auto plus = SolanaPayUrl::parseTransfer(base + QStringLiteral("?message=a+b&memo=c%20d"));
    ASSERT_TRUE(plus.ok());
    EXPECT_EQ(plus->message, QStringLiteral("a b"));
    EXPECT_EQ(plus->memo, QStringLiteral("c d"));
    // An encoded plus is a plus, and names are decoded like values.
    auto literal = SolanaPayUrl::parseTransfer(base + QStringLiteral("?%6Demo=1%2B1"));
    ASSERT_TRUE(literal.ok());
    EXPECT_EQ(literal->memo, QStringLiteral("1+1"));
    EXPECT_EQ(SolanaPayUrl::formDecode(u"%zz%4"), QStringLiteral("%zz%4"));
    EXPECT_EQ(SolanaPayUrl::formDecode(u"%E2%98%95"), QStringLiteral("\u2615"));
}

TEST(SolanaPayUrl, ReadsRepeatedAndEmptyParametersLikeTheReference)
{
    const QString base = QStringLiteral("solana:") + Recipient;
    auto parsed = SolanaPayUrl::parseTransfer(base
                                              + QStringLiteral("?amount=2&amount=3&label=&foo=bar"
                                                               "&reference=")
                                              + Reference);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->amount, QStringLiteral("2")); // the first one wins
    EXPECT_FALSE(parsed->label.has_value()); // empty is absent
    ASSERT_EQ(parsed->references.size(), 1);
    EXPECT_EQ(parsed->references.front().toBase58(), Reference);
    EXPECT_FALSE(parsed->splToken.has_value());
    EXPECT_FALSE(parsed->memo.has_value());

    // A fragment is dropped; the scheme is case-insensitive.
    auto fragment = SolanaPayUrl::parseTransfer(QStringLiteral("SOLANA:") + Recipient
                                                + QStringLiteral("?amount=1#x&amount=2"));
    ASSERT_TRUE(fragment.ok());
    EXPECT_EQ(fragment->amount, QStringLiteral("1"));
    EXPECT_EQ(fragment->recipient.toBase58(), Recipient);
    // Surrounding whitespace and embedded newlines are ignored, as by the URL parser.
    auto spaced = SolanaPayUrl::parseTransfer(QStringLiteral(" \tsolana:") + Recipient.left(10)
                                              + QStringLiteral("\n") + Recipient.mid(10)
                                              + QStringLiteral("?amount=1\r\n"));
    ASSERT_TRUE(spaced.ok());
    EXPECT_EQ(spaced->recipient.toBase58(), Recipient);
    EXPECT_EQ(spaced->amount, QStringLiteral("1"));
    // The amount is normalized as the reference's BigNumber would print it.
    auto padded = SolanaPayUrl::parseTransfer(base + QStringLiteral("?amount=007.50"));
    ASSERT_TRUE(padded.ok());
    EXPECT_EQ(padded->amount, QStringLiteral("7.5"));
}

TEST(SolanaPayUrl, RejectsMalformedUrls)
{
    const QString base = QStringLiteral("solana:") + Recipient;
    EXPECT_TRUE(errorOf(QStringLiteral("bitcoin:") + Recipient).endsWith(u"protocol invalid"));
    EXPECT_TRUE(errorOf(Recipient).endsWith(u"protocol invalid"));
    EXPECT_TRUE(errorOf(u"solana:").endsWith(u"pathname missing"));
    EXPECT_TRUE(errorOf(u"solana:?amount=1").endsWith(u"pathname missing"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?amount=")).endsWith(u"amount invalid"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?amount=1%2E5.5")).endsWith(u"amount invalid"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?amount=+1")).endsWith(u"amount invalid"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?spl-token=xyz")).endsWith(u"spl-token invalid"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?reference=") + Reference
                        + QStringLiteral("&reference=0OIl"))
                    .endsWith(u"reference invalid"));
    // 31 bytes of base58 is not a key.
    EXPECT_TRUE(errorOf(u"solana:1111111111111111111111111111111").endsWith(u"recipient invalid"));
    EXPECT_TRUE(errorOf(base + QStringLiteral("?memo=") + QString(2048, QLatin1Char('x')))
                    .endsWith(u"length invalid"));
}

TEST(SolanaPayUrl, RecognisesTransactionRequests)
{
    auto plain = SolanaPayUrl::parse(u"solana:https://example.com/pay?label=Shop&message=Hi+there");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->kind, PaymentRequest::Kind::Transaction);
    EXPECT_EQ(plain->transaction.link, QStringLiteral("https://example.com/pay"));
    EXPECT_EQ(plain->transaction.label, QStringLiteral("Shop"));
    EXPECT_EQ(plain->transaction.message, QStringLiteral("Hi there"));

    EXPECT_TRUE(errorOf(u"solana:http://example.com/pay").endsWith(u"link invalid"));
    EXPECT_TRUE(errorOf(u"solana:ftp%3A%2F%2Fexample.com").endsWith(u"link invalid"));
    EXPECT_TRUE(errorOf(u"solana:https%3A%2F%2F").endsWith(u"link invalid"));
    // decodeURIComponent throws on a broken escape or bytes that are not UTF-8.
    EXPECT_TRUE(errorOf(u"solana:https%3A%2F%2Fexample.com%2F%zz").endsWith(u"link invalid"));
    EXPECT_TRUE(errorOf(u"solana:https%3A%2F%2Fexample.com%2F%FF").endsWith(u"link invalid"));

    // The send flow gets a clear "not supported yet", not "recipient invalid".
    auto transfer = SolanaPayUrl::parseTransfer(u"solana:https://example.com/pay");
    ASSERT_FALSE(transfer.ok());
    EXPECT_EQ(transfer.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(transfer.error().detail.contains(QLatin1String("not supported yet")));
}

TEST(SolanaPayUrl, RoundTripsEncodeThenParse)
{
    TransferRequest request;
    request.recipient = key(Recipient);
    request.amount = QStringLiteral("12.000345");
    request.splToken = key(QStringLiteral("GyGKxMyg1p9SsHfm15MkNUu1u9TN2JtTspcdmrtGUdse"));
    request.references
        = {key(Reference), key(QStringLiteral("8SFqwqnq4whPhs8icwHA2hQg3hUoN1qrCLK1SBx3WKwe")),
           key(Reference)};
    request.label = QStringLiteral("Caf\u00e9 & Bar = 100% \U0001F600");
    request.message = QStringLiteral("line1\nline2 + more?#");
    request.memo = QStringLiteral("order=42&x=%20");
    const QString url = SolanaPayUrl::encode(request);
    EXPECT_FALSE(url.contains(QLatin1Char(' ')));
    auto parsed = SolanaPayUrl::parse(url);
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    EXPECT_EQ(parsed->kind, PaymentRequest::Kind::Transfer);
    EXPECT_EQ(parsed->transfer, request);

    TransferRequest minimal;
    minimal.recipient = key(Recipient);
    EXPECT_EQ(SolanaPayUrl::encode(minimal), QStringLiteral("solana:") + Recipient);
    auto back = SolanaPayUrl::parseTransfer(SolanaPayUrl::encode(minimal));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), minimal);

    for (const char *link : {"https://example.com/pay", "https://example.com/pay?a=1&b=%20",
                             "https://example.com/p%41y", "https://example.com/#frag",
                             "https://example.com/caf\u00e9"}) {
        TransactionRequest transaction;
        transaction.link = QString::fromUtf8(link);
        transaction.message = QStringLiteral("a&b");
        auto again = SolanaPayUrl::parse(SolanaPayUrl::encode(transaction));
        ASSERT_TRUE(again.ok()) << link;
        EXPECT_EQ(again->kind, PaymentRequest::Kind::Transaction);
        EXPECT_EQ(again->transaction, transaction) << link;
    }
}
