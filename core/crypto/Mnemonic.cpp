#include "Mnemonic.h"

#include <QFile>

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace ovpp::core::mnemonic {

namespace {

constexpr int WordCount = 2048;
constexpr int BitsPerWord = 11;
constexpr std::size_t LongestWord = 8; // in the English list
// Beyond this an "unknown word" is more likely a pasted key or sentence than a typo: it is
// neither echoed in the error nor compared against the list.
constexpr qsizetype MaxEchoedLength = 16;
constexpr std::string_view SaltPrefix = "mnemonic";
constexpr int Pbkdf2Rounds = 2048; // BIP39
constexpr int SeedSize = 64;

struct WordList
{
    QStringList words;
    std::vector<std::string> ascii; // the same words, for lookups that must not make a QString
};

WordList loadWordList()
{
    WordList list;
    QFile file(QStringLiteral(":/ovpp/wordlists/bip39-english.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return list;
    const QByteArray data = file.readAll();
    for (const QByteArray &line : data.split('\n')) {
        const QByteArray word = line.trimmed();
        if (word.isEmpty())
            continue;
        list.words.append(QString::fromLatin1(word));
        list.ascii.emplace_back(word.constData(), static_cast<std::size_t>(word.size()));
    }
    // Lookups binary-search the list: refuse a list that is not the sorted 2048-word one.
    if (list.ascii.size() != WordCount || !std::is_sorted(list.ascii.begin(), list.ascii.end()))
        return WordList {};
    return list;
}

const WordList &wordList()
{
    static const WordList list = loadWordList();
    return list;
}

Error wordListMissing()
{
    return makeError(ErrorCode::Internal,
                     QStringLiteral("the BIP39 English word list resource is missing or damaged"));
}

int indexOf(std::string_view word)
{
    const auto &ascii = wordList().ascii;
    const auto it
        = std::lower_bound(ascii.begin(), ascii.end(), word,
                           [](const std::string &a, std::string_view b) { return a < b; });
    if (it == ascii.end() || *it != word)
        return -1;
    return static_cast<int>(it - ascii.begin());
}

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_UNUSED(ready);
}

// Best-effort wipes of Qt buffers that held a secret. Only a buffer this object owns alone is
// wiped: a shared one still belongs to another string (normalized() returns its input when the
// text is already NFKD), and is wiped when the last owner passes through here. Every string
// given here was built on the heap (fromUtf8, normalized, toUtf8), never from a literal.
void wipeString(QString &s)
{
    if (!s.isEmpty() && s.isDetached())
        wipe(const_cast<QChar *>(s.constData()),
             static_cast<std::size_t>(s.size()) * sizeof(QChar));
    s.clear();
}

void wipeBytes(QByteArray &b)
{
    if (!b.isEmpty() && b.isDetached())
        wipe(const_cast<char *>(b.constData()), static_cast<std::size_t>(b.size()));
    b.clear();
}

bool isAscii(std::span<const std::uint8_t> text)
{
    return std::all_of(text.begin(), text.end(), [](std::uint8_t c) { return c < 0x80; });
}

// NFKD in secure memory. English phrases are ASCII, which NFKD leaves alone, so the common case
// never creates a QString at all.
SecretBytes nfkdUtf8(std::span<const std::uint8_t> text)
{
    if (isAscii(text))
        return SecretBytes(text.data(), text.size());
    QString decoded = QString::fromUtf8(reinterpret_cast<const char *>(text.data()),
                                        static_cast<qsizetype>(text.size()));
    QString normalized = decoded.normalized(QString::NormalizationForm_KD);
    wipeString(decoded);
    QByteArray utf8 = normalized.toUtf8();
    wipeString(normalized);
    SecretBytes out(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                    static_cast<std::size_t>(utf8.size()));
    wipeBytes(utf8);
    return out;
}

// Decodes one code point of valid UTF-8 (what nfkdUtf8 produces) at `pos`; returns its length.
std::size_t decodeUtf8(std::span<const std::uint8_t> text, std::size_t pos, char32_t &out)
{
    const std::uint8_t lead = text[pos];
    std::size_t length = 1;
    out = lead;
    if (lead >= 0xF0) {
        length = 4;
        out = lead & 0x07;
    } else if (lead >= 0xE0) {
        length = 3;
        out = lead & 0x0F;
    } else if (lead >= 0xC0) {
        length = 2;
        out = lead & 0x1F;
    }
    if (pos + length > text.size())
        return 1; // cannot happen for valid UTF-8; treat the byte as a character of its own
    for (std::size_t i = 1; i < length; ++i)
        out = (out << 6) | (text[pos + i] & 0x3F);
    return length;
}

struct Token
{
    std::size_t offset;
    std::size_t length;
};

// Splits on any Unicode whitespace (NFKD already turned most exotic spaces into U+0020).
std::vector<Token> tokenize(std::span<const std::uint8_t> text)
{
    std::vector<Token> tokens;
    std::size_t pos = 0;
    std::size_t start = 0;
    bool inWord = false;
    while (pos < text.size()) {
        char32_t c = 0;
        const std::size_t length = decodeUtf8(text, pos, c);
        const bool space = c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : QChar::isSpace(c);
        if (space && inWord) {
            tokens.push_back({start, pos - start});
            inWord = false;
        } else if (!space && !inWord) {
            start = pos;
            inWord = true;
        }
        pos += length;
    }
    if (inWord)
        tokens.push_back({start, text.size() - start});
    return tokens;
}

// Optimal-string-alignment distance: Levenshtein plus swapped neighbours, the commonest typo.
int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(static_cast<std::size_t>(n + 1),
                                    std::vector<int>(static_cast<std::size_t>(m + 1)));
    auto at = [&d](qsizetype i, qsizetype j) -> int & {
        return d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    };
    for (qsizetype i = 0; i <= n; ++i)
        at(i, 0) = static_cast<int>(i);
    for (qsizetype j = 0; j <= m; ++j)
        at(0, j) = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(n, m);
}

qsizetype commonPrefix(QStringView a, QStringView b)
{
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    return i;
}

// The list word a user most likely meant, or an empty string when nothing is close.
QString closestWord(const QString &typed)
{
    // Accents typed by mistake ("abandón") become base letter + combining mark under NFKD.
    QString plain;
    for (const QChar c : typed) {
        if (c.category() != QChar::Mark_NonSpacing)
            plain.append(c);
    }
    const QStringList &words = wordList().words;
    // BIP39 English words are unique in their first four letters, so a matching four-letter
    // prefix identifies the word ("abandn", "abandonn").
    if (plain.size() >= 4) {
        const QStringView prefix = QStringView(plain).left(4);
        const auto it = std::lower_bound(words.begin(), words.end(), prefix,
                                         [](const QString &w, QStringView p) { return w < p; });
        if (it != words.end() && it->startsWith(prefix))
            return *it;
    }
    int best = -1;
    int bestDistance = 3; // suggest only within two edits
    qsizetype bestPrefix = -1;
    for (int i = 0; i < words.size(); ++i) {
        const int distance = editDistance(plain, words[i]);
        const qsizetype prefix = commonPrefix(plain, words[i]);
        if (distance < bestDistance
            || (distance == bestDistance && best >= 0 && prefix > bestPrefix)) {
            best = i;
            bestDistance = distance;
            bestPrefix = prefix;
        }
    }
    if (best < 0 || bestDistance >= plain.size())
        return {};
    return words[best];
}

Error unknownWord(int position, std::span<const std::uint8_t> token)
{
    // The token is probably a misspelt secret word, and the suggestion probably the real one.
    // The UI needs both to help; callers must not log an UnknownWord detail.
    QString typed = QString::fromUtf8(reinterpret_cast<const char *>(token.data()),
                                      static_cast<qsizetype>(token.size()))
                        .toLower();
    Error error;
    if (typed.size() > MaxEchoedLength) {
        error = makeError(ErrorCode::UnknownWord,
                          QStringLiteral("word %1 (%2 characters long) is not in the BIP39 English "
                                         "list, whose words have 3 to %3 letters")
                              .arg(position)
                              .arg(typed.size())
                              .arg(LongestWord));
    } else {
        const QString suggestion = closestWord(typed);
        QString detail = QStringLiteral("word %1 \"%2\" is not in the BIP39 English list")
                             .arg(position)
                             .arg(typed);
        if (!suggestion.isEmpty())
            detail += QStringLiteral(" (did you mean \"%1\"?)").arg(suggestion);
        error = makeError(ErrorCode::UnknownWord, detail);
    }
    wipeString(typed);
    return error;
}

bool validWordCount(std::size_t words)
{
    return words >= 12 && words <= 24 && words % 3 == 0;
}

int bitAt(std::span<const std::uint8_t> bytes, std::size_t bit)
{
    return (bytes[bit / 8] >> (7 - bit % 8)) & 1;
}

void setBit(std::span<std::uint8_t> bytes, std::size_t bit)
{
    bytes[bit / 8] = static_cast<std::uint8_t>(bytes[bit / 8] | (0x80 >> (bit % 8)));
}

// Words joined by single spaces, from their indexes (two bytes each, in secure memory).
SecretBytes joinWords(const SecretBytes &indexes)
{
    const auto &ascii = wordList().ascii;
    const std::size_t count = indexes.size() / 2;
    auto indexAt = [&indexes](std::size_t i) {
        return static_cast<std::size_t>(indexes.data()[2 * i] << 8 | indexes.data()[2 * i + 1]);
    };
    std::size_t length = count ? count - 1 : 0;
    for (std::size_t i = 0; i < count; ++i)
        length += ascii[indexAt(i)].size();
    SecretBytes out(length);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out.data()[pos++] = ' ';
        const std::string &word = ascii[indexAt(i)];
        std::memcpy(out.data() + pos, word.data(), word.size());
        pos += word.size();
    }
    return out;
}

} // namespace

