// The poller against a manual clock: time only moves when the test says so, so intervals,
// backoff and timeouts are checked as exact schedule positions, never as wall time.

#include "der/Poller.h"

#include <QCoreApplication>
#include <QPromise>
#include <QSignalSpy>
#include <QtConcurrent>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using ovpp::core::Error;
using ovpp::core::ErrorCode;
using ovpp::core::makeError;
using ovpp::core::Poller;
using ovpp::core::Result;

namespace {

class ManualClock : public Poller::Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void setWakeHandler(std::function<void()> handler) override { m_handler = std::move(handler); }
    void scheduleWake(qint64 atMs) override { m_wakeAt = atMs; }
    void cancelWake() override { m_wakeAt = -1; }

    qint64 wakeAt() const { return m_wakeAt; }

    // Moves time forward to `target`, stopping at every requested wake-up on the way and
    // delivering the completions each one queues.
    void advanceTo(qint64 target)
    {
        QCoreApplication::processEvents();
        int guard = 0;
        while (m_wakeAt >= 0 && m_wakeAt <= target) {
            ASSERT_LT(++guard, 100000) << "the poller keeps waking at " << m_wakeAt;
            m_now = std::max(m_now, m_wakeAt);
            m_wakeAt = -1;
            if (m_handler)
                m_handler();
            QCoreApplication::processEvents();
        }
        m_now = std::max(m_now, target);
    }

private:
    qint64 m_now = 0;
    qint64 m_wakeAt = -1;
    std::function<void()> m_handler;
};

struct Fixture : ::testing::Test
{
    ManualClock *clock = nullptr;
    std::unique_ptr<Poller> poller;

    void SetUp() override
    {
        auto owned = std::make_unique<ManualClock>();
        clock = owned.get();
        poller = std::make_unique<Poller>(std::move(owned));
    }

    static Poller::Options options(qint64 interval)
    {
        Poller::Options o;
        o.intervalMs = interval;
        o.jitterPermille = 0;
        o.timeoutMs = 1'000'000;
        return o;
    }
};

// A job whose outcome the test scripts: it answers synchronously with the next planned result.
struct ScriptedJob
{
    std::shared_ptr<std::vector<qint64>> calls = std::make_shared<std::vector<qint64>>();
    std::shared_ptr<std::vector<bool>> outcomes = std::make_shared<std::vector<bool>>();

    Poller::Job job(ManualClock *clock) const
    {
        return [calls = calls, outcomes = outcomes, clock](Poller::Done done) {
            const size_t index = calls->size();
            calls->push_back(clock->nowMs());
            const bool ok = index < outcomes->size() ? (*outcomes)[index] : true;
            done(ok ? Result<void> {} : Result<void>(makeError(ErrorCode::Unavailable, "down")));
        };
    }
};

