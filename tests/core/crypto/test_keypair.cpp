// Keypair and SLIP-0010: the official ed25519 derivation vectors, golden.json's Solana paths
// (address, keypair file, legacy seed rule), keypair-file and base58 import errors, signing.

#include "TestData.h"
#include "crypto/Base58.h"
#include "crypto/DerivationPath.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"

#include <QJsonArray>
#include <QStringList>

#include <gtest/gtest.h>

#include <string>
#include <utility>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

QJsonObject solanaPaths()
{
    return golden()[u"key_derivation"][u"solana_paths"].toObject();
}

DerivationPath parsePath(const QString &text)
{
    const auto path = DerivationPath::parse(text);
    EXPECT_TRUE(path.ok()) << text.toStdString();
    return path.ok() ? path.value() : DerivationPath();
}

// The golden test phrase's keypair at m/44'/501'/0'/0', as its keypair file text.
QByteArray firstKeypairJson()
{
    return solanaPaths()[u"derived"][0][u"keypair_file_json"].toString().toLatin1();
}

// The keypair file's numbers, to build broken variants from.
QStringList firstKeypairNumbers()
{
    QString json = QString::fromLatin1(firstKeypairJson());
    return json.mid(1, json.size() - 2).split(u',');
}

QByteArray arrayOf(const QStringList &numbers)
{
    return ('[' + numbers.join(u',') + ']').toLatin1();
}

Result<Keypair> fromJson(const QByteArray &text)
{
    return Keypair::fromKeypairJson(bytes(text));
}

void checkSlip10(const QByteArray &seed, const QString &path, const QJsonValue &expected)
{
    SCOPED_TRACE(path.toStdString());
    const SecretBytes node = slip10DeriveEd25519(bytes(seed), parsePath(path).components());
    ASSERT_EQ(node.size(), 64u);
    EXPECT_EQ(toByteArray(node.span().first(32)).toHex(),
              expected[u"private"].toString().toLatin1());
    EXPECT_EQ(toByteArray(node.span().subspan(32)).toHex(),
              expected[u"chain_code"].toString().toLatin1());
    const Keypair keypair = Keypair::fromSeed(node.span().first(32));
    QString publicHex = expected[u"public"].toString();
    if (publicHex.isEmpty())
        publicHex = expected[u"public_with_00_prefix"].toString();
    ASSERT_TRUE(publicHex.startsWith(u"00")); // SLIP-0010 prints ed25519 keys with a 0x00 prefix
    EXPECT_EQ(toByteArray(keypair.publicKey().bytes()).toHex(), publicHex.mid(2).toLatin1());
}

} // namespace

TEST(Slip10, GoldenVectors)
{
    const QJsonArray vectors = golden()[u"key_derivation"][u"slip10_ed25519"][u"vectors"].toArray();
    ASSERT_EQ(vectors.size(), 3);
    for (const QJsonValue &v : vectors)
        checkSlip10(hex(v[u"seed"]), v[u"path"].toString(), v);
}

TEST(Slip10, OfficialTestVectors1And2)
{
    const QJsonArray vectors
        = loadJson(QStringLiteral("slip10-ed25519.json"))[u"vectors"].toArray();
    ASSERT_EQ(vectors.size(), 2);
    int chains = 0;
    for (const QJsonValue &v : vectors) {
        SCOPED_TRACE(v[u"name"].toString().toStdString());
        for (const QJsonValue &chain : v[u"chains"].toArray()) {
            checkSlip10(hex(v[u"seed"]), chain[u"path"].toString(), chain);
            ++chains;
        }
    }
    EXPECT_EQ(chains, 12);
}

TEST(Slip10, HardenedBitIsImplied)
{
    // Callers pass indexes without 2^31; passing them with it must not derive something else.
    const QByteArray seed = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
    const SecretBytes plain = slip10DeriveEd25519(bytes(seed), {0, 1});
    const SecretBytes withBit = slip10DeriveEd25519(bytes(seed), {0x80000000u, 0x80000001u});
    EXPECT_TRUE(plain.equals(withBit.span()));
}