const QStringList &englishWords()
{
    return wordList().words;
}

Result<SecretBytes> generate(int wordCount)
{
    if (wordCount != 12 && wordCount != 24) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a new phrase has 12 or 24 words, not %1").arg(wordCount));
    }
    ensureSodium();
    SecretBytes entropy(static_cast<std::size_t>(wordCount) * BitsPerWord * 32 / 33 / 8);
    randombytes_buf(entropy.data(), entropy.size());
    return fromEntropy(entropy.span());
}

Result<SecretBytes> fromEntropy(std::span<const std::uint8_t> entropy)
{
    const std::size_t size = entropy.size();
    if (size < 16 || size > 32 || size % 4 != 0) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("entropy must be 16, 20, 24, 28 or 32 bytes, got %1").arg(size));
    }
    if (wordList().ascii.empty())
        return wordListMissing();
    ensureSodium();

    // entropy || SHA-256(entropy)[0]: the checksum is the first size/4 bits of the hash.
    SecretBytes bits(size + 1);
    std::memcpy(bits.data(), entropy.data(), size);
    SecretBytes hash(crypto_hash_sha256_BYTES);
    crypto_hash_sha256(hash.data(), entropy.data(), size);
    bits.data()[size] = hash.data()[0];

    const std::size_t words = (size * 8 + size / 4) / BitsPerWord;
    SecretBytes indexes(words * 2);
    for (std::size_t w = 0; w < words; ++w) {
        unsigned index = 0;
        for (int b = 0; b < BitsPerWord; ++b)
            index = index << 1 | static_cast<unsigned>(bitAt(bits.span(), w * BitsPerWord + b));
        indexes.data()[2 * w] = static_cast<std::uint8_t>(index >> 8);
        indexes.data()[2 * w + 1] = static_cast<std::uint8_t>(index & 0xFF);
    }
    return joinWords(indexes);
}

