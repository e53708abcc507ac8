#include "store/TelemetryStore.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcStore, "ovpp.store", QtInfoMsg)

namespace ovpp::core {

struct TelemetryStore::Connections
{
    QString prefix; // unique per store instance, so names are never reused
    QMutex mutex;
    QSet<QString> names;
    bool closed = false;

    // Removes one connection if this store still owns it. Called from the owning thread (at
    // its exit or by closeThreadConnection) or from the store's destructor.
    void remove(const QString &name)
    {
        QMutexLocker lock(&mutex);
        if (names.remove(name))
            QSqlDatabase::removeDatabase(name);
    }
};

namespace {

QAtomicInteger<quint64> g_storeCounter;
QAtomicInteger<quint64> g_connectionCounter;

// The connections the current thread opened, per store; closed when the thread exits.
struct ThreadConnections
{
    struct Entry
    {
        std::weak_ptr<void> owner; // the store's Connections
        TelemetryStore::Connections *key = nullptr;
        QString name;
    };
    std::vector<Entry> entries;

    ~ThreadConnections()
    {
        for (auto &entry : entries) {
            if (auto owner = entry.owner.lock())
                entry.key->remove(entry.name);
        }
    }
};

thread_local ThreadConnections t_connections;

Error sqlError(ErrorCode code, const QString &what, const QSqlError &error)
{
    return makeError(code, QStringLiteral("%1: %2").arg(what, error.text()));
}

// SQLite's own result codes for "not a database" and "malformed", as QSQLITE reports them.
bool isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("26") || code == QLatin1String("11");
}

Result<void> exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(isCorruption(query.lastError()) ? ErrorCode::CorruptFile
                                                        : ErrorCode::IoError,
                        QStringLiteral("telemetry store"), query.lastError());
    return {};
}

// Inspects an existing file without writing to it. Returns its schema version (0 = empty).
Result<int> probe(const QString &path)
{
    const QString name = QStringLiteral("ovpp-telemetry-probe-%1").arg(++g_connectionCounter);
    Result<int> result = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (QFileInfo::exists(path + QLatin1String("-wal"))) {
            // A WAL left by a crash (or a running writer) holds committed data: read through
            // it. Its side files exist already, so a read-only open adds nothing new.
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            // No WAL: the main file is the whole database. "immutable" reads it without
            // locks, journals or shared-memory files, so probing leaves no trace at all.
            db.setDatabaseName(
                QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                + QLatin1String("?mode=ro&immutable=1"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        }
        result = [&]() -> Result<int> {
            if (!db.open())
                return sqlError(ErrorCode::IoError, QStringLiteral("cannot open %1").arg(path),
                                db.lastError());
            QSqlQuery query(db);
            // quick_check reads every page: it fails with "not a database" on foreign files
            // and reports damaged b-trees, before anything is written.
            if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
                if (isCorruption(query.lastError()))
                    return makeError(ErrorCode::CorruptFile,
                                     QStringLiteral("%1 is not a readable SQLite database (%2)")
                                         .arg(path, query.lastError().text()));
                return sqlError(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path),
                                query.lastError());
            }
            if (!query.next() || query.value(0).toString() != QLatin1String("ok"))
                return makeError(ErrorCode::CorruptFile,
                                 QStringLiteral("%1 is damaged (integrity check: %2)")
                                     .arg(path, query.value(0).toString()));
            if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
                return sqlError(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path),
                                query.lastError());
            const qint64 applicationId = query.value(0).toLongLong();
            if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !query.next())
                return sqlError(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path),
                                query.lastError());
            const qint64 objects = query.value(0).toLongLong();
            if (objects == 0 && applicationId == 0)
                return 0; // an empty database: ours to initialise
            if (applicationId != TelemetryStore::kApplicationId)
                return makeError(
                    ErrorCode::CorruptFile,
                    QStringLiteral("%1 is a SQLite database of another application").arg(path));
            if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"))
                || !query.next())
                return makeError(ErrorCode::CorruptFile,
                                 QStringLiteral("%1 has no schema version table").arg(path));
            return query.value(0).toInt();
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

