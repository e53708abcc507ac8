#include "RpcJson.h"

#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace ovpp::core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr double MaxExactDouble = 9007199254740992.0; // 2^53

// Digits only, no sign, no spaces: what a quoted integer must look like.
std::optional<std::uint64_t> digitsToU64(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 20)
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : digits) {
        if (!isDigit(c))
            return std::nullopt;
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (value > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return std::nullopt;
        value = value * 10 + d;
    }
    return value;
}

} // namespace

QByteArray RpcJson::quoteLongIntegers(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + 64);
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '"') {
            // Copy the string through its closing quote, skipping escaped characters.
            const qsizetype start = i++;
            while (i < n && text[i] != '"')
                i += text[i] == '\\' ? 2 : 1;
            i = std::min(i + 1, n);
            out.append(text.sliced(start, i - start));
            continue;
        }
        if (c == '-' || isDigit(c)) {
            const qsizetype start = i;
            if (c == '-')
                ++i;
            qsizetype digits = 0;
            while (i < n && isDigit(text[i])) {
                ++i;
                ++digits;
            }
            bool integral = true;
            while (i < n
                   && (isDigit(text[i]) || text[i] == '.' || text[i] == 'e' || text[i] == 'E'
                       || text[i] == '+' || text[i] == '-')) {
                integral = false;
                ++i;
            }
            const QByteArrayView token = text.sliced(start, i - start);
            if (integral && digits >= QuoteFromDigits) {
                out.append('"');
                out.append(token);
                out.append('"');
            } else {
                out.append(token);
            }
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

Result<QJsonDocument> RpcJson::parse(QByteArrayView text)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(quoteLongIntegers(text), &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("malformed JSON (%1 near byte %2)")
                             .arg(error.errorString())
                             .arg(error.offset));
    return document;
}

std::optional<std::uint64_t> RpcJson::toU64(const QJsonValue &value)
{
    if (value.isString())
        return digitsToU64(value.toString().toLatin1());
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!(d >= 0.0) || d > MaxExactDouble || std::floor(d) != d)
        return std::nullopt;
    // Qt 6 keeps integers that fit qint64 exactly; prefer that over the double.
    const qint64 exact = value.toInteger(-1);
    if (exact >= 0)
        return static_cast<std::uint64_t>(exact);
    return static_cast<std::uint64_t>(d);
}

std::optional<std::int64_t> RpcJson::toI64(const QJsonValue &value)
{
    if (value.isString()) {
        const QByteArray text = value.toString().toLatin1();
        const bool negative = text.startsWith('-');
        const auto magnitude = digitsToU64(QByteArrayView(text).sliced(negative ? 1 : 0));
        if (!magnitude)
            return std::nullopt;
        const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (!negative)
            return *magnitude <= limit ? std::optional<std::int64_t>(*magnitude) : std::nullopt;
        if (*magnitude > limit + 1)
            return std::nullopt;
        return *magnitude == limit + 1 ? std::numeric_limits<std::int64_t>::min()
                                       : -static_cast<std::int64_t>(*magnitude);
    }
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::fabs(d) > MaxExactDouble || std::floor(d) != d)
        return std::nullopt;
    return static_cast<std::int64_t>(d);
}

} // namespace ovpp::core
