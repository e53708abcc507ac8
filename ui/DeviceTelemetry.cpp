#include "DeviceTelemetry.h"

#include "store/TelemetryStore.h"

#include <QDate>
#include <QDateTime>
#include <QMetaObject>
#include <QPointer>
#include <QTime>

namespace ovpp::ui {

namespace {

// Below this many raw readings in the window, the chart shows them one by one.
constexpr int kRawPointLimit = 60;

qint64 localStartOf(const QDate &date)
{
    return QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch();
}

// max - min of a monotonic counter over [from, to): the energy counted in that window.
core::Result<std::optional<qint64>> counted(core::TelemetryStore &store, qint64 device,
                                            qint64 fromMs, qint64 toMs)
{
    auto buckets = store.downsample(device, core::TelemetryKind::EnergyWattHours, fromMs, toMs,
                                    toMs - fromMs);
    if (!buckets)
        return buckets.error();
    if (buckets->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>(buckets->constFirst().max - buckets->constFirst().min);
}

} // namespace

DeviceTelemetry::DeviceTelemetry(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_store(std::make_shared<std::unique_ptr<core::TelemetryStore>>())
{
    m_pool.setMaxThreadCount(1);
    // Keep the thread (and its SQLite connection) between reads.
    m_pool.setExpiryTimeout(-1);
}

DeviceTelemetry::~DeviceTelemetry()
{
    // Close the connection on the thread that opened it.
    auto store = m_store;
    m_pool.start([store] {
        if (*store) {
            (*store)->closeThreadConnection();
            store->reset();
        }
    });
    m_pool.waitForDone();
}

template<typename T>
void DeviceTelemetry::run(std::function<core::Result<T>(core::TelemetryStore &)> job,
                          std::function<void(core::Result<T>)> done)
{
    QPointer<DeviceTelemetry> self(this);
    auto store = m_store;
    const QString path = m_storePath;
    m_pool.start([self, store, path, job = std::move(job), done = std::move(done)] {
        core::Result<T> result = core::Error {core::ErrorCode::Unavailable, {}};
        if (!*store) {
            auto opened = core::TelemetryStore::open(path);
            if (opened)
                *store = std::move(opened.value());
            else
                result = opened.error();
        }
        if (*store)
            result = job(**store);
        // The destructor waits for this job, so `self` is still alive here.
        QMetaObject::invokeMethod(
            self.data(), [result = std::move(result), done] { done(result); },
            Qt::QueuedConnection);
    });
}

void DeviceTelemetry::totals(const QString &key,
                             std::function<void(core::Result<EnergyTotals>)> done)
{
    const QDate today = QDate::currentDate();
    const qint64 dayStart = localStartOf(today);
    const qint64 monthStart = localStartOf(QDate(today.year(), today.month(), 1));
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1;
    run<EnergyTotals>(
        [key, dayStart, monthStart,
         now](core::TelemetryStore &store) -> core::Result<EnergyTotals> {
            auto device = store.deviceId(key);
            if (!device)
                return device.error();
            EnergyTotals totals;
            auto day = counted(store, *device, dayStart, now);
            if (!day)
                return day.error();
            totals.todayWh = *day;
            auto month = counted(store, *device, monthStart, now);
            if (!month)
                return month.error();
            totals.monthWh = *month;
            auto all = store.downsample(*device, core::TelemetryKind::EnergyWattHours, 0, now, now);
            if (!all)
                return all.error();
            if (!all->isEmpty())
                totals.lifetimeWh = all->constFirst().last;
            return totals;
        },
        std::move(done));
}

void DeviceTelemetry::powerChart(const QString &key, core::ChartSpan span,
                                 std::function<void(core::Result<QList<QPointF>>)> done)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    run<QList<QPointF>>(
        [key, span, now](core::TelemetryStore &store) -> core::Result<QList<QPointF>> {
            auto device = store.deviceId(key);
            if (!device)
                return device.error();
            const core::ChartWindow window = core::TelemetryStore::chartWindow(span, now);
            auto buckets = store.chart(*device, core::TelemetryKind::AcPowerMilliwatts, span, now);
            if (!buckets)
                return buckets.error();
            QList<QPointF> points;
            qint64 count = 0;
            for (const core::TelemetryBucket &b : *buckets)
                count += b.count;
            if (count <= kRawPointLimit) {
                auto raw = store.readings(*device, core::TelemetryKind::AcPowerMilliwatts,
                                          window.fromMs, window.toMs);
                if (raw && static_cast<qint64>(raw->size()) == count) {
                    for (const auto &s : *raw)
                        points.append(QPointF(double(s.tsMs), double(s.value) / 1'000'000.0));
                    return points;
                }
            }
            for (const core::TelemetryBucket &b : *buckets)
                points.append(
                    QPointF(double(b.startMs + window.bucketMs / 2), double(b.avg) / 1'000'000.0));
            return points;
        },
        std::move(done));
}

} // namespace ovpp::ui
