// TelemetryStore on real SQLite files: storage and range queries, downsampling checked against
// the same aggregation done here in plain integer C++, compaction into rollups, refusal of
// foreign or damaged files without touching them, and readers running beside a writer.

#include "store/TelemetryStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <vector>

using namespace ovpp::core;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = TelemetryStore::kHourMs;
constexpr qint64 kDay = TelemetryStore::kDayMs;
// 2026-01-01T00:00:00Z, a plausible start for synthetic series.
constexpr qint64 kT0 = 1767225600000;

// A deterministic pseudo-random series (LCG), with negative values too.
struct Series
{
    quint64 state = 12345;
    qint64 next()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<qint64>((state >> 33) % 2'000'001) - 500'000;
    }
};

// What downsample must return, computed from the raw readings in C++.
std::vector<TelemetryBucket> expectedBuckets(const std::vector<TelemetrySample> &samples,
                                             qint64 from, qint64 to, qint64 bucketMs)
{
    std::map<qint64, TelemetryBucket> buckets;
    for (const auto &s : samples) {
        if (s.tsMs < from || s.tsMs >= to)
            continue;
        const qint64 index = (s.tsMs - from) / bucketMs;
        auto [it, fresh] = buckets.try_emplace(index);
        TelemetryBucket &b = it->second;
        if (fresh) {
            b.startMs = from + index * bucketMs;
            b.min = b.max = s.value;
        }
        ++b.count;
        b.min = std::min(b.min, s.value);
        b.max = std::max(b.max, s.value);
        b.sum += s.value;
        if (s.tsMs >= b.lastTsMs) {
            b.lastTsMs = s.tsMs;
            b.last = s.value;
        }
    }
    std::vector<TelemetryBucket> out;
    for (auto &[index, b] : buckets) {
        b.avg = b.sum / b.count; // C++ and SQLite both truncate toward zero
        out.push_back(b);
    }
    return out;
}

void expectSame(const QList<TelemetryBucket> &actual, const std::vector<TelemetryBucket> &expected)
{
    ASSERT_EQ(actual.size(), qsizetype(expected.size()));
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto &a = actual[qsizetype(i)];
        const auto &e = expected[i];
        SCOPED_TRACE(testing::Message() << "bucket " << i << " at " << e.startMs);
        EXPECT_EQ(a.startMs, e.startMs);
        EXPECT_EQ(a.count, e.count);
        EXPECT_EQ(a.min, e.min);
        EXPECT_EQ(a.max, e.max);
        EXPECT_EQ(a.sum, e.sum);
        EXPECT_EQ(a.avg, e.avg);
        EXPECT_EQ(a.last, e.last);
        EXPECT_EQ(a.lastTsMs, e.lastTsMs);
    }
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

struct StoreTest : ::testing::Test
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<TelemetryStore> store;
    qint64 device = 0;

    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath("telemetry.sqlite");
        auto opened = TelemetryStore::open(path);
        ASSERT_TRUE(opened.ok()) << opened.error().detail.toStdString();
        store = std::move(*opened);
        auto id = store->deviceId("sunspec:SN-1");
        ASSERT_TRUE(id.ok());
        device = *id;
    }

    std::vector<TelemetrySample> fill(qint64 from, qint64 count, qint64 step, Series &series,
                                      TelemetryKind kind = TelemetryKind::AcPowerMilliwatts)
    {
        std::vector<TelemetrySample> samples;
        QList<TelemetryReading> batch;
        for (qint64 i = 0; i < count; ++i) {
            const TelemetrySample s {from + i * step, series.next()};
            samples.push_back(s);
            batch.append({device, kind, s.tsMs, s.value});
        }
        const auto appended = store->append(batch);
        EXPECT_TRUE(appended.ok()) << appended.error().detail.toStdString();
        return samples;
    }
};

