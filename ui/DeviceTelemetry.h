#pragma once

// Reads the telemetry store for the device views on a worker thread of its own: SQLite reads
// (a year's chart scans many rows) must never run on the GUI thread. The store keeps one
// connection per thread and the file is in WAL mode, so these reads run beside the device
// thread's writes without blocking them.

#include "common/Result.h"
#include "store/TelemetryTypes.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace ovpp::core {
class TelemetryStore;
}

namespace ovpp::ui {

struct EnergyTotals
{
    // Energy counted by the device's counter (inverter WH, charger meter register) in the
    // local day and month so far, and the counter's latest value; absent without readings.
    std::optional<qint64> todayWh;
    std::optional<qint64> monthWh;
    std::optional<qint64> lifetimeWh;
};

class DeviceTelemetry : public QObject
{
    Q_OBJECT

public:
    explicit DeviceTelemetry(QString storePath, QObject *parent = nullptr);
    // Waits for a read in flight; its callback is dropped.
    ~DeviceTelemetry() override;

    QString storePath() const { return m_storePath; }

    // `key` is the device id (the network records each device's series under its id). Callbacks
    // run on this object's thread.
    void totals(const QString &key, std::function<void(core::Result<EnergyTotals>)> done);
    // AC power of `span` ending now, in points (ms since the epoch, kilowatts): the chart's buckets
    // (averages), or the raw readings when the window holds only a few, so a new device's day
    // chart shows each real reading rather than one lonely bucket.
    void powerChart(const QString &key, core::ChartSpan span,
                    std::function<void(core::Result<QList<QPointF>>)> done);

private:
    template<typename T>
    void run(std::function<core::Result<T>(core::TelemetryStore &)> job,
             std::function<void(core::Result<T>)> done);

    QString m_storePath;
    QThreadPool m_pool;
    // Opened on, and only touched from, the pool's single thread.
    std::shared_ptr<std::unique_ptr<core::TelemetryStore>> m_store;
};

} // namespace ovpp::ui
