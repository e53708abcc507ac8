// The fleet table under load: one batch of 1,000 changed chargers (what DeviceNetwork's
// chargersChanged delivers) applied to FleetModel and through the sorted, filtered proxy the
// page shows, in fleets of 1,000 and 5,000. Sorted by status (rows rarely move) and by session
// energy (every changed row moves), with and without a search filter. Plus the one-second
// clock tick over 5,000 rows.
// Run: build/<dir>/tests/bench/bench_fleet; figures go to docs/benchmarks.md.

#include "FleetFilterModel.h"
#include "FleetModel.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace ovpp;

namespace {

core::ocpp::ChargerState state(int i, qint64 energyWh, const QDateTime &at)
{
    core::ocpp::ChargerState s;
    s.chargePointId = QStringLiteral("FLEET-%1").arg(i, 4, 10, QLatin1Char('0'));
    s.connected = s.online = s.booted = true;
    s.vendor = QStringLiteral("OpenVPPSim");
    s.model = QStringLiteral("SimAC-22");
    s.lastSeen = at;
    core::ocpp::ConnectorState c;
    c.connectorId = 1;
    c.status = i % 10 == 0 ? QStringLiteral("Available") : QStringLiteral("Charging");
    c.errorCode = QStringLiteral("NoError");
    c.statusAt = at;
    c.energy = core::ocpp::EnergyReading {energyWh, at};
    c.power = core::ocpp::PowerReading {7360.0, at};
    c.soc = core::ocpp::SocReading {double(20 + (energyWh % 80)), at};
    core::ocpp::Transaction t;
    t.transactionId = i + 1;
    t.connectorId = 1;
    t.meterStartWh = 0;
    t.startedAt = at;
    c.transaction = t;
    s.connectors.insert(1, c);
    return s;
}

// args: fleet size, sort column, search ("" or a term).
void applyBatch(benchmark::State &bench, int fleetSize, int sortColumn, const char *search)
{
    ui::FleetModel model;
    ui::FleetFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(sortColumn, Qt::AscendingOrder);
    proxy.setSearchText(QString::fromLatin1(search));
    QDateTime at = QDateTime::currentDateTimeUtc();
    QList<core::ocpp::ChargerState> all;
    for (int i = 0; i < fleetSize; ++i)
        all.append(state(i, (i * 7919) % 100'003, at));
    model.applyChargers(all);

    constexpr int batchSize = 1000;
    int round = 0;
    for (auto _ : bench) {
        bench.PauseTiming();
        // 1,000 chargers spread over the fleet, each with new energy (so they re-sort).
        QList<core::ocpp::ChargerState> batch;
        batch.reserve(batchSize);
        at = at.addMSecs(250);
        ++round;
        for (int k = 0; k < batchSize; ++k) {
            const int i = (k * fleetSize / batchSize + round) % fleetSize;
            batch.append(state(i, (i * 7919 + round * 104'729) % 100'003, at));
        }
        bench.ResumeTiming();
        model.applyChargers(batch);
        benchmark::DoNotOptimize(proxy.rowCount());
    }
    bench.SetItemsProcessed(bench.iterations() * batchSize);
}

void BM_Batch1000_Fleet1000_SortStatus(benchmark::State &s)
{
    applyBatch(s, 1000, ui::FleetModel::StatusColumn, "");
}
void BM_Batch1000_Fleet5000_SortStatus(benchmark::State &s)
{
    applyBatch(s, 5000, ui::FleetModel::StatusColumn, "");
}
void BM_Batch1000_Fleet5000_SortEnergy(benchmark::State &s)
{
    applyBatch(s, 5000, ui::FleetModel::EnergyColumn, "");
}
void BM_Batch1000_Fleet5000_SortEnergySearch(benchmark::State &s)
{
    applyBatch(s, 5000, ui::FleetModel::EnergyColumn, "fleet-1");
}
BENCHMARK(BM_Batch1000_Fleet1000_SortStatus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Batch1000_Fleet5000_SortStatus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Batch1000_Fleet5000_SortEnergy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Batch1000_Fleet5000_SortEnergySearch)->Unit(benchmark::kMillisecond);

// The relative-time refresh: two dataChanged over 5,000 rows, through the proxy (which must
// not re-sort for it: only display roles change).
void BM_ClockTick_Fleet5000(benchmark::State &bench)
{
    ui::FleetModel model(nullptr, std::chrono::hours(1));
    ui::FleetFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ui::FleetModel::LastSeenColumn, Qt::AscendingOrder);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QList<core::ocpp::ChargerState> all;
    for (int i = 0; i < 5000; ++i)
        all.append(state(i, i, at));
    model.applyChargers(all);
    for (auto _ : bench) {
        // The same signals tick() emits.
        emit model.dataChanged(model.index(0, ui::FleetModel::LastSeenColumn),
                               model.index(4999, ui::FleetModel::LastSeenColumn),
                               {Qt::DisplayRole});
        emit model.dataChanged(model.index(0, ui::FleetModel::SocColumn),
                               model.index(4999, ui::FleetModel::SocColumn),
                               {ui::FleetModel::DetailRole});
    }
}
BENCHMARK(BM_ClockTick_Fleet5000)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
