#pragma once

// Local telemetry of the user's devices in one SQLite file (Qt Sql, QSQLITE driver).
//
// Layout: readings(device, kind, ts_ms, value) as a WITHOUT ROWID table keyed by
// (device, kind, ts_ms), all integers, so a range query for one series is one b-tree range scan
// and a year of 1-minute readings stays in the tens of megabytes. Raw readings older than the
// retention period are folded into hourly rollups (count/min/max/sum/last), which chart queries
// read transparently alongside raw rows.
//
// Threads: every thread that calls the store gets its own connection (Qt Sql connections are
// bound to the thread that opened them), opened on first use and closed when that thread ends or
// the store is destroyed. The file is in WAL mode, so readers never block the writer and
// vice versa. The store must outlive every use of it; destroy it once no other thread calls it.
//
// Opening never modifies a file it cannot vouch for: the file is first inspected through a
// read-only connection (SQLite header, integrity quick check, application id, schema version),
// and only a healthy OpenVPP telemetry file (or a new, empty one) is opened for writing.

#include "common/Result.h"
#include "store/TelemetryTypes.h"

#include <QList>
#include <QString>

#include <memory>

class QSqlDatabase;

namespace ovpp::core {

class TelemetryStore
{
public:
    // The schema version this build writes. Older files are migrated on open; newer ones are
    // refused with UnsupportedVersion.
    static constexpr int kSchemaVersion = 1;
    // PRAGMA application_id of our files ("OVPT"), to tell them from other SQLite databases.
    static constexpr qint32 kApplicationId = 0x4F565054;
    static constexpr qint64 kHourMs = 3600 * 1000;
    static constexpr qint64 kDayMs = 24 * kHourMs;
    // Up to this many buckets, downsample scans each bucket's range separately (fast for
    // charts); beyond it, it groups one scan of the whole window.
    static constexpr qint64 kMaxRangeScanBuckets = 4096;

    // Opens (creating if needed) the store at `path`. Errors: CorruptFile (not SQLite, damaged,
    // or another application's database), UnsupportedVersion (newer schema), IoError.
    static Result<std::unique_ptr<TelemetryStore>> open(const QString &path);

    ~TelemetryStore();
    TelemetryStore(const TelemetryStore &) = delete;
    TelemetryStore &operator=(const TelemetryStore &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;

    // The stable integer id of a device key (e.g. "sunspec:<serial>"), created on first use.
    Result<qint64> deviceId(const QString &deviceKey);

    // Appends readings in one transaction. A reading with the same (device, kind, ts_ms) as a
    // stored one replaces it. Timestamps must be >= 0.
    Result<void> append(const QList<TelemetryReading> &readings);

    // Raw readings of one series in [fromMs, toMs), oldest first. Compacted hours are not
    // included (use downsample for those).
    Result<QList<TelemetrySample>> readings(qint64 device, TelemetryKind kind, qint64 fromMs,
                                            qint64 toMs);

    // Aggregates one series over [fromMs, toMs) into buckets of bucketMs starting at fromMs,
    // computed in SQL. Empty buckets are omitted. Rolled-up hours count in the bucket holding
    // their start hour, so bucket lengths that are whole hours (and hour-aligned fromMs) stay
    // exact over compacted data.
    Result<QList<TelemetryBucket>> downsample(qint64 device, TelemetryKind kind, qint64 fromMs,
                                              qint64 toMs, qint64 bucketMs);

    // The window and bucket length of a chart span ending at endMs; buckets are aligned to
    // multiples of their length since the epoch (UTC), so points stay put as time moves on.
    static ChartWindow chartWindow(ChartSpan span, qint64 endMs);
    Result<QList<TelemetryBucket>> chart(qint64 device, TelemetryKind kind, ChartSpan span,
                                         qint64 endMs);

    // Folds raw readings older than retainDays before nowMs (cut at an hour boundary) into
    // hourly rollups and deletes them, in one transaction. Safe to run repeatedly; late readings
    // for an already rolled-up hour are merged into its rollup.
    Result<CompactionStats> compact(qint64 nowMs, int retainDays);

    // Closes the calling thread's connection now instead of at thread exit.
    void closeThreadConnection();

    // Implementation detail: the per-thread connection names, shared with thread-exit cleanup.
    struct Connections;

private:
    explicit TelemetryStore(QString path);
    Result<QSqlDatabase> connection();
    Result<void> migrate(QSqlDatabase &db);

    QString m_path;
    std::shared_ptr<Connections> m_connections;
    int m_schemaVersion = 0;
};

} // namespace ovpp::core
