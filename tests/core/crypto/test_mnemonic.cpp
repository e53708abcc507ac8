// BIP39: all 24 English trezor vectors, golden.json's subset and Solana seed, the validation
// errors a user meets, generation and completion.

#include "TestData.h"
#include "crypto/Mnemonic.h"

#include <QJsonArray>
#include <QStringList>

#include <gtest/gtest.h>

#include <string>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

const QJsonObject &trezorFile()
{
    static const QJsonObject object = loadJson(QStringLiteral("bip39-trezor-english.json"));
    return object;
}

QJsonArray trezorVectors()
{
    return trezorFile()[u"vectors"].toArray();
}

std::string phraseOf(const SecretBytes &secret)
{
    return std::string(secret.view());
}

// A valid 12-word phrase with one word replaced (1-based position).
std::string withWord(int position, const std::string &word)
{
    QStringList words = QStringLiteral("abandon abandon abandon abandon abandon abandon abandon "
                                       "abandon abandon abandon abandon about")
                            .split(u' ');
    words[position - 1] = QString::fromStdString(word);
    return words.join(u' ').toStdString();
}

Result<SecretBytes> validate(const std::string &phrase)
{
    return mnemonic::validate(bytes(phrase));
}

} // namespace

TEST(Mnemonic, WordListIsTheEnglishList)
{
    const QStringList &words = mnemonic::englishWords();
    ASSERT_EQ(words.size(), 2048);
    EXPECT_EQ(words.first(), QStringLiteral("abandon"));
    EXPECT_EQ(words.last(), QStringLiteral("zoo"));
    EXPECT_EQ(words.indexOf(QStringLiteral("about")), 3);
}

TEST(Mnemonic, TrezorFileHasAllEnglishVectors)
{
    EXPECT_EQ(trezorFile()[u"passphrase"].toString(), QStringLiteral("TREZOR"));
    EXPECT_EQ(trezorVectors().size(), 24);
}

TEST(Mnemonic, TrezorFileStartsWithGoldenVectors)
{
    const QJsonArray golden
        = ovpp::test::golden()[u"key_derivation"][u"bip39_trezor_vectors"][u"vectors"].toArray();
    const QJsonArray trezor = trezorVectors();
    ASSERT_EQ(golden.size(), 4);
    ASSERT_GE(trezor.size(), golden.size());
    for (qsizetype i = 0; i < golden.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(trezor[i][0].toString(), golden[i][u"entropy"].toString());
        EXPECT_EQ(trezor[i][1].toString(), golden[i][u"mnemonic"].toString());
        EXPECT_EQ(trezor[i][2].toString(), golden[i][u"seed"].toString());
        EXPECT_EQ(golden[i][u"passphrase"].toString(), trezorFile()[u"passphrase"].toString());
    }
}

class TrezorVector : public ::testing::TestWithParam<int>
{
protected:
    void SetUp() override
    {
        const QJsonArray vectors = trezorVectors();
        ASSERT_LT(GetParam(), vectors.size());
        const QJsonArray v = vectors[GetParam()].toArray();
        m_entropy = hex(v[0]);
        m_phrase = v[1].toString().toStdString();
        m_seed = hex(v[2]);
        ASSERT_FALSE(m_entropy.isEmpty());
        ASSERT_EQ(m_seed.size(), 64);
    }

    QByteArray m_entropy;
    std::string m_phrase;
    QByteArray m_seed;
};

TEST_P(TrezorVector, EntropyToPhrase)
{
    const auto phrase = mnemonic::fromEntropy(bytes(m_entropy));
    ASSERT_TRUE(phrase.ok()) << describe(phrase.error()).toStdString();
    EXPECT_EQ(phraseOf(phrase.value()), m_phrase);
}

TEST_P(TrezorVector, PhraseValidates)
{
    const auto phrase = validate(m_phrase);
    ASSERT_TRUE(phrase.ok()) << describe(phrase.error()).toStdString();
    EXPECT_EQ(phraseOf(phrase.value()), m_phrase);
}

TEST_P(TrezorVector, PhraseToSeed)
{
    const SecretBytes seed = mnemonic::toSeed(bytes(m_phrase), bytes(std::string_view("TREZOR")));
    EXPECT_EQ(toByteArray(seed).toHex(), m_seed.toHex());
}

INSTANTIATE_TEST_SUITE_P(English, TrezorVector, ::testing::Range(0, 24));

TEST(Mnemonic, SolanaTestPhraseSeedWithEmptyPassphrase)
{
    const QJsonObject paths = golden()[u"key_derivation"][u"solana_paths"].toObject();
    const std::string phrase = paths[u"mnemonic"].toString().toStdString();
    const std::string passphrase = paths[u"passphrase"].toString().toStdString();
    ASSERT_FALSE(phrase.empty());
    ASSERT_TRUE(passphrase.empty());
    const SecretBytes seed = mnemonic::toSeed(bytes(phrase), bytes(passphrase));
    EXPECT_EQ(toByteArray(seed).toHex(), paths[u"bip39_seed"].toString().toLatin1());
}

