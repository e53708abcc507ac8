#include "der/Poller.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcPoller, "ovpp.poller", QtInfoMsg)

namespace ovpp::core {

// Completions may arrive on any thread after the poller is gone; they post through this guard,
// which the destructor clears under the same lock.
struct Poller::Guard
{
    QMutex mutex;
    Poller *poller = nullptr;
};

Poller::Poller(QObject *parent)
    : Poller(nullptr, parent)
{ }

Poller::Poller(std::unique_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_timer(this)
    , m_guard(std::make_shared<Guard>())
{
    m_guard->poller = this;
    m_elapsed.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Poller::wake);
    if (m_clock)
        m_clock->setWakeHandler([this] { wake(); });
}

Poller::~Poller()
{
    {
        QMutexLocker lock(&m_guard->mutex);
        m_guard->poller = nullptr;
    }
    if (m_clock) {
        m_clock->cancelWake();
        m_clock->setWakeHandler({});
    }
}

qint64 Poller::now() const
{
    return m_clock ? m_clock->nowMs() : m_elapsed.elapsed();
}

quint64 Poller::addEndpoint(const QString &name, const Options &options, Job job)
{
    const quint64 id = m_nextId++;
    Endpoint endpoint;
    endpoint.name = name;
    endpoint.options = options;
    endpoint.options.intervalMs = std::max<qint64>(1, options.intervalMs);
    endpoint.options.timeoutMs = std::max<qint64>(1, options.timeoutMs);
    endpoint.options.offlineAfterMisses = std::max(1, options.offlineAfterMisses);
    endpoint.options.jitterPermille = std::clamp(options.jitterPermille, 0, 1000);
    endpoint.job = std::move(job);
    endpoint.nextDueMs = now();
    m_endpoints.insert(id, std::move(endpoint));
    qCDebug(lcPoller) << "endpoint" << id << name << "every" << options.intervalMs << "ms";
    reschedule();
    return id;
}

void Poller::removeEndpoint(quint64 endpoint)
{
    if (m_endpoints.remove(endpoint) > 0)
        reschedule();
}

void Poller::pause(quint64 endpoint)
{
    auto it = m_endpoints.find(endpoint);
    if (it == m_endpoints.end() || it->paused)
        return;
    it->paused = true;
    reschedule();
}

void Poller::resume(quint64 endpoint)
{
    auto it = m_endpoints.find(endpoint);
    if (it == m_endpoints.end() || !it->paused)
        return;
    it->paused = false;
    it->nextDueMs = now();
    reschedule();
}

void Poller::pauseAll()
{
    m_allPaused = true;
    reschedule();
}

void Poller::resumeAll()
{
    m_allPaused = false;
    reschedule();
}

void Poller::pollNow(quint64 endpoint)
{
    auto it = m_endpoints.find(endpoint);
    if (it == m_endpoints.end() || it->inFlight || it->paused)
        return;
    it->nextDueMs = now();
    reschedule();
}

Poller::Availability Poller::availability(quint64 endpoint) const
{
    const auto it = m_endpoints.constFind(endpoint);
    return it == m_endpoints.cend() ? Availability::Unknown : it->availability;
}

int Poller::consecutiveFailures(quint64 endpoint) const
{
    const auto it = m_endpoints.constFind(endpoint);
    return it == m_endpoints.cend() ? 0 : it->failures;
}

bool Poller::isPaused(quint64 endpoint) const
{
    const auto it = m_endpoints.constFind(endpoint);
    return it != m_endpoints.cend() && it->paused;
}

bool Poller::isInFlight(quint64 endpoint) const
{
    const auto it = m_endpoints.constFind(endpoint);
    return it != m_endpoints.cend() && it->inFlight;
}

qint64 Poller::nextDueMs(quint64 endpoint) const
{
    const auto it = m_endpoints.constFind(endpoint);
    if (it == m_endpoints.cend() || it->inFlight || it->paused || m_allPaused)
        return -1;
    return it->nextDueMs;
}

void Poller::reschedule()
{
    if (m_waking)
        return; // wake() reschedules once it is done
    qint64 earliest = -1;
    for (const Endpoint &endpoint : std::as_const(m_endpoints)) {
        qint64 at = -1;
        if (endpoint.inFlight)
            at = endpoint.startedMs + endpoint.options.timeoutMs;
        else if (!endpoint.paused && !m_allPaused)
            at = endpoint.nextDueMs;
        if (at >= 0 && (earliest < 0 || at < earliest))
            earliest = at;
    }
    if (m_clock) {
        if (earliest < 0)
            m_clock->cancelWake();
        else
            m_clock->scheduleWake(earliest);
        return;
    }
    if (earliest < 0) {
        m_timer.stop();
        return;
    }
    const qint64 delay = std::max<qint64>(0, earliest - now());
    m_timer.start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void Poller::wake()
{
    m_waking = true;
    const qint64 current = now();

    // Polls that overran their timeout fail now; their late completion will be ignored.
    std::vector<std::pair<quint64, quint64>> overdue;
    for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it) {
        if (it->inFlight && current >= it->startedMs + it->options.timeoutMs)
            overdue.emplace_back(it.key(), it->generation);
    }
    for (const auto &[id, generation] : overdue)
        complete(id, generation,
                 makeError(ErrorCode::Unavailable, QStringLiteral("poll timed out")));

    // Due endpoints start in order of due time, then of age.
    std::vector<std::pair<qint64, quint64>> due;
    if (!m_allPaused) {
        for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it) {
            if (!it->inFlight && !it->paused && it->nextDueMs <= current)
                due.emplace_back(it->nextDueMs, it.key());
        }
    }
    std::sort(due.begin(), due.end());
    for (const auto &entry : due) {
        // An earlier job or slot may have removed, paused or started this one meanwhile.
        const auto it = m_endpoints.constFind(entry.second);
        if (it == m_endpoints.cend() || it->inFlight || it->paused || m_allPaused)
            continue;
        start(entry.second);
    }
    m_waking = false;
    reschedule();
}