TEST_F(Fixture, IntervalsAreHonouredInOrder)
{
    std::vector<std::pair<char, qint64>> log;
    auto job = [this, &log](char name) {
        return [this, &log, name](Poller::Done done) {
            log.emplace_back(name, clock->nowMs());
            done({});
        };
    };
    poller->addEndpoint("a", options(1000), job('a'));
    poller->addEndpoint("b", options(2500), job('b'));
    clock->advanceTo(10'000);

    std::vector<std::pair<char, qint64>> expected;
    for (qint64 t = 0; t <= 10'000; t += 500) {
        if (t % 1000 == 0)
            expected.emplace_back('a', t);
        if (t % 2500 == 0)
            expected.emplace_back('b', t);
    }
    EXPECT_EQ(log, expected);
}

TEST_F(Fixture, NothingRunsBeforeTheEventLoopOrClockDoes)
{
    ScriptedJob scripted;
    const quint64 id = poller->addEndpoint("a", options(1000), scripted.job(clock));
    EXPECT_TRUE(scripted.calls->empty()); // adding never calls the job synchronously
    EXPECT_EQ(poller->nextDueMs(id), 0);
    clock->advanceTo(0);
    EXPECT_EQ(scripted.calls->size(), 1u);
    EXPECT_EQ(poller->nextDueMs(id), 1000);
}

TEST_F(Fixture, BackoffGrowsAfterFailuresAndResetsAfterSuccess)
{
    ScriptedJob scripted;
    // fail x4, succeed, fail, succeed...
    *scripted.outcomes = {false, false, false, false, true, false, true};
    auto o = options(1000);
    o.maxBackoffMs = 5000;
    o.offlineAfterMisses = 100;
    poller->addEndpoint("a", o, scripted.job(clock));
    clock->advanceTo(30'000);

    ASSERT_GE(scripted.calls->size(), 8u);
    std::vector<qint64> gaps;
    for (size_t i = 1; i < 8; ++i)
        gaps.push_back((*scripted.calls)[i] - (*scripted.calls)[i - 1]);
    // After failures: 1000, 2000, 4000, then capped at 5000; after the success the interval;
    // after the next failure the backoff starts again from the beginning.
    const std::vector<qint64> expected
        = {o.intervalMs, 2 * o.intervalMs, 4 * o.intervalMs, o.maxBackoffMs,
           o.intervalMs, o.intervalMs,     o.intervalMs};
    EXPECT_EQ(gaps, expected);
}

TEST_F(Fixture, InitialBackoffOverridesInterval)
{
    ScriptedJob scripted;
    *scripted.outcomes = {false, false};
    auto o = options(10'000);
    o.initialBackoffMs = 300;
    poller->addEndpoint("a", o, scripted.job(clock));
    clock->advanceTo(1000);
    ASSERT_EQ(scripted.calls->size(), 3u);
    EXPECT_EQ((*scripted.calls)[1], 300);
    EXPECT_EQ((*scripted.calls)[2], 300 + 600);
}

TEST_F(Fixture, JitterShortensRetriesWithinItsBound)
{
    ScriptedJob scripted;
    *scripted.outcomes = std::vector<bool>(50, false);
    auto o = options(1000);
    o.jitterPermille = 500;
    o.maxBackoffMs = 1000; // keep the backoff flat so every gap has the same bounds
    poller->addEndpoint("a", o, scripted.job(clock));
    clock->advanceTo(100'000);
    ASSERT_GE(scripted.calls->size(), 50u);
    for (size_t i = 1; i < 50; ++i) {
        const qint64 gap = (*scripted.calls)[i] - (*scripted.calls)[i - 1];
        EXPECT_GT(gap, 500);
        EXPECT_LE(gap, 1000);
    }
}

TEST_F(Fixture, OfflineAfterMissesAndOnlineAgain)
{
    ScriptedJob scripted;
    *scripted.outcomes = {true, false, false, false, false, true};
    auto o = options(1000);
    o.offlineAfterMisses = 3;
    o.maxBackoffMs = 1000;
    const quint64 id = poller->addEndpoint("a", o, scripted.job(clock));
    QSignalSpy changes(poller.get(), &Poller::availabilityChanged);
    QSignalSpy failures(poller.get(), &Poller::pollFailed);

    EXPECT_EQ(poller->availability(id), Poller::Availability::Unknown);
    clock->advanceTo(0);
    EXPECT_EQ(poller->availability(id), Poller::Availability::Online);
    clock->advanceTo(2000); // two misses
    EXPECT_EQ(poller->consecutiveFailures(id), 2);
    EXPECT_EQ(poller->availability(id), Poller::Availability::Online);
    clock->advanceTo(3000); // third miss
    EXPECT_EQ(poller->availability(id), Poller::Availability::Offline);
    clock->advanceTo(4000); // fourth miss: still offline, no new signal
    clock->advanceTo(5000); // success
    EXPECT_EQ(poller->availability(id), Poller::Availability::Online);
    EXPECT_EQ(poller->consecutiveFailures(id), 0);

    ASSERT_EQ(changes.count(), 3);
    EXPECT_EQ(changes.at(0).at(1).value<Poller::Availability>(), Poller::Availability::Online);
    EXPECT_EQ(changes.at(1).at(1).value<Poller::Availability>(), Poller::Availability::Offline);
    EXPECT_EQ(changes.at(2).at(1).value<Poller::Availability>(), Poller::Availability::Online);
    ASSERT_EQ(failures.count(), 4);
    EXPECT_EQ(failures.at(0).at(1).value<Error>().code, ErrorCode::Unavailable);
}

TEST_F(Fixture, PauseAndResume)
{
    ScriptedJob a;
    ScriptedJob b;
    const quint64 idA = poller->addEndpoint("a", options(1000), a.job(clock));
    poller->addEndpoint("b", options(1000), b.job(clock));
    clock->advanceTo(0);
    poller->pause(idA);
    EXPECT_TRUE(poller->isPaused(idA));
    EXPECT_EQ(poller->nextDueMs(idA), -1);
    clock->advanceTo(5500);
    EXPECT_EQ(a.calls->size(), 1u);
    EXPECT_EQ(b.calls->size(), 6u);

    poller->resume(idA); // polls at once
    clock->advanceTo(5500);
    ASSERT_EQ(a.calls->size(), 2u);
    EXPECT_EQ(a.calls->back(), 5500);

    poller->pauseAll();
    clock->advanceTo(20'000);
    EXPECT_EQ(a.calls->size(), 2u);
    EXPECT_EQ(b.calls->size(), 6u);
    EXPECT_EQ(clock->wakeAt(), -1); // nothing to wake for

    poller->resumeAll(); // both overdue: polled at once, in due order
    clock->advanceTo(20'000);
    EXPECT_EQ(a.calls->size(), 3u);
    EXPECT_EQ(b.calls->size(), 7u);
    EXPECT_EQ(a.calls->back(), 20'000);
    EXPECT_EQ(b.calls->back(), 20'000);
}

TEST_F(Fixture, PollNowSkipsTheWait)
{
    ScriptedJob scripted;
    const quint64 id = poller->addEndpoint("a", options(60'000), scripted.job(clock));
    clock->advanceTo(100);
    poller->pollNow(id);
    clock->advanceTo(100);
    ASSERT_EQ(scripted.calls->size(), 2u);
    EXPECT_EQ(scripted.calls->back(), 100);
}

TEST_F(Fixture, RemovingAnEndpointMidFlightIgnoresItsCompletion)
{
    std::vector<Poller::Done> pending;
    int calls = 0;
    const quint64 id = poller->addEndpoint("a", options(1000), [&](Poller::Done done) {
        ++calls;
        pending.push_back(std::move(done));
    });
    QSignalSpy succeeded(poller.get(), &Poller::pollSucceeded);
    QSignalSpy failed(poller.get(), &Poller::pollFailed);
    clock->advanceTo(0);
    ASSERT_EQ(calls, 1);
    EXPECT_TRUE(poller->isInFlight(id));
    clock->advanceTo(5000); // in flight: not started again
    EXPECT_EQ(calls, 1);

    poller->removeEndpoint(id);
    EXPECT_FALSE(poller->contains(id));
    pending.front()({});
    clock->advanceTo(10'000);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(succeeded.count(), 0);
    EXPECT_EQ(failed.count(), 0);
}

TEST_F(Fixture, AJobMayRemoveItsOwnEndpoint)
{
    int calls = 0;
    quint64 id = 0;
    id = poller->addEndpoint("a", options(1000), [&](Poller::Done done) {
        ++calls;
        poller->removeEndpoint(id);
        done({});
    });
    clock->advanceTo(5000);
    EXPECT_EQ(calls, 1);
    EXPECT_FALSE(poller->contains(id));
}

TEST_F(Fixture, ATimedOutPollFailsAndItsLateCompletionIsIgnored)
{
    std::vector<Poller::Done> pending;
    auto o = options(1000);
    o.timeoutMs = 3000;
    o.maxBackoffMs = 1000;
    const quint64 id = poller->addEndpoint(
        "a", o, [&](Poller::Done done) { pending.push_back(std::move(done)); });
    QSignalSpy succeeded(poller.get(), &Poller::pollSucceeded);
    QSignalSpy failed(poller.get(), &Poller::pollFailed);
    clock->advanceTo(2999);
    EXPECT_EQ(failed.count(), 0);
    clock->advanceTo(3000);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(poller->consecutiveFailures(id), 1);

    pending.at(0)({}); // too late
    clock->advanceTo(3000);
    EXPECT_EQ(succeeded.count(), 0);
    EXPECT_EQ(poller->consecutiveFailures(id), 1);

    clock->advanceTo(4000); // the retry, answered twice: only the first answer counts
    ASSERT_EQ(pending.size(), 2u);
    pending.at(1)({});
    pending.at(1)(makeError(ErrorCode::Unavailable, "again"));
    clock->advanceTo(4000);
    EXPECT_EQ(succeeded.count(), 1);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_EQ(poller->consecutiveFailures(id), 0);
}

TEST_F(Fixture, CompletionFromAnotherThreadIsHandledOnThePollersThread)
{
    QThread *pollerThread = QThread::currentThread();
    QThread *handledOn = nullptr;
    const quint64 id = poller->addEndpoint(
        "a", options(1000),
        Poller::futureJob<int>([] { return QtConcurrent::run([] { return Result<int>(7); }); }));
    QObject::connect(poller.get(), &Poller::pollSucceeded, poller.get(),
                     [&](quint64) { handledOn = QThread::currentThread(); });
    QSignalSpy succeeded(poller.get(), &Poller::pollSucceeded);
    clock->advanceTo(0);
    ASSERT_TRUE(succeeded.count() == 1 || succeeded.wait(10'000));
    EXPECT_EQ(handledOn, pollerThread);
    EXPECT_EQ(poller->availability(id), Poller::Availability::Online);
}

TEST_F(Fixture, FailedAndCancelledFuturesCountAsFailures)
{
    poller->addEndpoint("err", options(1000), Poller::futureJob<int>([] {
                            return QtConcurrent::run(
                                [] { return Result<int>(makeError(ErrorCode::IoError, "x")); });
                        }));
    poller->addEndpoint("cancel", options(1000), Poller::futureJob<int>([] {
                            QPromise<Result<int>> promise;
                            QFuture<Result<int>> future = promise.future();
                            promise.start();
                            future.cancel();
                            promise.finish();
                            return future;
                        }));
    QSignalSpy failed(poller.get(), &Poller::pollFailed);
    clock->advanceTo(0);
    while (failed.count() < 2 && failed.wait(10'000)) { }
    ASSERT_EQ(failed.count(), 2);
    std::vector<ErrorCode> codes
        = {failed.at(0).at(1).value<Error>().code, failed.at(1).at(1).value<Error>().code};
    std::sort(codes.begin(), codes.end());
    std::vector<ErrorCode> expected = {ErrorCode::IoError, ErrorCode::Cancelled};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(codes, expected);
}

TEST_F(Fixture, DestroyingThePollerWithAPollInFlightIsSafe)
{
    std::vector<Poller::Done> pending;
    poller->addEndpoint("a", options(1000),
                        [&](Poller::Done done) { pending.push_back(std::move(done)); });
    clock->advanceTo(0);
    ASSERT_EQ(pending.size(), 1u);
    poller.reset();
    pending.front()({}); // must not touch the dead poller
    QCoreApplication::processEvents();
    SUCCEED();
}

// The default clock: real timers, so only counts and order are checked, never durations.
TEST(PollerSystemClock, PollsRepeatedlyOnTheRealClock)
{
    Poller poller;
    int calls = 0;
    Poller::Options o;
    o.intervalMs = 5;
    poller.addEndpoint("a", o, [&](Poller::Done done) {
        ++calls;
        done({});
    });
    QSignalSpy succeeded(&poller, &Poller::pollSucceeded);
    while (succeeded.count() < 3 && succeeded.wait(10'000)) { }
    EXPECT_GE(succeeded.count(), 3);
    EXPECT_EQ(calls, succeeded.count());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
