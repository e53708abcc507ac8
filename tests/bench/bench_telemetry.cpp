// TelemetryStore with a year of 1-minute readings for one device (525,600 rows): the time to
// insert them, and the day / week / month / year chart queries the Devices page runs.
// Run: build/<dir>/tests/bench/bench_telemetry; figures go to docs/benchmarks.md.

#include "store/TelemetryStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace ovpp::core;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kT0 = 1767225600000; // 2026-01-01T00:00:00Z
constexpr qint64 kReadings = 365LL * 24 * 60;
constexpr qint64 kBatch = 10'000; // rows per transaction, as a bulk import would write them

struct YearOfData
{
    QTemporaryDir dir;
    std::unique_ptr<TelemetryStore> store;
    qint64 device = 0;
    qint64 endMs = kT0 + (kReadings - 1) * kMinute;

    // Inserts the year into a fresh store; returns false on any error.
    bool build()
    {
        store.reset();
        QFile::remove(dir.filePath("year.sqlite"));
        auto opened = TelemetryStore::open(dir.filePath("year.sqlite"));
        if (!opened)
            return false;
        store = std::move(*opened);
        auto id = store->deviceId("sunspec:BENCH-1");
        if (!id)
            return false;
        device = *id;
        quint64 state = 1;
        for (qint64 start = 0; start < kReadings; start += kBatch) {
            QList<TelemetryReading> batch;
            batch.reserve(kBatch);
            for (qint64 i = start; i < std::min(kReadings, start + kBatch); ++i) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                batch.append({device, TelemetryKind::AcPowerMilliwatts, kT0 + i * kMinute,
                              static_cast<qint64>((state >> 33) % 5'000'000)});
            }
            if (!store->append(batch))
                return false;
        }
        return true;
    }
};

// Built on first use and destroyed in main, while Qt Sql's globals still exist.
std::unique_ptr<YearOfData> g_year;
std::unique_ptr<YearOfData> g_compacted;
bool g_compactedReady = false;

YearOfData &year()
{
    if (!g_year) {
        g_year = std::make_unique<YearOfData>();
        g_year->build();
    }
    return *g_year;
}

void BM_InsertYearOfMinuteReadings(benchmark::State &state)
{
    YearOfData data;
    for (auto _ : state) {
        if (!data.build()) {
            state.SkipWithError("insert failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * kReadings);
    data.store.reset(); // closing checkpoints the WAL into the file
    state.counters["file_MB"] = double(QFileInfo(data.dir.filePath("year.sqlite")).size()) / 1e6;
}
BENCHMARK(BM_InsertYearOfMinuteReadings)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Chart(benchmark::State &state)
{
    const auto span = static_cast<ChartSpan>(state.range(0));
    YearOfData &data = year();
    qsizetype points = 0;
    for (auto _ : state) {
        auto buckets
            = data.store->chart(data.device, TelemetryKind::AcPowerMilliwatts, span, data.endMs);
        if (!buckets) {
            state.SkipWithError("chart query failed");
            return;
        }
        points = buckets->size();
        benchmark::DoNotOptimize(buckets->constData());
    }
    state.counters["points"] = double(points);
}
BENCHMARK(BM_Chart)
    ->ArgName("span(0=day,1=week,2=month,3=year)")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kMillisecond);

void BM_RawDay(benchmark::State &state)
{
    YearOfData &data = year();
    for (auto _ : state) {
        auto samples = data.store->readings(data.device, TelemetryKind::AcPowerMilliwatts,
                                            data.endMs - 24 * 60 * kMinute, data.endMs + 1);
        if (!samples) {
            state.SkipWithError("range query failed");
            return;
        }
        benchmark::DoNotOptimize(samples->constData());
    }
}
BENCHMARK(BM_RawDay)->Unit(benchmark::kMillisecond);

// The year chart once the first 11 months are compacted into hourly rollups.
void BM_ChartYearAfterCompaction(benchmark::State &state)
{
    if (!g_compacted) {
        g_compacted = std::make_unique<YearOfData>();
        g_compactedReady
            = g_compacted->build() && g_compacted->store->compact(g_compacted->endMs, 30).ok();
    }
    YearOfData &data = *g_compacted;
    if (!g_compactedReady) {
        state.SkipWithError("compaction failed");
        return;
    }
    for (auto _ : state) {
        auto buckets = data.store->chart(data.device, TelemetryKind::AcPowerMilliwatts,
                                         ChartSpan::Year, data.endMs);
        if (!buckets) {
            state.SkipWithError("chart query failed");
            return;
        }
        benchmark::DoNotOptimize(buckets->constData());
    }
    state.counters["file_MB"] = double(QFileInfo(data.dir.filePath("year.sqlite")).size()) / 1e6;
}
BENCHMARK(BM_ChartYearAfterCompaction)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    // QSqlDatabase loads its SQLite driver as a plugin, which needs an application object.
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_year.reset();
    g_compacted.reset();
    return 0;
}