struct Migration
{
    int version;
    std::vector<const char *> statements;
};

// Append-only: a released migration is never edited, a change is a new version.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {
        {1,
         {
             "CREATE TABLE devices (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
             // One row per reading, all integers; the key is the only index.
             "CREATE TABLE readings (device INTEGER NOT NULL, kind INTEGER NOT NULL,"
             " ts_ms INTEGER NOT NULL, value INTEGER NOT NULL,"
             " PRIMARY KEY (device, kind, ts_ms)) WITHOUT ROWID",
             "CREATE TABLE rollups (device INTEGER NOT NULL, kind INTEGER NOT NULL,"
             " hour_ms INTEGER NOT NULL, v_count INTEGER NOT NULL, v_min INTEGER NOT NULL,"
             " v_max INTEGER NOT NULL, v_sum INTEGER NOT NULL, last_ts INTEGER NOT NULL,"
             " v_last INTEGER NOT NULL, PRIMARY KEY (device, kind, hour_ms)) WITHOUT ROWID",
         }},
    };
    return list;
}

} // namespace

TelemetryStore::TelemetryStore(QString path)
    : m_path(std::move(path))
    , m_connections(std::make_shared<Connections>())
{
    m_connections->prefix = QStringLiteral("ovpp-telemetry-%1").arg(++g_storeCounter);
}

TelemetryStore::~TelemetryStore()
{
    QMutexLocker lock(&m_connections->mutex);
    for (const QString &name : std::as_const(m_connections->names))
        QSqlDatabase::removeDatabase(name);
    m_connections->names.clear();
    m_connections->closed = true;
}

Result<std::unique_ptr<TelemetryStore>> TelemetryStore::open(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return makeError(ErrorCode::IoError, QStringLiteral("%1 is not a file").arg(path));
    if (info.exists() && info.size() > 0) {
        auto version = probe(path);
        if (!version)
            return version.error();
        if (*version > kSchemaVersion)
            return makeError(
                ErrorCode::UnsupportedVersion,
                QStringLiteral("%1 has telemetry schema %2; this version reads up to %3")
                    .arg(path)
                    .arg(*version)
                    .arg(kSchemaVersion));
    }

    std::unique_ptr<TelemetryStore> store(new TelemetryStore(path));
    auto db = store->connection();
    if (!db)
        return db.error();
    // Compaction deletes most rows of a file; with auto-vacuum their pages go back to the file
    // system at commit instead of lingering on the free list. Appends free no pages, so this
    // costs nothing in the common case. It only takes effect on a new file (no tables yet).
    if (auto vacuum = exec(*db, QStringLiteral("PRAGMA auto_vacuum=FULL")); !vacuum)
        return vacuum.error();
    // WAL is a property of the file: readers on other threads never block the writer.
    QSqlQuery query(*db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::IoError,
                         QStringLiteral("cannot switch %1 to WAL mode").arg(path));
    query.finish();
    if (auto migrated = store->migrate(*db); !migrated)
        return migrated.error();
    return store;
}

int TelemetryStore::schemaVersion() const
{
    return m_schemaVersion;
}

