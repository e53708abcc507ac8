#include "RetryPolicy.h"

#include <QLocale>
#include <QString>

#include <algorithm>

namespace ovpp::core {

int RetryPolicy::delayMs(int failedAttempts, double jitter,
                         std::optional<qint64> retryAfterMs) const
{
    const int shift = std::clamp(failedAttempts - 1, 0, 20);
    const qint64 exponential = std::min<qint64>(qint64(baseDelayMs) << shift, maxDelayMs);
    const double unit = std::clamp(jitter, 0.0, 1.0);
    qint64 delay = exponential / 2 + static_cast<qint64>(unit * double(exponential / 2));
    if (retryAfterMs)
        delay = std::max(delay, *retryAfterMs);
    return static_cast<int>(std::clamp<qint64>(delay, 0, std::max(maxDelayMs, maxRetryAfterMs)));
}

std::optional<qint64> RetryPolicy::parseRetryAfterMs(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (text.size() > 9)
            return std::nullopt; // more than 30 years: not a sensible wait
        return text.toLongLong() * 1000;
    }
    // HTTP-date, IMF-fixdate form: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}

} // namespace ovpp::core