Result<SecretBytes> validate(std::span<const std::uint8_t> phraseUtf8)
{
    if (wordList().ascii.empty())
        return wordListMissing();

    // Our own copy, normalised and then lower-cased in place (list words are ASCII, so ASCII
    // case folding is all matching needs).
    SecretBytes text = nfkdUtf8(phraseUtf8);
    for (std::uint8_t &c : text.span()) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<std::uint8_t>(c - 'A' + 'a');
    }
    const std::vector<Token> tokens = tokenize(text.span());

    // Unknown words first: "word 5 is misspelt" is more useful than "11 words" when a typo
    // glued two words together.
    SecretBytes indexes(tokens.size() * 2);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto token = text.span().subspan(tokens[i].offset, tokens[i].length);
        const int index = tokens[i].length <= LongestWord
            ? indexOf(std::string_view(reinterpret_cast<const char *>(token.data()), token.size()))
            : -1;
        if (index < 0)
            return unknownWord(static_cast<int>(i + 1), token);
        indexes.data()[2 * i] = static_cast<std::uint8_t>(index >> 8);
        indexes.data()[2 * i + 1] = static_cast<std::uint8_t>(index & 0xFF);
    }
    if (!validWordCount(tokens.size())) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("expected 12, 15, 18, 21 or 24 words, got %1").arg(tokens.size()));
    }

    const std::size_t totalBits = tokens.size() * BitsPerWord;
    const std::size_t checksumBits = totalBits / 33;
    const std::size_t entropySize = (totalBits - checksumBits) / 8;
    SecretBytes bits(entropySize + 1);
    for (std::size_t w = 0; w < tokens.size(); ++w) {
        const unsigned index
            = static_cast<unsigned>(indexes.data()[2 * w] << 8 | indexes.data()[2 * w + 1]);
        for (int b = 0; b < BitsPerWord; ++b) {
            if (index >> (BitsPerWord - 1 - b) & 1)
                setBit(bits.span(), w * BitsPerWord + static_cast<std::size_t>(b));
        }
    }
    ensureSodium();
    SecretBytes hash(crypto_hash_sha256_BYTES);
    crypto_hash_sha256(hash.data(), bits.data(), entropySize);
    const auto mask = static_cast<std::uint8_t>(0xFF << (8 - checksumBits));
    if (((hash.data()[0] ^ bits.data()[entropySize]) & mask) != 0) {
        return makeError(ErrorCode::BadChecksum,
                         QStringLiteral("the words are all valid but the checksum does not "
                                        "match: check their order and spelling"));
    }
    return joinWords(indexes);
}