void Poller::start(quint64 id)
{
    auto it = m_endpoints.find(id);
    it->inFlight = true;
    it->generation = m_nextGeneration++;
    it->startedMs = now();
    const quint64 generation = it->generation;
    const Job job = it->job; // the job may remove its own endpoint
    Q_EMIT pollStarted(id);

    std::shared_ptr<Guard> guard = m_guard;
    job([guard, id, generation](Result<void> result) {
        QMutexLocker lock(&guard->mutex);
        if (!guard->poller)
            return;
        // Always queued, even on our own thread: a job that completes synchronously must not
        // re-enter the scheduler from inside wake().
        Poller *poller = guard->poller;
        QMetaObject::invokeMethod(
            poller,
            [poller, id, generation, result = std::move(result)]() mutable {
                poller->complete(id, generation, std::move(result));
            },
            Qt::QueuedConnection);
    });
}

qint64 Poller::retryDelay(Endpoint &endpoint)
{
    const qint64 initial = endpoint.options.initialBackoffMs > 0 ? endpoint.options.initialBackoffMs
                                                                 : endpoint.options.intervalMs;
    const qint64 maxBackoff = std::max(initial, endpoint.options.maxBackoffMs);
    endpoint.backoffMs
        = endpoint.backoffMs <= 0 ? initial : std::min(maxBackoff, endpoint.backoffMs * 2);
    const qint64 spread = endpoint.backoffMs * endpoint.options.jitterPermille / 1000;
    if (spread <= 0)
        return endpoint.backoffMs;
    const qint64 cut = static_cast<qint64>(QRandomGenerator::global()->bounded(quint64(spread)));
    return endpoint.backoffMs - cut;
}

void Poller::complete(quint64 id, quint64 generation, Result<void> result)
{
    auto it = m_endpoints.find(id);
    if (it == m_endpoints.end() || !it->inFlight || it->generation != generation)
        return; // removed, timed out, or a second call of done
    Endpoint &endpoint = *it;
    endpoint.inFlight = false;
    const qint64 current = now();
    const Availability before = endpoint.availability;
    if (result.ok()) {
        endpoint.failures = 0;
        endpoint.backoffMs = 0;
        endpoint.nextDueMs = std::max(endpoint.startedMs + endpoint.options.intervalMs, current);
        endpoint.availability = Availability::Online;
    } else {
        ++endpoint.failures;
        endpoint.nextDueMs = current + retryDelay(endpoint);
        if (endpoint.failures >= endpoint.options.offlineAfterMisses)
            endpoint.availability = Availability::Offline;
        qCDebug(lcPoller) << "endpoint" << id << "failed" << endpoint.failures << "times; retry in"
                          << endpoint.nextDueMs - current << "ms";
    }
    const Availability after = endpoint.availability;
    reschedule();

    if (result.ok())
        Q_EMIT pollSucceeded(id);
    else
        Q_EMIT pollFailed(id, result.error());
    if (after != before) {
        // Going offline is worth a line in the log; coming (back) online is routine.
        if (after == Availability::Offline)
            qCInfo(lcPoller) << "endpoint" << id << "is offline after" << endpoint.failures
                             << "failed polls";
        else
            qCDebug(lcPoller) << "endpoint" << id << "is" << after;
        Q_EMIT availabilityChanged(id, after);
    }
}

} // namespace ovpp::core