TEST_F(StoreTest, NewFileGetsTheCurrentSchemaAndSurvivesReopening)
{
    EXPECT_EQ(store->schemaVersion(), TelemetryStore::kSchemaVersion);
    Series series;
    const auto samples = fill(kT0, 100, kMinute, series);
    store.reset();

    auto reopened = TelemetryStore::open(path);
    ASSERT_TRUE(reopened.ok()) << reopened.error().detail.toStdString();
    EXPECT_EQ((*reopened)->schemaVersion(), TelemetryStore::kSchemaVersion);
    auto id = (*reopened)->deviceId("sunspec:SN-1");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(*id, device);
    auto read = (*reopened)->readings(device, TelemetryKind::AcPowerMilliwatts, 0, kT0 + kDay);
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->size(), qsizetype(samples.size()));
    for (size_t i = 0; i < samples.size(); ++i) {
        EXPECT_EQ(read->at(qsizetype(i)).tsMs, samples[i].tsMs);
        EXPECT_EQ(read->at(qsizetype(i)).value, samples[i].value);
    }
}

TEST_F(StoreTest, DeviceIdsAreStableAndDistinct)
{
    auto again = store->deviceId("sunspec:SN-1");
    auto other = store->deviceId("ocpp:CP-7");
    ASSERT_TRUE(again.ok() && other.ok());
    EXPECT_EQ(*again, device);
    EXPECT_NE(*other, device);
    EXPECT_EQ(store->deviceId("").error().code, ErrorCode::InvalidArgument);
}

