#pragma once

// The one scheduler for everything the app polls: devices, RPC, registry, payouts.
//
// Each endpoint has its own interval. A job never blocks: it is started with a completion
// callback (or returns a QFuture) and may finish on any thread; the poller handles the result
// on its own thread, from its event loop. An endpoint never has two polls in flight. After a
// failure the next attempt waits an exponentially growing backoff with jitter (so a fleet of
// devices that failed together does not retry in lockstep); a success resets it. After
// `offlineAfterMisses` consecutive failures the endpoint reads as offline, and online again at
// its next success. A poll that does not complete within its timeout counts as a failure and
// its late completion is ignored.
//
// The poller runs on whatever thread owns it; the GUI only sees its signals (queued across
// threads). Time comes from a Clock: the default is the monotonic clock with a QTimer; tests
// and simulations can supply their own.

#include "common/Result.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace ovpp::core {

class Poller : public QObject
{
    Q_OBJECT

public:
    enum class Availability { Unknown, Online, Offline };
    Q_ENUM(Availability)

    // A source of time and wake-ups. scheduleWake replaces any earlier request; the poller calls
    // these only from its own thread, and the wake handler must be called on that thread.
    class Clock
    {
    public:
        virtual ~Clock() = default;
        virtual qint64 nowMs() const = 0;
        virtual void setWakeHandler(std::function<void()> handler) = 0;
        virtual void scheduleWake(qint64 atMs) = 0;
        virtual void cancelWake() = 0;
    };

    struct Options
    {
        qint64 intervalMs = 10'000;
        qint64 timeoutMs = 30'000; // a poll still running after this counts as failed
        qint64 initialBackoffMs = 0; // first retry delay after a failure; 0 = intervalMs
        qint64 maxBackoffMs = 10 * 60'000;
        int jitterPermille = 200; // a retry waits backoff * (1 - u * jitter), u uniform in [0, 1)
        int offlineAfterMisses = 3;
    };

    using Done = std::function<void(Result<void>)>;
    // Starts one poll and returns at once; calls done exactly once, from any thread.
    using Job = std::function<void(Done done)>;

    // Adapts a job that returns a future (e.g. an RpcClient call) to a Job. A cancelled future
    // counts as a failure.
    template<typename T> static Job futureJob(std::function<QFuture<Result<T>>()> start)
    {
        return [start = std::move(start)](Done done) {
            QFuture<Result<T>> future = start();
            future
                .then([done](const Result<T> &result) {
                    done(result.ok() ? Result<void> {} : Result<void>(result.error()));
                })
                .onCanceled([done] {
                    done(makeError(ErrorCode::Cancelled, QStringLiteral("poll cancelled")));
                });
        };
    }

    explicit Poller(QObject *parent = nullptr);
    explicit Poller(std::unique_ptr<Clock> clock, QObject *parent = nullptr);
    ~Poller() override;

    // Adds an endpoint and polls it as soon as the event loop runs. `name` is for logs and
    // must not hold secrets (no URLs with API keys). Returns the endpoint's id (never reused).
    quint64 addEndpoint(const QString &name, const Options &options, Job job);
    // Forgets an endpoint; a poll in flight may still complete but is ignored.
    void removeEndpoint(quint64 endpoint);

    // A paused endpoint is not polled; a poll in flight completes and is recorded. Resuming
    // polls at once.
    void pause(quint64 endpoint);
    void resume(quint64 endpoint);
    // Pauses everything (e.g. while the network is down or the app sleeps), on top of the
    // per-endpoint state.
    void pauseAll();
    void resumeAll();
    // Polls now (unless paused or already in flight), e.g. for a user's refresh.
    void pollNow(quint64 endpoint);

    bool contains(quint64 endpoint) const { return m_endpoints.contains(endpoint); }
    Availability availability(quint64 endpoint) const;
    int consecutiveFailures(quint64 endpoint) const;
    bool isPaused(quint64 endpoint) const;
    bool isInFlight(quint64 endpoint) const;
    // When the endpoint is next due on the clock (ms), or -1 if paused, in flight or unknown.
    qint64 nextDueMs(quint64 endpoint) const;

Q_SIGNALS:
    void pollStarted(quint64 endpoint);
    void pollSucceeded(quint64 endpoint);
    void pollFailed(quint64 endpoint, const ovpp::core::Error &error);
    void availabilityChanged(quint64 endpoint, ovpp::core::Poller::Availability availability);

private:
    struct Endpoint
    {
        QString name;
        Options options;
        Job job;
        qint64 nextDueMs = 0;
        qint64 startedMs = 0;
        quint64 generation = 0; // of the poll in flight; stale completions are ignored
        bool inFlight = false;
        bool paused = false;
        int failures = 0;
        qint64 backoffMs = 0;
        Availability availability = Availability::Unknown;
    };
    struct Guard; // lets completions from other threads find a still-living poller

    qint64 now() const;
    void reschedule();
    void wake();
    void start(quint64 id);
    void complete(quint64 id, quint64 generation, Result<void> result);
    qint64 retryDelay(Endpoint &endpoint);

    std::unique_ptr<Clock> m_clock; // null: the monotonic clock and m_timer
    QElapsedTimer m_elapsed;
    QTimer m_timer;
    QMap<quint64, Endpoint> m_endpoints;
    quint64 m_nextId = 1;
    quint64 m_nextGeneration = 1;
    bool m_allPaused = false;
    bool m_waking = false;
    std::shared_ptr<Guard> m_guard;
};

} // namespace ovpp::core