Result<QSqlDatabase> TelemetryStore::connection()
{
    auto &entries = t_connections.entries;
    // Entries of destroyed stores are dead: their connections were removed with the store.
    std::erase_if(entries,
                  [](const ThreadConnections::Entry &entry) { return entry.owner.expired(); });
    for (const auto &entry : entries) {
        if (entry.key == m_connections.get())
            return QSqlDatabase::database(entry.name, false);
    }
    const QString name
        = QStringLiteral("%1-%2").arg(m_connections->prefix).arg(++g_connectionCounter);
    {
        QMutexLocker lock(&m_connections->mutex);
        if (m_connections->closed)
            return makeError(ErrorCode::Internal, QStringLiteral("telemetry store is closed"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return sqlError(ErrorCode::IoError, QStringLiteral("cannot open %1").arg(m_path),
                            error);
        }
        m_connections->names.insert(name);
    }
    t_connections.entries.push_back({m_connections, m_connections.get(), name});
    QSqlDatabase db = QSqlDatabase::database(name, false);
    // NORMAL is durable in WAL mode except for the last transactions before a power cut, which
    // for telemetry is the right trade for far fewer fsyncs.
    if (auto done = exec(db, QStringLiteral("PRAGMA synchronous=NORMAL")); !done)
        return done.error();
    // A year of one series is ~10 MB; a page cache that holds it makes repeated chart queries
    // (zooming, switching spans) read memory instead of the file. Grows only as used.
    if (auto done = exec(db, QStringLiteral("PRAGMA cache_size=-16384")); !done)
        return done.error();
    return db;
}

void TelemetryStore::closeThreadConnection()
{
    auto &entries = t_connections.entries;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (it->key == m_connections.get()) {
            const QString name = it->name;
            entries.erase(it);
            m_connections->remove(name);
            return;
        }
    }
}

Result<void> TelemetryStore::migrate(QSqlDatabase &db)
{
    if (auto begun = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    auto rollback = [&db](Error error) -> Result<void> {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (auto made = exec(db,
                         QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        "version INTEGER PRIMARY KEY, applied_ms INTEGER "
                                        "NOT NULL)"));
        !made)
        return rollback(made.error());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        || !query.next())
        return rollback(
            sqlError(ErrorCode::IoError, QStringLiteral("schema version"), query.lastError()));
    int version = query.value(0).toInt();
    query.finish();
    if (version > kSchemaVersion)
        return rollback(
            makeError(ErrorCode::UnsupportedVersion,
                      QStringLiteral("%1 has telemetry schema %2").arg(m_path).arg(version)));
    for (const Migration &migration : migrations()) {
        if (migration.version <= version)
            continue;
        for (const char *statement : migration.statements) {
            if (auto done = exec(db, QString::fromLatin1(statement)); !done)
                return rollback(done.error());
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, applied_ms) "
                                      "VALUES (?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!record.exec())
            return rollback(sqlError(ErrorCode::IoError, QStringLiteral("schema migration"),
                                     record.lastError()));
        version = migration.version;
        qCInfo(lcStore) << "telemetry schema migrated to version" << version;
    }
    if (auto tagged = exec(db, QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId));
        !tagged)
        return rollback(tagged.error());
    if (auto committed = exec(db, QStringLiteral("COMMIT")); !committed)
        return rollback(committed.error());
    m_schemaVersion = version;
    return {};
}

Result<qint64> TelemetryStore::deviceId(const QString &deviceKey)
{
    if (deviceKey.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("empty device key"));
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.prepare(QStringLiteral("INSERT INTO devices (key) VALUES (?) ON CONFLICT (key) DO "
                                 "UPDATE SET key = excluded.key RETURNING id"));
    query.addBindValue(deviceKey);
    if (!query.exec() || !query.next())
        return sqlError(ErrorCode::IoError, QStringLiteral("device id"), query.lastError());
    return query.value(0).toLongLong();
}