TEST_F(StoreTest, RangeQueriesAreHalfOpenAndPerSeries)
{
    Series series;
    const auto power = fill(kT0, 100, 1000, series);
    fill(kT0, 100, 1000, series, TelemetryKind::EnergyWattHours);
    auto otherDevice = store->deviceId("sunspec:SN-2");
    ASSERT_TRUE(otherDevice.ok());
    ASSERT_TRUE(
        store->append({{*otherDevice, TelemetryKind::AcPowerMilliwatts, kT0 + 15'000, 1}}).ok());

    auto read
        = store->readings(device, TelemetryKind::AcPowerMilliwatts, kT0 + 10'000, kT0 + 20'000);
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->size(), 10);
    for (qsizetype i = 0; i < 10; ++i) {
        EXPECT_EQ(read->at(i).tsMs, power[size_t(10 + i)].tsMs);
        EXPECT_EQ(read->at(i).value, power[size_t(10 + i)].value);
    }
}

TEST_F(StoreTest, ASecondReadingAtTheSameInstantReplacesTheFirst)
{
    ASSERT_TRUE(store->append({{device, TelemetryKind::AcPowerMilliwatts, kT0, 5}}).ok());
    ASSERT_TRUE(store->append({{device, TelemetryKind::AcPowerMilliwatts, kT0, 9}}).ok());
    auto read = store->readings(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + 1);
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->size(), 1);
    EXPECT_EQ(read->front().value, 9);
}

TEST_F(StoreTest, NegativeTimestampsAreRefusedAndNothingIsWritten)
{
    const auto appended = store->append({{device, TelemetryKind::AcPowerMilliwatts, kT0, 1},
                                         {device, TelemetryKind::AcPowerMilliwatts, -1, 1}});
    ASSERT_FALSE(appended.ok());
    EXPECT_EQ(appended.error().code, ErrorCode::InvalidArgument);
    auto read = store->readings(device, TelemetryKind::AcPowerMilliwatts, 0, kT0 + kDay);
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->isEmpty());
}

TEST_F(StoreTest, DownsampleMatchesIntegerAggregation)
{
    Series series;
    // Readings every 7 s over 3 hours, with an unaligned window and 10-minute buckets, so
    // buckets hold uneven counts and the first and last are partial.
    const auto samples = fill(kT0, 3 * 3600 / 7, 7000, series);
    const qint64 from = kT0 + 123'456;
    const qint64 to = kT0 + 2 * kHour + 654'321;
    auto buckets
        = store->downsample(device, TelemetryKind::AcPowerMilliwatts, from, to, 10 * kMinute);
    ASSERT_TRUE(buckets.ok()) << buckets.error().detail.toStdString();
    expectSame(*buckets, expectedBuckets(samples, from, to, 10 * kMinute));

    // So many buckets that the store groups one scan instead of scanning per bucket.
    const qint64 fine = 1000;
    ASSERT_GT((to - from) / fine, TelemetryStore::kMaxRangeScanBuckets);
    auto many = store->downsample(device, TelemetryKind::AcPowerMilliwatts, from, to, fine);
    ASSERT_TRUE(many.ok()) << many.error().detail.toStdString();
    expectSame(*many, expectedBuckets(samples, from, to, fine));
}

TEST_F(StoreTest, DownsampleOmitsEmptyBucketsAndRejectsBadWindows)
{
    ASSERT_TRUE(store
                    ->append({{device, TelemetryKind::AcPowerMilliwatts, kT0, 10},
                              {device, TelemetryKind::AcPowerMilliwatts, kT0 + 5 * kHour, 20}})
                    .ok());
    auto buckets
        = store->downsample(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + 6 * kHour, kHour);
    ASSERT_TRUE(buckets.ok());
    ASSERT_EQ(buckets->size(), 2);
    EXPECT_EQ(buckets->at(1).startMs, kT0 + 5 * kHour);
    EXPECT_FALSE(store->downsample(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + 1, 0).ok());
    EXPECT_FALSE(store->downsample(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 - 1, 1).ok());
}

TEST_F(StoreTest, AYearOfReadingsChartsInAtMost500PointsPerSpan)
{
    Series series;
    // A reading every 10 minutes for a year (52,560 rows; the benchmark does 1-minute data).
    const qint64 count = 365 * 24 * 6;
    const auto samples = fill(kT0, count, 10 * kMinute, series);
    const qint64 end = kT0 + (count - 1) * 10 * kMinute;
    for (ChartSpan span : {ChartSpan::Day, ChartSpan::Week, ChartSpan::Month, ChartSpan::Year}) {
        SCOPED_TRACE(static_cast<int>(span));
        const ChartWindow window = TelemetryStore::chartWindow(span, end);
        EXPECT_LE((window.toMs - window.fromMs) / window.bucketMs, 500);
        EXPECT_GT(window.toMs, end);
        auto points = store->chart(device, TelemetryKind::AcPowerMilliwatts, span, end);
        ASSERT_TRUE(points.ok()) << points.error().detail.toStdString();
        EXPECT_LE(points->size(), 500);
        EXPECT_GT(points->size(), 0);
        expectSame(*points, expectedBuckets(samples, window.fromMs, window.toMs, window.bucketMs));
    }
}

TEST_F(StoreTest, CompactionFoldsOldReadingsIntoExactHourlyRollups)
{
    Series series;
    auto samples = fill(kT0, 10 * 24 * 60, kMinute, series); // 10 days of 1-minute readings
    const qint64 now = kT0 + 10 * kDay;
    const qint64 from = kT0;
    const qint64 to = now;

    auto compacted = store->compact(now, 3);
    ASSERT_TRUE(compacted.ok()) << compacted.error().detail.toStdString();
    EXPECT_EQ(compacted->readingsRolledUp, 7 * 24 * 60);
    EXPECT_EQ(compacted->hoursWritten, 7 * 24);

    // Raw rows older than the cut are gone, newer ones untouched.
    auto raw = store->readings(device, TelemetryKind::AcPowerMilliwatts, from, to);
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw->size(), 3 * 24 * 60);
    EXPECT_EQ(raw->front().tsMs, kT0 + 7 * kDay);

    // Hour-multiple buckets over compacted and raw data alike agree with the raw readings.
    for (qint64 bucket : {kMinute, kHour, 6 * kHour, kDay}) {
        if (bucket == kMinute) {
            // Grouped path (many buckets), over the raw part only: minute buckets cannot be
            // exact over hourly rollups.
            const qint64 rawFrom = kT0 + 7 * kDay;
            ASSERT_GT((to - rawFrom) / bucket, TelemetryStore::kMaxRangeScanBuckets);
            auto buckets
                = store->downsample(device, TelemetryKind::AcPowerMilliwatts, rawFrom, to, bucket);
            ASSERT_TRUE(buckets.ok());
            expectSame(*buckets, expectedBuckets(samples, rawFrom, to, bucket));
            continue;
        }
        auto buckets
            = store->downsample(device, TelemetryKind::AcPowerMilliwatts, from, to, bucket);
        ASSERT_TRUE(buckets.ok());
        expectSame(*buckets, expectedBuckets(samples, from, to, bucket));
    }

    // A late reading for a rolled-up hour is merged by the next compaction, also as its "last".
    const TelemetrySample late {kT0 + kDay + 59 * kMinute + 30'000, 777'777'777};
    samples.push_back(late);
    ASSERT_TRUE(
        store->append({{device, TelemetryKind::AcPowerMilliwatts, late.tsMs, late.value}}).ok());
    auto again = store->compact(now, 3);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->readingsRolledUp, 1);
    EXPECT_EQ(again->hoursWritten, 1);
    auto buckets = store->downsample(device, TelemetryKind::AcPowerMilliwatts, from, to, kHour);
    ASSERT_TRUE(buckets.ok());
    expectSame(*buckets, expectedBuckets(samples, from, to, kHour));

    // The pages of the deleted rows went back to the file system, none left on the free list.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec("PRAGMA auto_vacuum") && query.next());
        EXPECT_EQ(query.value(0).toInt(), 1); // full
        ASSERT_TRUE(query.exec("PRAGMA freelist_count") && query.next());
        EXPECT_EQ(query.value(0).toInt(), 0);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("inspect");

    auto idle = store->compact(now, 3); // nothing left to fold
    ASSERT_TRUE(idle.ok());
    EXPECT_EQ(idle->readingsRolledUp, 0);
}