TEST(SolanaPaths, GoldenDerivedAccounts)
{
    const QJsonObject paths = solanaPaths();
    const QJsonArray derived = paths[u"derived"].toArray();
    ASSERT_EQ(derived.size(), 4);
    const std::string phrase = paths[u"mnemonic"].toString().toStdString();
    const SecretBytes seed = mnemonic::toSeed(bytes(phrase), {});
    ASSERT_EQ(toByteArray(seed).toHex(), paths[u"bip39_seed"].toString().toLatin1());

    for (const QJsonValue &entry : derived) {
        const QString pathText = entry[u"path"].toString();
        SCOPED_TRACE(pathText.toStdString());
        const DerivationPath path = parsePath(pathText);

        const SecretBytes node = slip10DeriveEd25519(seed.span(), path.components());
        EXPECT_EQ(toByteArray(node.span().first(32)).toHex(),
                  entry[u"private_seed32"].toString().toLatin1());
        EXPECT_EQ(toByteArray(node.span().subspan(32)).toHex(),
                  entry[u"chain_code"].toString().toLatin1());

        const Keypair keypair = Keypair::fromBip39Seed(seed.span(), path);
        EXPECT_EQ(toByteArray(keypair.publicKey().bytes()).toHex(),
                  entry[u"pubkey_hex"].toString().toLatin1());
        EXPECT_EQ(keypair.publicKey().toBase58(), entry[u"address"].toString());
        EXPECT_EQ(toByteArray(keypair.toKeypairJson()),
                  entry[u"keypair_file_json"].toString().toLatin1());
        ASSERT_EQ(keypair.secretKey().size(), 64u);

        const auto imported = fromJson(entry[u"keypair_file_json"].toString().toLatin1());
        ASSERT_TRUE(imported.ok()) << describe(imported.error()).toStdString();
        EXPECT_EQ(imported->publicKey().toBase58(), entry[u"address"].toString());
        EXPECT_TRUE(imported->secretKey().equals(keypair.secretKey().span()));
    }
}

TEST(SolanaPaths, SchemesMatchTheGoldenPaths)
{
    using S = DerivationPath::Scheme;
    const QJsonArray derived = solanaPaths()[u"derived"].toArray();
    ASSERT_EQ(derived.size(), 4);
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44Change, 0),
              parsePath(derived[0][u"path"].toString()));
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44Change, 1),
              parsePath(derived[1][u"path"].toString()));
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44, 0), parsePath(derived[2][u"path"].toString()));
}

TEST(SolanaPaths, LegacyNoDerivation)
{
    const QJsonObject paths = solanaPaths();
    const QJsonObject legacy = paths[u"no_derivation_first32"].toObject();
    ASSERT_FALSE(legacy.isEmpty());
    const std::string phrase = paths[u"mnemonic"].toString().toStdString();
    const SecretBytes seed = mnemonic::toSeed(bytes(phrase), {});

    const Keypair keypair = Keypair::fromBip39Seed(seed.span(), DerivationPath::legacySeed());
    EXPECT_EQ(toByteArray(keypair.secretKey().span().first(32)).toHex(),
              legacy[u"private_seed32"].toString().toLatin1());
    EXPECT_EQ(keypair.publicKey().toBase58(), legacy[u"address"].toString());
    EXPECT_EQ(toByteArray(keypair.toKeypairJson()),
              legacy[u"keypair_file_json"].toString().toLatin1());
}

TEST(KeypairJson, AcceptsWhitespaceAnywhereJsonAllows)
{
    const QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    const QByteArray pretty
        = ("\n  [\n    " + numbers.join(QStringLiteral(" ,\n\t ")) + "\r\n]\n\n").toLatin1();
    const auto keypair = fromJson(pretty);
    ASSERT_TRUE(keypair.ok()) << describe(keypair.error()).toStdString();
    EXPECT_EQ(keypair->publicKey().toBase58(), solanaPaths()[u"derived"][0][u"address"].toString());
}

TEST(KeypairJson, AcceptsAByteOrderMark)
{
    const auto keypair = fromJson("\xEF\xBB\xBF" + firstKeypairJson());
    ASSERT_TRUE(keypair.ok()) << describe(keypair.error()).toStdString();
}

TEST(KeypairJson, RejectsWrongCounts)
{
    QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    QStringList short_ = numbers.mid(0, 63);
    QStringList long_ = numbers;
    long_.append(QStringLiteral("7"));
    for (const auto &[array, count] : {std::pair {short_, 63}, std::pair {long_, 65}}) {
        SCOPED_TRACE(count);
        const auto keypair = fromJson(arrayOf(array));
        ASSERT_FALSE(keypair.ok());
        EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(keypair.error().detail.contains(QStringLiteral("%1 entries").arg(count)))
            << keypair.error().detail.toStdString();
        EXPECT_TRUE(keypair.error().detail.contains(u"64"));
    }
}

TEST(KeypairJson, RejectsOutOfRangeNumbers)
{
    QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);

    numbers[9] = QStringLiteral("256");
    auto keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(keypair.error().detail.contains(u"entry 10 is larger than 255"))
        << keypair.error().detail.toStdString();

    numbers[9] = QStringLiteral("99999999999999999999999");
    keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_TRUE(keypair.error().detail.contains(u"entry 10 is larger than 255"));

    numbers[9] = QStringLiteral("-1");
    keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(keypair.error().detail.contains(u"entry 10 is negative"))
        << keypair.error().detail.toStdString();
}