TEST(Mnemonic, PassphraseIsNormalisedNfkd)
{
    // "é" precomposed (U+00E9) and decomposed (e + U+0301) are the same passphrase under NFKD;
    // a plain "e" is not.
    const std::string phrase = withWord(12, "about");
    const SecretBytes composed = mnemonic::toSeed(bytes(phrase), bytes(std::string("caf\xC3\xA9")));
    const SecretBytes decomposed
        = mnemonic::toSeed(bytes(phrase), bytes(std::string("cafe\xCC\x81")));
    const SecretBytes plain = mnemonic::toSeed(bytes(phrase), bytes(std::string("cafe")));
    ASSERT_EQ(composed.size(), 64u);
    EXPECT_TRUE(composed.equals(decomposed.span()));
    EXPECT_FALSE(composed.equals(plain.span()));
}

TEST(Mnemonic, PassphraseIsCaseSensitive)
{
    const std::string phrase = withWord(12, "about");
    const SecretBytes upper = mnemonic::toSeed(bytes(phrase), bytes(std::string("TREZOR")));
    const SecretBytes lower = mnemonic::toSeed(bytes(phrase), bytes(std::string("trezor")));
    EXPECT_FALSE(upper.equals(lower.span()));
}

TEST(Mnemonic, UnknownWordNamesPositionAndSuggestion)
{
    const auto result = validate(withWord(5, "abandn"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::UnknownWord);
    EXPECT_EQ(result.error().detail,
              QStringLiteral("word 5 \"abandn\" is not in the BIP39 English list (did you mean "
                             "\"abandon\"?)"));
}

TEST(Mnemonic, SuggestsForSwappedLetters)
{
    const auto result = validate(withWord(12, "abuot"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::UnknownWord);
    EXPECT_TRUE(result.error().detail.startsWith(u"word 12 \"abuot\""))
        << result.error().detail.toStdString();
    EXPECT_TRUE(result.error().detail.contains(u"did you mean \"about\"?"))
        << result.error().detail.toStdString();
}

TEST(Mnemonic, SuggestsForShortAndAccentedTypos)
{
    const auto short_ = validate(withWord(1, "zo"));
    ASSERT_FALSE(short_.ok());
    EXPECT_TRUE(short_.error().detail.contains(u"did you mean \"zoo\"?"))
        << short_.error().detail.toStdString();

    const auto accented = validate(withWord(2, "abando\xCC\x81n")); // "abandón", decomposed
    ASSERT_FALSE(accented.ok());
    EXPECT_EQ(accented.error().code, ErrorCode::UnknownWord);
    EXPECT_TRUE(accented.error().detail.startsWith(u"word 2 "));
    EXPECT_TRUE(accented.error().detail.contains(u"did you mean \"abandon\"?"))
        << accented.error().detail.toStdString();
}

TEST(Mnemonic, NoSuggestionWhenNothingIsClose)
{
    const auto result = validate(withWord(3, "qqqqqq"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::UnknownWord);
    EXPECT_EQ(result.error().detail,
              QStringLiteral("word 3 \"qqqqqq\" is not in the BIP39 English list"));
}

TEST(Mnemonic, LongUnknownWordIsNotEchoed)
{
    // Someone pasting a private key into the phrase field must not see it in an error/log.
    const std::string pasted = "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi";
    const auto result = validate(withWord(7, pasted));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::UnknownWord);
    EXPECT_TRUE(result.error().detail.startsWith(u"word 7 "))
        << result.error().detail.toStdString();
    EXPECT_FALSE(result.error().detail.contains(QString::fromStdString(pasted).toLower()));
    EXPECT_FALSE(result.error().detail.contains(QString::fromStdString(pasted)));
}

TEST(Mnemonic, WrongWordCount)
{
    const auto eleven = validate("abandon abandon abandon abandon abandon abandon abandon abandon "
                                 "abandon abandon about");
    ASSERT_FALSE(eleven.ok());
    EXPECT_EQ(eleven.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(eleven.error().detail, QStringLiteral("expected 12, 15, 18, 21 or 24 words, got 11"));

    std::string thirteen = withWord(12, "about") + " abandon";
    const auto tooMany = validate(thirteen);
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(tooMany.error().detail,
              QStringLiteral("expected 12, 15, 18, 21 or 24 words, got 13"));
}

TEST(Mnemonic, EmptyPhraseIsAWordCountError)
{
    for (const std::string &text : {std::string(), std::string("  \n\t ")}) {
        const auto result = validate(text);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(result.error().detail,
                  QStringLiteral("expected 12, 15, 18, 21 or 24 words, got 0"));
    }
}

TEST(Mnemonic, BadChecksum)
{
    const auto result = validate(withWord(12, "abandon")); // twelve times "abandon"
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::BadChecksum);
    EXPECT_EQ(result.error().detail,
              QStringLiteral("the words are all valid but the checksum does not match: check "
                             "their order and spelling"));
}

TEST(Mnemonic, SwappedWordsFailTheChecksum)
{
    const QJsonArray vectors = trezorVectors();
    ASSERT_GT(vectors.size(), 12);
    // "lava include region ..." with its first two words swapped.
    QStringList words = vectors[12][1].toString().split(u' ');
    ASSERT_EQ(words.size(), 12);
    words.swapItemsAt(0, 1);
    const auto result = validate(words.join(u' ').toStdString());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::BadChecksum);
}

TEST(Mnemonic, AcceptsExtraWhitespaceAndUpperCase)
{
    const auto result = validate("  ABANDON abandon\tAbandon  abandon\n\nabandon abandon abandon "
                                 "abandon   abandon abandon abandon ABOUT \r\n");
    ASSERT_TRUE(result.ok()) << describe(result.error()).toStdString();
    EXPECT_EQ(phraseOf(result.value()), withWord(12, "about"));
}

TEST(Mnemonic, AcceptsUnicodeSpaces)
{
    // No-break space (U+00A0) and ideographic space (U+3000): NFKD turns both into U+0020.
    std::string phrase = withWord(12, "about");
    const auto first = phrase.find(' ');
    phrase.replace(first, 1, "\xC2\xA0");
    const auto second = phrase.find(' ');
    phrase.replace(second, 1, "\xE3\x80\x80");
    const auto result = validate(phrase);
    ASSERT_TRUE(result.ok()) << describe(result.error()).toStdString();
    EXPECT_EQ(phraseOf(result.value()), withWord(12, "about"));
}

TEST(Mnemonic, UnknownWordPositionCountsWordsNotSpaces)
{
    const auto result = validate("abandon   abandon\n\n abandn abandon");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::UnknownWord);
    EXPECT_TRUE(result.error().detail.startsWith(u"word 3 \"abandn\""))
        << result.error().detail.toStdString();
}