Result<void> TelemetryStore::append(const QList<TelemetryReading> &readings)
{
    for (const auto &reading : readings) {
        if (reading.tsMs < 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("negative timestamp %1").arg(reading.tsMs));
    }
    if (readings.isEmpty())
        return {};
    auto db = connection();
    if (!db)
        return db.error();
    if (auto begun = exec(*db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    {
        QSqlQuery insert(*db);
        if (!insert.prepare(QStringLiteral("INSERT OR REPLACE INTO readings (device, kind, ts_ms, "
                                           "value) VALUES (?, ?, ?, ?)"))) {
            const Error error
                = sqlError(ErrorCode::IoError, QStringLiteral("append"), insert.lastError());
            QSqlQuery(*db).exec(QStringLiteral("ROLLBACK"));
            return error;
        }
        for (const auto &reading : readings) {
            insert.bindValue(0, reading.device);
            insert.bindValue(1, static_cast<int>(reading.kind));
            insert.bindValue(2, reading.tsMs);
            insert.bindValue(3, reading.value);
            if (!insert.exec()) {
                const Error error
                    = sqlError(ErrorCode::IoError, QStringLiteral("append"), insert.lastError());
                insert.finish();
                QSqlQuery(*db).exec(QStringLiteral("ROLLBACK"));
                return error;
            }
        }
    }
    if (auto committed = exec(*db, QStringLiteral("COMMIT")); !committed) {
        QSqlQuery(*db).exec(QStringLiteral("ROLLBACK"));
        return committed;
    }
    return {};
}

Result<QList<TelemetrySample>> TelemetryStore::readings(qint64 device, TelemetryKind kind,
                                                        qint64 fromMs, qint64 toMs)
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ts_ms, value FROM readings WHERE device = ? AND kind = ? "
                                 "AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms"));
    query.addBindValue(device);
    query.addBindValue(static_cast<int>(kind));
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec())
        return sqlError(ErrorCode::IoError, QStringLiteral("readings"), query.lastError());
    QList<TelemetrySample> samples;
    while (query.next())
        samples.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    return samples;
}