TEST(KeypairJson, RejectsNonNumbers)
{
    const QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    for (const QString &bad :
         {QStringLiteral("abc"), QStringLiteral("1.5"), QStringLiteral("\"7\""),
          QStringLiteral("0x1f"), QStringLiteral("1e2"), QStringLiteral("+5"),
          QStringLiteral("null"), QStringLiteral("1 2")}) {
        SCOPED_TRACE(bad.toStdString());
        QStringList broken = numbers;
        broken[20] = bad;
        const auto keypair = fromJson(arrayOf(broken));
        ASSERT_FALSE(keypair.ok());
        EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(keypair.error().detail.contains(u"entry 21 is not a whole number"))
            << keypair.error().detail.toStdString();
    }
}

TEST(KeypairJson, RejectsEmptyEntries)
{
    QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    numbers[63] = QString(); // "[...,]": a trailing comma in place of the last number
    const auto keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_TRUE(keypair.error().detail.contains(u"entry 64 is empty"))
        << keypair.error().detail.toStdString();
}

TEST(KeypairJson, RejectsWhatIsNotAnArray)
{
    const QByteArray inner = firstKeypairJson().mid(1, firstKeypairJson().size() - 2);
    for (const QByteArray &text :
         {QByteArray(), QByteArray(" \n "), QByteArray("[]"), QByteArray("[ ]"), inner, '[' + inner,
          inner + ']', QByteArray("{\"key\": [1,2,3]}"), QByteArray("["), QByteArray("]")}) {
        SCOPED_TRACE(text.left(20).toStdString());
        const auto keypair = fromJson(text);
        ASSERT_FALSE(keypair.ok());
        EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
        EXPECT_FALSE(keypair.error().detail.isEmpty());
    }
}

TEST(KeypairJson, RejectsHugeInput)
{
    const QByteArray huge = '[' + QByteArray(1 << 20, '1') + ']';
    const auto keypair = fromJson(huge);
    ASSERT_FALSE(keypair.ok());
    EXPECT_EQ(keypair.error().code, ErrorCode::InvalidArgument);
}

TEST(KeypairJson, RejectsAMismatchedPublicHalf)
{
    QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    numbers[40] = QString::number((numbers[40].toInt() + 1) % 256);
    const auto keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_EQ(keypair.error().code, ErrorCode::KeyMismatch);
}

TEST(KeypairJson, ErrorsDoNotQuoteTheFile)
{
    QStringList numbers = firstKeypairNumbers();
    ASSERT_EQ(numbers.size(), 64);
    numbers[5] = QStringLiteral("secretish");
    const auto keypair = fromJson(arrayOf(numbers));
    ASSERT_FALSE(keypair.ok());
    EXPECT_FALSE(keypair.error().detail.contains(u"secretish"));
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(keypair.error().detail.contains(u',' + numbers[i] + u','));
}

TEST(KeypairSecret, FromSecretKeyChecksSizeAndPublicHalf)
{
    const auto good = fromJson(firstKeypairJson());
    ASSERT_TRUE(good.ok());
    const auto secret = good->secretKey().span();

    const auto again = Keypair::fromSecretKey(secret);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->publicKey(), good->publicKey());

    const auto shortKey = Keypair::fromSecretKey(secret.first(32));
    ASSERT_FALSE(shortKey.ok());
    EXPECT_EQ(shortKey.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(shortKey.error().detail.contains(u"got 32"));

    QByteArray tampered = toByteArray(secret);
    tampered[63] = static_cast<char>(tampered[63] ^ 0x01);
    const auto mismatch = Keypair::fromSecretKey(bytes(tampered));
    ASSERT_FALSE(mismatch.ok());
    EXPECT_EQ(mismatch.error().code, ErrorCode::KeyMismatch);
}

TEST(KeypairSecret, Base58RoundTrip)
{
    const auto keypair = fromJson(firstKeypairJson());
    ASSERT_TRUE(keypair.ok());
    const SecretBytes text = keypair->toBase58Secret();
    ASSERT_GE(text.size(), 86u);
    ASSERT_LE(text.size(), 88u);

    const auto back = Keypair::fromBase58Secret(text.span());
    ASSERT_TRUE(back.ok()) << describe(back.error()).toStdString();
    EXPECT_EQ(back->publicKey(), keypair->publicKey());
    EXPECT_TRUE(back->secretKey().equals(keypair->secretKey().span()));

    // Pasted with a newline and spaces around it.
    const QByteArray padded = "  " + toByteArray(text) + "\n";
    const auto trimmed = Keypair::fromBase58Secret(bytes(padded));
    ASSERT_TRUE(trimmed.ok()) << describe(trimmed.error()).toStdString();
    EXPECT_EQ(trimmed->publicKey(), keypair->publicKey());
}