struct OpenErrors : ::testing::Test
{
    QTemporaryDir dir;

    QStringList sideFiles(const QString &name) const
    {
        QStringList found;
        for (const char *suffix : {"-wal", "-shm", "-journal"}) {
            if (QFile::exists(dir.filePath(name + QLatin1String(suffix))))
                found << name + QLatin1String(suffix);
        }
        return found;
    }
};

TEST_F(OpenErrors, ANonSqliteFileIsRefusedUntouched)
{
    const QString path = dir.filePath("notes.sqlite");
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        QByteArray text;
        for (int i = 0; i < 200; ++i)
            text += "these are not the pages you are looking for\n";
        file.write(text);
    }
    const QByteArray before = fileHash(path);
    auto opened = TelemetryStore::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::CorruptFile);
    EXPECT_TRUE(opened.error().detail.contains("notes.sqlite"));
    EXPECT_EQ(fileHash(path), before);
    EXPECT_EQ(sideFiles("notes.sqlite"), QStringList());
}

TEST_F(OpenErrors, ADamagedStoreIsRefusedUntouched)
{
    const QString path = dir.filePath("telemetry.sqlite");
    {
        auto store = TelemetryStore::open(path);
        ASSERT_TRUE(store.ok());
        auto device = (*store)->deviceId("d");
        ASSERT_TRUE(device.ok());
        QList<TelemetryReading> batch;
        for (qint64 i = 0; i < 20'000; ++i)
            batch.append({*device, TelemetryKind::AcPowerMilliwatts, kT0 + i * kMinute, i});
        ASSERT_TRUE((*store)->append(batch).ok());
    }
    ASSERT_TRUE(sideFiles("telemetry.sqlite").isEmpty()); // closed cleanly, WAL checkpointed
    {
        // Overwrite the middle of the file (b-tree pages) with garbage.
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_GT(file.size(), 64 * 1024);
        file.seek(file.size() / 2);
        file.write(QByteArray(16 * 1024, '\xA5'));
    }
    const QByteArray before = fileHash(path);
    auto opened = TelemetryStore::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::CorruptFile);
    EXPECT_EQ(fileHash(path), before);
    EXPECT_EQ(sideFiles("telemetry.sqlite"), QStringList());
}

TEST_F(OpenErrors, AnotherApplicationsDatabaseIsRefusedUntouched)
{
    const QString path = dir.filePath("other.sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "other-app");
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec("CREATE TABLE contacts (name TEXT)"));
        ASSERT_TRUE(query.exec("INSERT INTO contacts VALUES ('ada')"));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("other-app");
    const QByteArray before = fileHash(path);
    auto opened = TelemetryStore::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::CorruptFile);
    EXPECT_EQ(fileHash(path), before);
}