TEST(Mnemonic, GenerateProducesValidPhrases)
{
    for (const int count : {12, 24}) {
        SCOPED_TRACE(count);
        const auto phrase = mnemonic::generate(count);
        ASSERT_TRUE(phrase.ok()) << describe(phrase.error()).toStdString();
        const QStringList words
            = QString::fromLatin1(phrase->view().data(), static_cast<qsizetype>(phrase->size()))
                  .split(u' ');
        EXPECT_EQ(words.size(), count);
        for (const QString &word : words)
            EXPECT_TRUE(mnemonic::englishWords().contains(word)) << word.toStdString();

        const auto validated = mnemonic::validate(phrase->span());
        ASSERT_TRUE(validated.ok()) << describe(validated.error()).toStdString();
        EXPECT_TRUE(validated->equals(phrase->span()));
        EXPECT_EQ(mnemonic::toSeed(validated->span(), {}).size(), 64u);
    }
}

TEST(Mnemonic, GeneratedPhrasesDiffer)
{
    // Two 128-bit draws colliding would mean the random source is broken.
    const auto a = mnemonic::generate(12);
    const auto b = mnemonic::generate(12);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_FALSE(a->equals(b->span()));
}

TEST(Mnemonic, GenerateRejectsOtherCounts)
{
    for (const int count : {0, 11, 13, 15, 25, -12}) {
        SCOPED_TRACE(count);
        const auto phrase = mnemonic::generate(count);
        ASSERT_FALSE(phrase.ok());
        EXPECT_EQ(phrase.error().code, ErrorCode::InvalidArgument);
    }
}

TEST(Mnemonic, FromEntropyRejectsOtherSizes)
{
    for (const int size : {0, 12, 15, 17, 33, 64}) {
        SCOPED_TRACE(size);
        const QByteArray entropy(size, '\x01');
        const auto phrase = mnemonic::fromEntropy(bytes(entropy));
        ASSERT_FALSE(phrase.ok());
        EXPECT_EQ(phrase.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(phrase.error().detail.contains(QStringLiteral("got %1").arg(size)));
    }
}

TEST(Mnemonic, CompletionsArePrefixMatchesInListOrder)
{
    EXPECT_EQ(mnemonic::completions(u"aba"), QStringList {QStringLiteral("abandon")});
    EXPECT_EQ(mnemonic::completions(u"ZO"),
              (QStringList {QStringLiteral("zone"), QStringLiteral("zoo")}));

    const QStringList ab = mnemonic::completions(u"ab", 3);
    ASSERT_EQ(ab.size(), 3);
    EXPECT_EQ(ab, mnemonic::englishWords().mid(0, 3)); // abandon, ability, able
    for (const QString &word : ab)
        EXPECT_TRUE(word.startsWith(u"ab"));

    EXPECT_EQ(mnemonic::completions(u"a").size(), 8); // the default limit
}

TEST(Mnemonic, NoCompletionsForEmptyOrUnknownPrefixes)
{
    EXPECT_TRUE(mnemonic::completions(u"").isEmpty());
    EXPECT_TRUE(mnemonic::completions(u"  ").isEmpty());
    EXPECT_TRUE(mnemonic::completions(u"xq").isEmpty());
    EXPECT_TRUE(mnemonic::completions(u"abandonx").isEmpty());
    EXPECT_TRUE(mnemonic::completions(u"ab", 0).isEmpty());
}