Result<QList<TelemetryBucket>> TelemetryStore::downsample(qint64 device, TelemetryKind kind,
                                                          qint64 fromMs, qint64 toMs,
                                                          qint64 bucketMs)
{
    if (bucketMs <= 0 || fromMs < 0 || toMs < fromMs)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad downsample window"));
    auto db = connection();
    if (!db)
        return db.error();
    // Every value spliced into the SQL below is an integer formatted here, never user text.
    const QString series
        = QStringLiteral("device = %1 AND kind = %2").arg(device).arg(static_cast<int>(kind));
    const qint64 bucketCount = (toMs - fromMs + bucketMs - 1) / bucketMs;
    QString sql;
    if (bucketCount <= kMaxRangeScanBuckets) {
        // Chart-sized: one primary-key range scan per bucket and aggregate. SQLite streams each
        // scan, where a GROUP BY over a computed bucket would sort every row first (10x slower
        // over a year of minutes). Raw rows and rollups are combined per aggregate.
        const QString raw
            = QStringLiteral("FROM readings WHERE %1 AND ts_ms >= w.lo AND ts_ms < w.hi")
                  .arg(series);
        const QString rolled
            = QStringLiteral("FROM rollups WHERE %1 AND hour_ms >= w.lo AND hour_ms < w.hi")
                  .arg(series);
        // Most windows hold no rollups (they are recent); skipping that side keeps each
        // aggregate a plain range scan that SQLite can answer from the key alone.
        QSqlQuery probe(*db);
        if (!probe.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM rollups WHERE %1 AND "
                                       "hour_ms >= %2 AND hour_ms < %3)")
                            .arg(series)
                            .arg(fromMs)
                            .arg(toMs))
            || !probe.next())
            return sqlError(ErrorCode::IoError, QStringLiteral("downsample"), probe.lastError());
        const bool hasRollups = probe.value(0).toBool();
        probe.finish();
        auto both = [&](const QString &outer, const QString &rawExpr, const QString &rolledExpr) {
            if (!hasRollups)
                return QStringLiteral("(SELECT %1 %2)").arg(rawExpr, raw);
            return QStringLiteral("(SELECT %1(x) FROM (SELECT %2 AS x %3 UNION ALL SELECT %4 %5))")
                .arg(outer, rawExpr, raw, rolledExpr, rolled);
        };
        sql = QStringLiteral(
                  "WITH RECURSIVE b (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM b WHERE i + 1 < "
                  "%1),"
                  " w (i, lo, hi) AS (SELECT i, %2 + i * %3, MIN(%2 + (i + 1) * %3, %4) FROM b),"
                  " agg AS (SELECT w.i AS i, w.lo AS lo, w.hi AS hi, %5 AS c, %6 AS mn, %7 AS mx,"
                  "  %8 AS s, %9 AS lt FROM w)"
                  " SELECT i, c, mn, mx, s, s / c, lt,"
                  "  COALESCE((SELECT value FROM readings WHERE %10 AND ts_ms = agg.lt),"
                  "   (SELECT v_last FROM rollups WHERE %10 AND hour_ms >= agg.lo"
                  "     AND hour_ms < agg.hi AND last_ts = agg.lt LIMIT 1))"
                  " FROM agg WHERE c > 0 ORDER BY i")
                  .arg(bucketCount)
                  .arg(fromMs)
                  .arg(bucketMs)
                  .arg(toMs)
                  .arg(both(QStringLiteral("SUM"), QStringLiteral("COUNT(*)"),
                            QStringLiteral("SUM(v_count)")),
                       both(QStringLiteral("MIN"), QStringLiteral("MIN(value)"),
                            QStringLiteral("MIN(v_min)")),
                       both(QStringLiteral("MAX"), QStringLiteral("MAX(value)"),
                            QStringLiteral("MAX(v_max)")),
                       both(QStringLiteral("SUM"), QStringLiteral("SUM(value)"),
                            QStringLiteral("SUM(v_sum)")),
                       both(QStringLiteral("MAX"), QStringLiteral("MAX(ts_ms)"),
                            QStringLiteral("MAX(last_ts)")),
                       series);
    } else {
        // Many small buckets: one pass over the window, grouped. The value of each bucket's
        // latest reading is then a primary-key lookup (SQLite's bare-column rule only holds
        // with a single min/max aggregate, so it cannot come from the same GROUP BY).
        sql = QStringLiteral(
                  "WITH src (ts, cnt, mn, mx, sm, lt) AS ("
                  "  SELECT ts_ms, 1, value, value, value, ts_ms FROM readings"
                  "   WHERE %1 AND ts_ms >= %2 AND ts_ms < %3"
                  "  UNION ALL"
                  "  SELECT hour_ms, v_count, v_min, v_max, v_sum, last_ts FROM rollups"
                  "   WHERE %1 AND hour_ms >= %2 AND hour_ms < %3),"
                  " agg AS (SELECT (ts - %2) / %4 AS bucket, SUM(cnt) AS c, MIN(mn) AS mn,"
                  "  MAX(mx) AS mx, SUM(sm) AS s, MAX(lt) AS lt FROM src GROUP BY bucket)"
                  " SELECT bucket, c, mn, mx, s, s / c, lt,"
                  "  COALESCE((SELECT value FROM readings WHERE %1 AND ts_ms = agg.lt),"
                  "   (SELECT v_last FROM rollups WHERE %1"
                  "     AND hour_ms >= %2 + agg.bucket * %4"
                  "     AND hour_ms < MIN(%2 + (agg.bucket + 1) * %4, %3)"
                  "     AND last_ts = agg.lt LIMIT 1))"
                  " FROM agg ORDER BY bucket")
                  .arg(series)
                  .arg(fromMs)
                  .arg(toMs)
                  .arg(bucketMs);
    }
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return sqlError(ErrorCode::IoError, QStringLiteral("downsample"), query.lastError());
    QList<TelemetryBucket> buckets;
    while (query.next()) {
        TelemetryBucket bucket;
        bucket.startMs = fromMs + query.value(0).toLongLong() * bucketMs;
        bucket.count = query.value(1).toLongLong();
        bucket.min = query.value(2).toLongLong();
        bucket.max = query.value(3).toLongLong();
        bucket.sum = query.value(4).toLongLong();
        bucket.avg = query.value(5).toLongLong();
        bucket.lastTsMs = query.value(6).toLongLong();
        bucket.last = query.value(7).toLongLong();
        buckets.append(bucket);
    }
    return buckets;
}