TEST_F(OpenErrors, ANewerSchemaIsRefusedUntouched)
{
    const QString path = dir.filePath("telemetry.sqlite");
    ASSERT_TRUE(TelemetryStore::open(path).ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "future");
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QString("INSERT INTO schema_migrations VALUES (%1, 0)")
                                   .arg(TelemetryStore::kSchemaVersion + 1)));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("future");
    const QByteArray before = fileHash(path);
    auto opened = TelemetryStore::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::UnsupportedVersion);
    EXPECT_EQ(fileHash(path), before);
}

TEST_F(OpenErrors, AMissingDirectoryIsAnIoError)
{
    auto opened = TelemetryStore::open(dir.filePath("missing/sub/telemetry.sqlite"));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::IoError);
    EXPECT_FALSE(QFile::exists(dir.filePath("missing")));
}

TEST_F(StoreTest, ASecondStoreOnAnOpenFileSeesItsCommittedData)
{
    // The first store keeps the file open, so its WAL exists and the probe reads through it.
    Series series;
    const auto samples = fill(kT0, 500, kMinute, series);
    ASSERT_TRUE(QFile::exists(path + "-wal"));
    auto second = TelemetryStore::open(path);
    ASSERT_TRUE(second.ok()) << second.error().detail.toStdString();
    auto read = (*second)->readings(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + kDay);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->size(), qsizetype(samples.size()));
}

TEST_F(OpenErrors, AnEmptyFileBecomesAStore)
{
    const QString path = dir.filePath("empty.sqlite");
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    auto opened = TelemetryStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().detail.toStdString();
    EXPECT_EQ((*opened)->schemaVersion(), TelemetryStore::kSchemaVersion);
}

TEST_F(StoreTest, ReadersSeeWholeBatchesWhileAWriterAppends)
{
    constexpr int kBatches = 200;
    constexpr int kBatchSize = 50;
    std::atomic<bool> writing {true};
    std::atomic<int> readerErrors {0};
    std::atomic<int> tornReads {0};
    std::atomic<int> reads {0};
    TelemetryStore *shared = store.get();
    const qint64 dev = device;

    QThread *writer = QThread::create([&] {
        for (int b = 0; b < kBatches; ++b) {
            QList<TelemetryReading> batch;
            for (int i = 0; i < kBatchSize; ++i) {
                const qint64 n = qint64(b) * kBatchSize + i;
                batch.append({dev, TelemetryKind::AcPowerMilliwatts, kT0 + n * 1000, n});
            }
            if (!shared->append(batch).ok())
                readerErrors.fetch_add(1000);
        }
        writing = false;
    });
    std::vector<QThread *> readers;
    for (int r = 0; r < 3; ++r) {
        readers.push_back(QThread::create([&, r] {
            qint64 lastCount = 0;
            auto check = [&] {
                auto buckets = shared->downsample(dev, TelemetryKind::AcPowerMilliwatts, kT0,
                                                  kT0 + kDay, kHour);
                auto raw = shared->readings(dev, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + kDay);
                if (!buckets.ok() || !raw.ok()) {
                    readerErrors.fetch_add(1);
                    return;
                }
                qint64 count = 0;
                for (const auto &b : *buckets)
                    count += b.count;
                // Each batch is one transaction: a reader sees whole batches, never fewer
                // readings than before.
                if (count % kBatchSize != 0 || raw->size() % kBatchSize != 0 || count < lastCount)
                    tornReads.fetch_add(1);
                lastCount = count;
                reads.fetch_add(1);
            };
            while (writing)
                check();
            check();
            if (r == 0)
                shared->closeThreadConnection();
        }));
    }
    writer->start();
    for (QThread *reader : readers)
        reader->start();
    writer->wait();
    for (QThread *reader : readers)
        reader->wait();
    delete writer;
    for (QThread *reader : readers)
        delete reader;

    EXPECT_EQ(readerErrors.load(), 0);
    EXPECT_EQ(tornReads.load(), 0);
    EXPECT_GE(reads.load(), 3);
    auto all = store->readings(device, TelemetryKind::AcPowerMilliwatts, kT0, kT0 + kDay);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), kBatches * kBatchSize);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
