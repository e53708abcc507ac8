#include "Base58.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace ovpp::core::base58 {

namespace {

constexpr char Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Reverse table: -1 for bytes outside the alphabet.
constexpr std::array<std::int8_t, 256> makeDigits()
{
    std::array<std::int8_t, 256> table {};
    for (auto &d : table)
        d = -1;
    for (int i = 0; i < 58; ++i)
        table[static_cast<unsigned char>(Alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}
constexpr std::array<std::int8_t, 256> Digits = makeDigits();

int digitOf(char32_t c)
{
    return c < 128 ? Digits[c] : -1;
}

// The classic base conversion (as in Bitcoin Core): O(n^2), fine for keys and signatures.
// `work` receives the base-58 digits, most significant first, of the non-zero part; returns how
// many of its trailing entries are used.
std::size_t toDigits(std::span<const std::uint8_t> bytes, std::span<std::uint8_t> work)
{
    std::size_t length = 0;
    const std::size_t size = work.size();
    for (const std::uint8_t byte : bytes) {
        int carry = byte;
        std::size_t i = 0;
        for (auto it = size; (carry != 0 || i < length) && it > 0; --it, ++i) {
            carry += 256 * work[it - 1];
            work[it - 1] = static_cast<std::uint8_t>(carry % 58);
            carry /= 58;
        }
        length = i;
    }
    return length;
}

std::size_t leadingZeros(std::span<const std::uint8_t> bytes)
{
    std::size_t zeros = 0;
    while (zeros < bytes.size() && bytes[zeros] == 0)
        ++zeros;
    return zeros;
}

// log(256) / log(58) < 1.38: an upper bound on the digits of the non-zero part.
std::size_t encodedBound(std::size_t bytes)
{
    return bytes * 138 / 100 + 1;
}

// log(58) / log(256) < 0.733.
std::size_t decodedBound(std::size_t chars)
{
    return chars * 733 / 1000 + 1;
}

// Decodes digits (already validated, values 0..57, leading '1's removed) into `work`; returns
// how many trailing bytes of `work` are used.
std::size_t fromDigits(std::span<const std::uint8_t> digits, std::span<std::uint8_t> work)
{
    std::size_t length = 0;
    const std::size_t size = work.size();
    for (const std::uint8_t digit : digits) {
        int carry = digit;
        std::size_t i = 0;
        for (auto it = size; (carry != 0 || i < length) && it > 0; --it, ++i) {
            carry += 58 * work[it - 1];
            work[it - 1] = static_cast<std::uint8_t>(carry % 256);
            carry /= 256;
        }
        length = i;
    }
    return length;
}

// How a rejected character reads in an error message: spaces and control characters are easy
// to miss when quoted.
QString describeCharacter(char32_t c)
{
    switch (c) {
    case U' ':
        return QStringLiteral("a space");
    case U'\t':
        return QStringLiteral("a tab");
    case U'\n':
    case U'\r':
        return QStringLiteral("a line break");
    default:
        break;
    }
    const QString hex = QString::number(static_cast<uint>(c), 16).toUpper().rightJustified(4, u'0');
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return QStringLiteral("control character U+") + hex;
    const QString quoted = QStringLiteral("\"%1\"").arg(QString::fromUcs4(&c, 1));
    switch (c) {
    case U'0':
    case U'O':
    case U'I':
    case U'l':
        return quoted + QStringLiteral(" (base58 leaves out 0, O, I and l)");
    default:
        break;
    }
    if (c >= 0x80)
        return QStringLiteral("%1 (U+%2)").arg(quoted, hex);
    return quoted;
}

} // namespace

QString encode(std::span<const std::uint8_t> bytes)
{
    const std::size_t zeros = leadingZeros(bytes);
    const auto rest = bytes.subspan(zeros);
    std::vector<std::uint8_t> work(encodedBound(rest.size()));
    const std::size_t used = toDigits(rest, work);

    QString out;
    out.reserve(static_cast<qsizetype>(zeros + used));
    out.fill(u'1', static_cast<qsizetype>(zeros));
    for (std::size_t i = work.size() - used; i < work.size(); ++i)
        out.append(QLatin1Char(Alphabet[work[i]]));
    return out;
}

Result<QByteArray> decode(QStringView text)
{
    std::vector<std::uint8_t> digits;
    digits.reserve(static_cast<std::size_t>(text.size()));
    qsizetype position = 0; // in characters (a surrogate pair counts once), for the message
    for (qsizetype i = 0; i < text.size(); ++i, ++position) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const int digit = digitOf(c);
        if (digit < 0) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 at position %2 is not a base58 character")
                                 .arg(describeCharacter(c))
                                 .arg(position + 1));
        }
        digits.push_back(static_cast<std::uint8_t>(digit));
    }

    const std::size_t ones = static_cast<std::size_t>(
        std::find_if(digits.begin(), digits.end(), [](std::uint8_t d) { return d != 0; })
        - digits.begin());
    const auto rest = std::span<const std::uint8_t>(digits).subspan(ones);
    std::vector<std::uint8_t> work(decodedBound(rest.size()));
    const std::size_t used = fromDigits(rest, work);

    QByteArray out(static_cast<qsizetype>(ones + used), '\0');
    if (used)
        std::memcpy(out.data() + ones, work.data() + (work.size() - used), used);
    return out;
}

SecretBytes encodeSecret(std::span<const std::uint8_t> bytes)
{
    const std::size_t zeros = leadingZeros(bytes);
    const auto rest = bytes.subspan(zeros);
    SecretBytes work(encodedBound(rest.size()));
    const std::size_t used = toDigits(rest, work.span());

    SecretBytes out(zeros + used);
    if (zeros)
        std::memset(out.data(), '1', zeros);
    for (std::size_t i = 0; i < used; ++i)
        out.data()[zeros + i]
            = static_cast<std::uint8_t>(Alphabet[work.data()[work.size() - used + i]]);
    return out;
}

Result<SecretBytes> decodeSecret(std::span<const std::uint8_t> asciiText)
{
    SecretBytes digits(asciiText.size());
    for (std::size_t i = 0; i < asciiText.size(); ++i) {
        const int digit = Digits[asciiText[i]];
        if (digit < 0) {
            // The character itself is not echoed: it may be a mistyped part of the secret.
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the character at position %1 is not a base58 "
                                            "character (base58 uses 1-9, A-Z and a-z without "
                                            "0, O, I and l)")
                                 .arg(i + 1));
        }
        digits.data()[i] = static_cast<std::uint8_t>(digit);
    }

    const std::size_t ones = leadingZeros(digits.span());
    const auto rest = digits.span().subspan(ones);
    SecretBytes work(decodedBound(rest.size()));
    const std::size_t used = fromDigits(rest, work.span());

    SecretBytes out(ones + used); // zero-filled: the leading '1's
    if (used)
        std::memcpy(out.data() + ones, work.data() + (work.size() - used), used);
    return out;
}

} // namespace ovpp::core::base58