ChartWindow TelemetryStore::chartWindow(ChartSpan span, qint64 endMs)
{
    qint64 length = kDayMs;
    qint64 bucket = 5 * 60 * 1000;
    switch (span) {
    case ChartSpan::Day:
        break; // 288 points
    case ChartSpan::Week:
        length = 7 * kDayMs;
        bucket = 30 * 60 * 1000; // 336 points
        break;
    case ChartSpan::Month:
        length = 30 * kDayMs;
        bucket = 2 * kHourMs; // 360 points
        break;
    case ChartSpan::Year:
        length = 365 * kDayMs;
        bucket = kDayMs; // 365 points
        break;
    }
    // The window ends at the end of the bucket holding endMs, so the newest point is the
    // current, partial bucket.
    const qint64 end = endMs < 0 ? 0 : endMs;
    const qint64 to = (end / bucket + 1) * bucket;
    const qint64 from = to - length < 0 ? 0 : to - length;
    return {from, to, bucket};
}

Result<QList<TelemetryBucket>> TelemetryStore::chart(qint64 device, TelemetryKind kind,
                                                     ChartSpan span, qint64 endMs)
{
    const ChartWindow window = chartWindow(span, endMs);
    return downsample(device, kind, window.fromMs, window.toMs, window.bucketMs);
}

Result<CompactionStats> TelemetryStore::compact(qint64 nowMs, int retainDays)
{
    if (retainDays < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("negative retention"));
    const qint64 horizon = nowMs - retainDays * kDayMs;
    if (horizon <= 0)
        return CompactionStats {};
    const qint64 cutoff = horizon / kHourMs * kHourMs;
    auto db = connection();
    if (!db)
        return db.error();
    if (auto begun = exec(*db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    auto fail = [&db](const QString &what, const QSqlQuery &query) -> Error {
        const Error error = sqlError(ErrorCode::IoError, what, query.lastError());
        QSqlQuery(*db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    CompactionStats stats;
    {
        QSqlQuery query(*db);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM readings WHERE ts_ms < ?"));
        query.addBindValue(cutoff);
        if (!query.exec() || !query.next())
            return fail(QStringLiteral("compact"), query);
        stats.readingsRolledUp = query.value(0).toLongLong();
    }
    if (stats.readingsRolledUp > 0) {
        QSqlQuery fold(*db);
        // "WHERE true" keeps the parser from reading ON CONFLICT as the join's ON clause.
        fold.prepare(QStringLiteral(
            "INSERT INTO rollups (device, kind, hour_ms, v_count, v_min, v_max, v_sum,"
            " last_ts, v_last)"
            " SELECT a.device, a.kind, a.h, a.c, a.mn, a.mx, a.s, a.lt, r.value FROM ("
            "  SELECT device, kind, ts_ms / 3600000 * 3600000 AS h, COUNT(*) AS c,"
            "   MIN(value) AS mn, MAX(value) AS mx, SUM(value) AS s, MAX(ts_ms) AS lt"
            "   FROM readings WHERE ts_ms < ? GROUP BY device, kind, h) a"
            " JOIN readings r ON r.device = a.device AND r.kind = a.kind AND r.ts_ms = a.lt"
            " WHERE true"
            " ON CONFLICT (device, kind, hour_ms) DO UPDATE SET"
            "  v_count = v_count + excluded.v_count,"
            "  v_min = MIN(v_min, excluded.v_min), v_max = MAX(v_max, excluded.v_max),"
            "  v_sum = v_sum + excluded.v_sum,"
            "  v_last = CASE WHEN excluded.last_ts >= last_ts THEN excluded.v_last"
            "           ELSE v_last END,"
            "  last_ts = MAX(last_ts, excluded.last_ts)"));
        fold.addBindValue(cutoff);
        if (!fold.exec())
            return fail(QStringLiteral("compact"), fold);
        stats.hoursWritten = fold.numRowsAffected();
        QSqlQuery purge(*db);
        purge.prepare(QStringLiteral("DELETE FROM readings WHERE ts_ms < ?"));
        purge.addBindValue(cutoff);
        if (!purge.exec())
            return fail(QStringLiteral("compact"), purge);
    }
    if (auto committed = exec(*db, QStringLiteral("COMMIT")); !committed) {
        QSqlQuery(*db).exec(QStringLiteral("ROLLBACK"));
        return committed.error();
    }
    return stats;
}

} // namespace ovpp::core
