#include "PaymentAmount.h"

namespace ovpp::core {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool allDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

struct Parts
{
    QStringView integer; // without leading zeros, may be empty (= 0)
    QStringView fraction; // without trailing zeros, may be empty
};

// Assumes isWellFormed(text).
Parts split(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    QStringView integer = dot < 0 ? text : text.left(dot);
    QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    while (!integer.isEmpty() && integer.front() == QLatin1Char('0'))
        integer = integer.mid(1);
    while (!fraction.isEmpty() && fraction.back() == QLatin1Char('0'))
        fraction.chop(1);
    return {integer, fraction};
}

Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidArgument, detail);
}

} // namespace

bool PaymentAmount::isWellFormed(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return allDigits(text);
    return allDigits(text.left(dot)) && allDigits(text.mid(dot + 1));
}

Result<QString> PaymentAmount::normalized(QStringView text)
{
    if (!isWellFormed(text))
        return invalid(QStringLiteral("amount invalid: expected digits with an optional "
                                      "fraction, like 1 or 0.5"));
    const Parts parts = split(text);
    QString out = parts.integer.isEmpty() ? QStringLiteral("0") : parts.integer.toString();
    if (!parts.fraction.isEmpty())
        out += QLatin1Char('.') + parts.fraction.toString();
    return out;
}

Result<std::uint64_t> PaymentAmount::toBaseUnits(QStringView text, std::uint8_t decimals)
{
    if (!isWellFormed(text))
        return invalid(QStringLiteral("amount invalid: expected digits with an optional "
                                      "fraction, like 1 or 0.5"));
    if (decimals > MaxDecimals)
        return invalid(QStringLiteral("amount too large: %1 decimals").arg(decimals));
    const Parts parts = split(text);
    if (parts.fraction.size() > decimals)
        return invalid(QStringLiteral("amount decimals invalid: at most %1 decimal places "
                                      "allowed, got %2")
                           .arg(decimals)
                           .arg(parts.fraction.size()));

    // Digits of integer||fraction||zero padding, accumulated with overflow checks.
    std::uint64_t value = 0;
    const auto push = [&value](unsigned digit) {
        if (value > (UINT64_MAX - digit) / 10)
            return false;
        value = value * 10 + digit;
        return true;
    };
    const Error tooLarge = invalid(QStringLiteral("amount too large"));
    for (const QChar c : parts.integer) {
        if (!push(unsigned(c.unicode() - u'0')))
            return tooLarge;
    }
    for (const QChar c : parts.fraction) {
        if (!push(unsigned(c.unicode() - u'0')))
            return tooLarge;
    }
    for (qsizetype i = parts.fraction.size(); i < decimals; ++i) {
        if (!push(0))
            return tooLarge;
    }
    return value;
}

QString PaymentAmount::fromBaseUnits(std::uint64_t units, std::uint8_t decimals)
{
    QString digits = QString::number(units);
    if (decimals == 0)
        return digits;
    if (digits.size() <= decimals)
        digits = QString(decimals + 1 - digits.size(), QLatin1Char('0')) + digits;
    QString integer = digits.left(digits.size() - decimals);
    QString fraction = digits.right(decimals);
    while (!fraction.isEmpty() && fraction.back() == QLatin1Char('0'))
        fraction.chop(1);
    return fraction.isEmpty() ? integer : integer + QLatin1Char('.') + fraction;
}

} // namespace ovpp::core
