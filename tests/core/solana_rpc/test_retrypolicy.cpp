// RetryPolicy: the backoff schedule, its jitter bounds and Retry-After parsing.
#include "solana/rpc/RetryPolicy.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

TEST(RetryPolicy, BackoffDoublesWithinJitterBoundsAndIsCapped)
{
    RetryPolicy p;
    p.baseDelayMs = 100;
    p.maxDelayMs = 1000;
    for (int failed = 1; failed <= 8; ++failed) {
        const int full = std::min(100 << (failed - 1), 1000);
        EXPECT_EQ(p.delayMs(failed, 0.0), full / 2) << failed;
        EXPECT_LE(p.delayMs(failed, 0.999), full) << failed;
        EXPECT_GE(p.delayMs(failed, 0.999), full / 2) << failed;
    }
}

TEST(RetryPolicy, RetryAfterIsALowerBound)
{
    RetryPolicy p;
    p.baseDelayMs = 100;
    EXPECT_EQ(p.delayMs(1, 0.5, 2000), 2000);
    // A Retry-After shorter than the backoff does not shorten it.
    EXPECT_EQ(p.delayMs(3, 0.0, 10), 200);
}

TEST(RetryPolicy, ParsesDeltaSecondsAndHttpDates)
{
    const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
    EXPECT_EQ(RetryPolicy::parseRetryAfterMs("3", now), 3000);
    EXPECT_EQ(RetryPolicy::parseRetryAfterMs(" 0 ", now), 0);
    EXPECT_EQ(RetryPolicy::parseRetryAfterMs("Wed, 21 Oct 2015 07:28:05 GMT", now), 5000);
    EXPECT_EQ(RetryPolicy::parseRetryAfterMs("Wed, 21 Oct 2015 07:27:00 GMT", now), 0);
    EXPECT_FALSE(RetryPolicy::parseRetryAfterMs("soon", now).has_value());
    EXPECT_FALSE(RetryPolicy::parseRetryAfterMs("-1", now).has_value());
    EXPECT_FALSE(RetryPolicy::parseRetryAfterMs("", now).has_value());
}