TEST(KeypairSecret, Base58Errors)
{
    const auto keypair = fromJson(firstKeypairJson());
    ASSERT_TRUE(keypair.ok());

    // Only the 32-byte seed: not a 64-byte secret key.
    const SecretBytes seedOnly = base58::encodeSecret(keypair->secretKey().span().first(32));
    const auto tooShort = Keypair::fromBase58Secret(seedOnly.span());
    ASSERT_FALSE(tooShort.ok());
    EXPECT_EQ(tooShort.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(tooShort.error().detail.contains(u"32 bytes"))
        << tooShort.error().detail.toStdString();

    QByteArray text = toByteArray(keypair->toBase58Secret());
    text[10] = '0';
    const auto badChar = Keypair::fromBase58Secret(bytes(text));
    ASSERT_FALSE(badChar.ok());
    EXPECT_EQ(badChar.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(badChar.error().detail.contains(u"position 11"))
        << badChar.error().detail.toStdString();

    QByteArray tampered = toByteArray(keypair->secretKey());
    tampered[40] = static_cast<char>(tampered[40] ^ 0x80);
    const auto mismatch = Keypair::fromBase58Secret(base58::encodeSecret(bytes(tampered)).span());
    ASSERT_FALSE(mismatch.ok());
    EXPECT_EQ(mismatch.error().code, ErrorCode::KeyMismatch);

    const auto empty = Keypair::fromBase58Secret(bytes(std::string_view(" \n")));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
}

TEST(KeypairSign, Rfc8032Vectors)
{
    const QJsonArray vectors
        = loadJson(QStringLiteral("ed25519-rfc8032.json"))[u"vectors"].toArray();
    ASSERT_EQ(vectors.size(), 3);
    for (const QJsonValue &v : vectors) {
        SCOPED_TRACE(v[u"name"].toString().toStdString());
        const QByteArray seed = hex(v[u"secret_seed"]);
        const QByteArray message = hex(v[u"message"]);
        const Keypair keypair = Keypair::fromSeed(bytes(seed));
        EXPECT_EQ(toByteArray(keypair.publicKey().bytes()).toHex(),
                  v[u"public"].toString().toLatin1());
        // Solana's 64-byte secret: seed || public key.
        EXPECT_EQ(toByteArray(keypair.secretKey()).toHex(),
                  (v[u"secret_seed"].toString() + v[u"public"].toString()).toLatin1());
        const QByteArray signature = keypair.sign(bytes(message));
        EXPECT_EQ(signature.toHex(), v[u"signature"].toString().toLatin1());
        EXPECT_TRUE(Keypair::verify(keypair.publicKey(), bytes(message), bytes(signature)));
    }
}

TEST(KeypairSign, VerifyRejectsTampering)
{
    const auto keypair = fromJson(firstKeypairJson());
    ASSERT_TRUE(keypair.ok());
    const QByteArray message("transfer 1 SOL");
    const QByteArray signature = keypair->sign(bytes(message));
    ASSERT_EQ(signature.size(), 64);
    EXPECT_TRUE(Keypair::verify(keypair->publicKey(), bytes(message), bytes(signature)));

    QByteArray otherMessage = message;
    otherMessage[9] = '2';
    EXPECT_FALSE(Keypair::verify(keypair->publicKey(), bytes(otherMessage), bytes(signature)));

    QByteArray badSignature = signature;
    badSignature[0] = static_cast<char>(badSignature[0] ^ 0x01);
    EXPECT_FALSE(Keypair::verify(keypair->publicKey(), bytes(message), bytes(badSignature)));

    const auto other
        = fromJson(solanaPaths()[u"derived"][1][u"keypair_file_json"].toString().toLatin1());
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(Keypair::verify(other->publicKey(), bytes(message), bytes(signature)));

    EXPECT_FALSE(Keypair::verify(keypair->publicKey(), bytes(message), bytes(signature.left(63))));
    EXPECT_FALSE(Keypair::verify(keypair->publicKey(), bytes(message), {}));
}

TEST(KeypairSign, EmptyKeypairSignsNothing)
{
    const Keypair empty = Keypair::fromSeed(bytes(QByteArray(31, '\x01')));
    EXPECT_TRUE(empty.secretKey().empty());
    EXPECT_TRUE(empty.sign(bytes(QByteArray("x"))).isEmpty());
    EXPECT_TRUE(empty.toKeypairJson().empty());
    EXPECT_TRUE(empty.toBase58Secret().empty());
}
