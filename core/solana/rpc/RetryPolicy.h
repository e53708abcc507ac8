#pragma once

// When and how often RpcClient tries a request again. Pure arithmetic, kept apart from the
// client so that the schedule is obvious and testable without a network.

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace ovpp::core {

struct RetryPolicy
{
    int maxAttempts = 4; // including the first one
    int baseDelayMs = 250; // backoff before the second attempt, doubling after that
    int maxDelayMs = 8000; // backoff cap (a Retry-After may ask for more, up to maxRetryAfterMs)
    int timeoutMs = 30000; // per attempt: no complete answer by then counts as a failure
    int maxRetryAfterMs = 60000; // a server asking to wait longer than this fails the call

    // The wait after `failedAttempts` (>= 1) failures: exponential backoff with "equal jitter"
    // (half fixed, half random, `jitter` in [0, 1)) so that many clients hitting the same
    // limit do not come back in lock-step, and never less than the server's Retry-After.
    int delayMs(int failedAttempts, double jitter, std::optional<qint64> retryAfterMs = {}) const;

    // A Retry-After header value in milliseconds: delta-seconds or an HTTP-date relative to
    // `now`. nullopt when the value is neither; dates in the past give 0.
    static std::optional<qint64> parseRetryAfterMs(QByteArrayView value, const QDateTime &now);
};

} // namespace ovpp::core