SecretBytes toSeed(std::span<const std::uint8_t> phraseUtf8,
                   std::span<const std::uint8_t> passphraseUtf8)
{
    const SecretBytes password = nfkdUtf8(phraseUtf8);
    const SecretBytes passphrase = nfkdUtf8(passphraseUtf8);
    const SecretBytes salt = SecretBytes::concat(
        std::span(reinterpret_cast<const std::uint8_t *>(SaltPrefix.data()), SaltPrefix.size()),
        passphrase.span());
    SecretBytes seed(SeedSize);
    static const char empty = 0; // OpenSSL wants a non-null pointer even for zero length
    const char *pass = password.empty() ? &empty : reinterpret_cast<const char *>(password.data());
    if (PKCS5_PBKDF2_HMAC(pass, static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), Pbkdf2Rounds, EVP_sha512(), SeedSize,
                          seed.data())
        != 1) {
        return {}; // OpenSSL failed (out of memory); an empty seed derives nothing
    }
    return seed;
}

QStringList completions(QStringView prefix, int limit)
{
    QStringList out;
    const QString wanted = prefix.trimmed().toString().toLower();
    if (wanted.isEmpty() || limit <= 0)
        return out;
    const QStringList &words = wordList().words;
    auto it = std::lower_bound(words.begin(), words.end(), wanted);
    for (; it != words.end() && it->startsWith(wanted) && out.size() < limit; ++it)
        out.append(*it);
    return out;
}

} // namespace ovpp::core::mnemonic
