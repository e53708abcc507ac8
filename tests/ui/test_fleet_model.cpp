// FleetModel and its sorted, filtered view: row mapping from ChargerState, batched updates
// (dataChanged over contiguous runs, one insert per batch), counts, sort, filter and search over
// 5,000 rows, all under QAbstractItemModelTester; then the whole fleet view model against the
// real DeviceNetwork and ocpp-rpc strict charge points (commands included).

#include "ChargePointSimulator.h"
#include "FleetTestSupport.h"
#include "FleetViewModel.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace ovpp;
using ovpp::test::chargerState;
using ovpp::test::FakeConnector;
using ui::FleetModel;
using ui::FleetRow;

namespace {

QString cpId(int i)
{
    return QStringLiteral("CP-%1").arg(i, 4, 10, QLatin1Char('0'));
}

FakeConnector charging(qint64 start, qint64 now, double watts, double soc)
{
    FakeConnector c;
    c.status = QStringLiteral("Charging");
    c.meterStartWh = start;
    c.energyWh = now;
    c.watts = watts;
    c.soc = soc;
    return c;
}

struct Range
{
    int first;
    int last;
    int firstColumn;
    int lastColumn;
};

class FleetModelTest : public ::testing::Test
{
protected:
    FleetModelTest()
        : m_tester(&m_model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        QObject::connect(&m_model, &QAbstractItemModel::dataChanged, &m_model,
                         [this](const QModelIndex &a, const QModelIndex &b) {
                             changes.append({a.row(), b.row(), a.column(), b.column()});
                         });
        QObject::connect(&m_model, &QAbstractItemModel::rowsInserted, &m_model,
                         [this](const QModelIndex &, int first, int last) {
                             inserts.append({first, last, 0, 0});
                         });
    }

    FleetModel m_model;
    QAbstractItemModelTester m_tester;
    QList<Range> changes;
    QList<Range> inserts;
};

TEST_F(FleetModelTest, MapsAChargerToOneRowWithItsMainConnector)
{
    core::ocpp::ChargerState s
        = chargerState(QStringLiteral("CP-1"), true, charging(1'234'567, 1'240'001, 7360.0, 64.5));
    // A second, idle connector must not hide the one with the car on it.
    core::ocpp::ConnectorState idle;
    idle.connectorId = 2;
    idle.status = QStringLiteral("Available");
    idle.errorCode = QStringLiteral("NoError");
    s.connectors.insert(2, idle);
    m_model.applyChargers({s});

    ASSERT_EQ(m_model.rowCount(), 1);
    const FleetRow &r = m_model.row(0);
    EXPECT_EQ(r.id, QStringLiteral("CP-1"));
    EXPECT_EQ(r.connectorId, 1);
    EXPECT_EQ(r.category(), FleetRow::Category::Charging);
    ASSERT_TRUE(r.sessionEnergyWh.has_value());
    EXPECT_EQ(*r.sessionEnergyWh, 5434); // 1,240,001 - 1,234,567, exact
    EXPECT_EQ(m_model.index(0, FleetModel::EnergyColumn).data().toString(),
              QStringLiteral("5.434 kWh"));
    EXPECT_EQ(m_model.index(0, FleetModel::SocColumn).data().toString(), QStringLiteral("65 %"));
    EXPECT_EQ(m_model.index(0, FleetModel::PowerColumn).data().toString(),
              QStringLiteral("7.36 kW"));
    EXPECT_EQ(m_model.index(0, FleetModel::StatusColumn).data().toString(),
              QStringLiteral("Charging"));
    EXPECT_EQ(m_model.index(0, FleetModel::EnergyColumn).data(FleetModel::SortRole).toLongLong(),
              5434);
    EXPECT_TRUE(m_model.index(0, FleetModel::FaultColumn).data().toString().isEmpty());
    EXPECT_EQ(m_model.count(FleetRow::Category::Charging), 1);
}

TEST_F(FleetModelTest, FaultsAndOfflineChargersAreTheirOwnCategories)
{
    FakeConnector fault;
    fault.status = QStringLiteral("Faulted");
    fault.errorCode = QStringLiteral("GroundFailure");
    fault.info = QStringLiteral("RCD tripped");
    m_model.applyChargers({chargerState(QStringLiteral("A"), true, fault),
                           chargerState(QStringLiteral("B"), false),
                           chargerState(QStringLiteral("C"), true)});
    EXPECT_EQ(m_model.row(0).category(), FleetRow::Category::Faulted);
    EXPECT_EQ(m_model.index(0, FleetModel::FaultColumn).data().toString(),
              QStringLiteral("GroundFailure: RCD tripped"));
    EXPECT_EQ(m_model.index(0, FleetModel::StatusColumn).data(FleetModel::ToneRole).toString(),
              QStringLiteral("danger"));
    EXPECT_EQ(m_model.row(1).category(), FleetRow::Category::Offline);
    EXPECT_EQ(m_model.index(1, FleetModel::StatusColumn).data().toString(),
              QStringLiteral("Offline"));
    EXPECT_EQ(m_model.row(2).category(), FleetRow::Category::Available);
    EXPECT_EQ(m_model.count(FleetRow::Category::Faulted), 1);
    EXPECT_EQ(m_model.count(FleetRow::Category::Offline), 1);
    EXPECT_EQ(m_model.count(FleetRow::Category::Available), 1);
}

TEST_F(FleetModelTest, ABatchEmitsOneDataChangedPerContiguousRunAndOneInsert)
{
    QList<core::ocpp::ChargerState> first;
    for (int i = 0; i < 20; ++i)
        first.append(chargerState(cpId(i), true));
    m_model.applyChargers(first);
    ASSERT_EQ(inserts.size(), 1);
    EXPECT_EQ(inserts[0].first, 0);
    EXPECT_EQ(inserts[0].last, 19);
    changes.clear();
    inserts.clear();

    // Rows 3, 4, 5 and 9 change (given out of order, 4 twice); 3 new chargers arrive.
    QList<core::ocpp::ChargerState> batch;
    for (int i : {9, 5, 3, 4})
        batch.append(chargerState(cpId(i), true, charging(100, 100 + i, 7000.0, 50.0)));
    batch.append(chargerState(cpId(4), true, charging(100, 200, 7000.0, 51.0)));
    for (int i = 20; i < 23; ++i)
        batch.append(chargerState(cpId(i), false));
    // Unchanged: not reported.
    batch.append(first[0]);
    m_model.applyChargers(batch);

    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes[0].first, 3);
    EXPECT_EQ(changes[0].last, 5);
    EXPECT_EQ(changes[0].firstColumn, 0);
    EXPECT_EQ(changes[0].lastColumn, FleetModel::ColumnCount - 1);
    EXPECT_EQ(changes[1].first, 9);
    EXPECT_EQ(changes[1].last, 9);
    ASSERT_EQ(inserts.size(), 1);
    EXPECT_EQ(inserts[0].first, 20);
    EXPECT_EQ(inserts[0].last, 22);
    EXPECT_EQ(*m_model.row(m_model.rowOf(cpId(4))).sessionEnergyWh, 100); // the later state won
    EXPECT_EQ(m_model.count(FleetRow::Category::Charging), 4);
    EXPECT_EQ(m_model.count(FleetRow::Category::Offline), 3);
}

TEST_F(FleetModelTest, TheCatalogAddsLabelsNeverSeenChargersAndRemovesUnpairedOnes)
{
    m_model.applyChargers(
        {chargerState(QStringLiteral("A"), true), chargerState(QStringLiteral("B"), true),
         chargerState(QStringLiteral("C"), true), chargerState(QStringLiteral("D"), true)});
    QList<core::PairedDevice> devices;
    for (const char *id : {"A", "D", "E"}) {
        core::PairedDevice d;
        d.id = QString::fromLatin1(id);
        d.kind = core::PairedDevice::Kind::Charger;
        d.label = d.id == QLatin1String("D") ? QStringLiteral("Garage") : QString();
        devices.append(d);
    }
    core::PairedDevice inverter;
    inverter.id = QStringLiteral("inv-1");
    devices.append(inverter);
    m_model.setDevices(devices);

    ASSERT_EQ(m_model.rowCount(), 3);
    EXPECT_EQ(m_model.row(0).id, QStringLiteral("A"));
    EXPECT_EQ(m_model.row(1).id, QStringLiteral("D"));
    EXPECT_EQ(m_model.index(1, FleetModel::ChargerColumn).data().toString(),
              QStringLiteral("Garage"));
    EXPECT_EQ(m_model.index(1, FleetModel::ChargerColumn).data(FleetModel::DetailRole).toString(),
              QStringLiteral("D"));
    EXPECT_EQ(m_model.row(2).id, QStringLiteral("E"));
    EXPECT_EQ(m_model.index(2, FleetModel::StatusColumn).data().toString(),
              QStringLiteral("Never connected"));
    EXPECT_EQ(m_model.rowOf(QStringLiteral("E")), 2);
    EXPECT_EQ(m_model.rowOf(QStringLiteral("B")), -1);
    EXPECT_EQ(m_model.count(FleetRow::Category::Available), 2);
    EXPECT_EQ(m_model.count(FleetRow::Category::Offline), 1);
}

// The relative times: one timer, one dataChanged per time-bearing column over every row, with
// roles that sorting and filtering do not look at.
TEST_F(FleetModelTest, TheClockRefreshesTimeColumnsInOneSignalEach)
{
    QList<core::ocpp::ChargerState> batch;
    for (int i = 0; i < 50; ++i)
        batch.append(chargerState(cpId(i), true, charging(0, i, 7000.0, 30)));
    FleetModel model(nullptr, std::chrono::milliseconds(20));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyChargers(batch);
    ASSERT_TRUE(changed.isEmpty());
    ASSERT_TRUE(test::fleetWait([&] { return changed.size() >= 4; }));
    for (const QList<QVariant> &signal : changed) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        const auto roles = signal.at(2).value<QList<int>>();
        EXPECT_EQ(topLeft.row(), 0);
        EXPECT_EQ(bottomRight.row(), 49);
        EXPECT_EQ(topLeft.column(), bottomRight.column());
        EXPECT_TRUE(topLeft.column() == FleetModel::LastSeenColumn
                    || topLeft.column() == FleetModel::SocColumn);
        EXPECT_FALSE(roles.isEmpty());
        EXPECT_FALSE(roles.contains(FleetModel::SortRole));
    }
}

TEST(FleetModelText, RelativeTimes)
{
    const QDateTime now
        = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00Z"), Qt::ISODate);
    EXPECT_EQ(FleetModel::relativeTime({}, now), QStringLiteral("never"));
    EXPECT_EQ(FleetModel::relativeTime(now.addSecs(-2), now), QStringLiteral("just now"));
    EXPECT_EQ(FleetModel::relativeTime(now.addSecs(-12), now), QStringLiteral("12 s ago"));
    EXPECT_EQ(FleetModel::relativeTime(now.addSecs(-300), now), QStringLiteral("5 min ago"));
    EXPECT_EQ(FleetModel::relativeTime(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
    EXPECT_EQ(FleetModel::relativeTime(now.addDays(-2), now), QStringLiteral("2 d ago"));
}

TEST(FleetViewModelText, ChargeLimitsAreExactWatts)
{
    using ui::FleetViewModel;
    EXPECT_EQ(FleetViewModel::parseKilowatts(QStringLiteral("7.4")), 7400);
    EXPECT_EQ(FleetViewModel::parseKilowatts(QStringLiteral(" 11 ")), 11000);
    EXPECT_EQ(FleetViewModel::parseKilowatts(QStringLiteral("3,68")), 3680);
    EXPECT_EQ(FleetViewModel::parseKilowatts(QStringLiteral("0.001")), 1);
    EXPECT_EQ(FleetViewModel::parseKilowatts(QStringLiteral("1000")), 1'000'000);
    for (const char *bad : {"", "0", "0.0001", "1000.001", "-1", "7.4.1", "abc", "1e3", "."})
        EXPECT_FALSE(FleetViewModel::parseKilowatts(QString::fromLatin1(bad))) << bad;
}

// 5,000 chargers: the proxy sorts by numbers as numbers, filters by category, searches.
TEST(FleetFilterTest, SortsFiltersAndSearchesFiveThousandRows)
{
    ui::FleetViewModel vm;
    QAbstractItemModelTester sourceTester(vm.model(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(vm.table(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    constexpr int n = 5000;
    QList<core::ocpp::ChargerState> batch;
    for (int i = 0; i < n; ++i) {
        if (i % 10 == 0) {
            batch.append(chargerState(cpId(i), false));
        } else if (i % 10 == 1) {
            FakeConnector f;
            f.status = QStringLiteral("Faulted");
            f.errorCode = QStringLiteral("OverCurrentFailure");
            batch.append(chargerState(cpId(i), true, f));
        } else if (i % 2 == 0) {
            // Energies that sort differently as text than as numbers (9 < 10 < 100 ...).
            batch.append(
                chargerState(cpId(i), true, charging(0, (i * 7919) % 100'003, 7000.0, 40)));
        } else {
            batch.append(chargerState(cpId(i), true));
        }
    }
    QSignalSpy counts(&vm, &ui::FleetViewModel::countsChanged);
    vm.model()->applyChargers(batch);
    EXPECT_GE(counts.size(), 1);
    EXPECT_EQ(vm.totalCount(), n);
    EXPECT_EQ(vm.offlineCount(), 500);
    EXPECT_EQ(vm.faultedCount(), 500);
    EXPECT_EQ(vm.chargingCount(), 2000);
    EXPECT_EQ(vm.availableCount(), 2000);
    // Default order: what needs attention first.
    EXPECT_EQ(vm.table()->index(0, FleetModel::StatusColumn).data(FleetModel::CategoryRole).toInt(),
              int(FleetRow::Category::Faulted));

    vm.setStatusFilter(ui::FleetViewModel::Charging);
    EXPECT_EQ(vm.visibleCount(), 2000);
    vm.sortBy(FleetModel::EnergyColumn);
    EXPECT_TRUE(vm.sortAscending());
    vm.sortBy(FleetModel::EnergyColumn);
    EXPECT_FALSE(vm.sortAscending());
    QAbstractItemModel *t = vm.table();
    for (int r = 1; r < t->rowCount(); ++r) {
        ASSERT_GE(t->index(r - 1, FleetModel::EnergyColumn).data(FleetModel::SortRole).toLongLong(),
                  t->index(r, FleetModel::EnergyColumn).data(FleetModel::SortRole).toLongLong())
            << r;
    }

    // A batch while sorted: the changed row moves to its place.
    const QString id = cpId(2);
    vm.model()->applyChargers({chargerState(id, true, charging(0, 999'999, 7000.0, 90))});
    EXPECT_EQ(t->index(0, 0).data(FleetModel::IdRole).toString(), id);

    vm.setSearchText(QStringLiteral(" cp-004 "));
    // CP-0040 ... CP-0049, of which the even ones above 1 (mod 10) charge: 0042..0048.
    EXPECT_EQ(vm.visibleCount(), 4);
    vm.setStatusFilter(ui::FleetViewModel::All);
    EXPECT_EQ(vm.visibleCount(), 10);
    vm.setSearchText(QStringLiteral("simac"));
    EXPECT_EQ(vm.visibleCount(), n);
    vm.setSearchText(QString());
    vm.setStatusFilter(ui::FleetViewModel::Offline);
    EXPECT_EQ(vm.visibleCount(), 500);
}

// The whole path as the app runs it: DeviceNetwork on its thread, the catalog, ocpp-rpc strict
// charge points charging; then commands from the view model to one of them.
TEST(FleetLiveTest, FollowsRealChargersAndSendsCommands)
{
    test::FleetNetwork net;
    ASSERT_TRUE(net.pairChargers(QStringLiteral("FLT"), 3));
    ui::FleetViewModel vm;
    QAbstractItemModelTester proxyTester(vm.table(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    vm.setDeviceNetwork(net.network());
    ASSERT_TRUE(net.start());
    ASSERT_TRUE(test::fleetWait([&] { return vm.totalCount() == 3; }));
    EXPECT_TRUE(vm.connected());

    test::ChargePointSimulator sim(
        {QStringLiteral("--url"), net.wsUrl(), QStringLiteral("--id"), QStringLiteral("FLT"),
         QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--password"),
         QString::fromLatin1(test::FleetNetwork::key), QStringLiteral("--plug-in"),
         QStringLiteral("--samples"), QStringLiteral("0"), QStringLiteral("--meter-interval-ms"),
         QStringLiteral("100")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(test::fleetWait([&] {
        if (vm.chargingCount() != 3)
            return false;
        for (const FleetRow &r : vm.model()->rows()) {
            if (!r.sessionEnergyWh || *r.sessionEnergyWh <= 0 || !r.socPercent)
                return false;
        }
        return true;
    })) << test::ChargePointSimulator::dump(sim.problems()).toStdString();
    const FleetRow &labelled = vm.model()->row(vm.model()->rowOf(QStringLiteral("FLT-001")));
    EXPECT_EQ(labelled.label, QStringLiteral("Depot, bay \"1\""));
    EXPECT_EQ(labelled.vendor, QStringLiteral("OpenVPPSim"));

    // Select FLT-002 through the view and limit it, then stop it.
    vm.setSearchText(QStringLiteral("FLT-002"));
    ASSERT_EQ(vm.visibleCount(), 1);
    vm.select(0);
    EXPECT_EQ(vm.selectedId(), QStringLiteral("FLT-002"));
    ASSERT_TRUE(vm.canStop());
    vm.setChargeLimit(QStringLiteral("3.68"));
    ASSERT_TRUE(vm.commandBusy());
    ASSERT_TRUE(test::fleetWait([&] { return !vm.commandBusy(); }));
    EXPECT_TRUE(vm.errorText().isEmpty()) << vm.errorText().toStdString();
    EXPECT_FALSE(vm.resultText().isEmpty());
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("chargingProfile")));
    const QJsonObject profile = sim.events(QStringLiteral("chargingProfile")).front();
    EXPECT_EQ(profile.value(QLatin1String("id")).toString(), QStringLiteral("FLT-002"));
    EXPECT_EQ(profile.value(QLatin1String("limit")).toDouble(), 3680.0);

    vm.remoteStop();
    ASSERT_TRUE(test::fleetWait([&] { return !vm.commandBusy(); }));
    EXPECT_TRUE(vm.errorText().isEmpty()) << vm.errorText().toStdString();
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStopped")));
    const QJsonObject stopped = sim.events(QStringLiteral("transactionStopped")).front();
    EXPECT_EQ(stopped.value(QLatin1String("id")).toString(), QStringLiteral("FLT-002"));
    qint64 meterStart = -1;
    for (const QJsonObject &e : sim.events(QStringLiteral("transactionStarted"))) {
        if (e.value(QLatin1String("id")).toString() == QLatin1String("FLT-002"))
            meterStart = e.value(QLatin1String("meterStart")).toInteger();
    }
    ASSERT_GE(meterStart, 0);
    const qint64 expected = stopped.value(QLatin1String("meterStop")).toInteger() - meterStart;
    // The row settles on the finished session: exact energy, available again.
    ASSERT_TRUE(test::fleetWait([&] {
        const FleetRow &r = vm.model()->row(vm.model()->rowOf(QStringLiteral("FLT-002")));
        return r.category() == FleetRow::Category::Available && r.sessionEnergyWh
            && *r.sessionEnergyWh == expected;
    }));
    EXPECT_FALSE(vm.canStop());
    EXPECT_TRUE(vm.canStart());
    EXPECT_EQ(vm.chargingCount(), 2);
    EXPECT_TRUE(sim.problems().isEmpty())
        << test::ChargePointSimulator::dump(sim.problems()).toStdString();

    // The whole site drops at once: one notice for the three, with the label the catalog has.
    QSignalSpy notices(&vm, &ui::FleetViewModel::notice);
    sim.stop();
    ASSERT_TRUE(test::fleetWait([&] { return !notices.isEmpty(); }));
    ASSERT_TRUE(test::fleetWait([&] { return vm.offlineCount() == 3; }));
    QCoreApplication::processEvents();
    EXPECT_EQ(notices.size(), 1);
    const QString notice = notices.front().front().toString();
    EXPECT_TRUE(notice.contains(QStringLiteral("3 chargers went offline"))) << notice.toStdString();
    EXPECT_TRUE(notice.contains(QStringLiteral("Depot, bay \"1\""))) << notice.toStdString();
    EXPECT_EQ(vm.lastAlert(), notice);
    // (A call cut short by the shutdown is the simulator's "Client going away", not a problem
    // of the central system's; what strict mode says about its messages still counts.)
    EXPECT_TRUE(sim.events(QStringLiteral("strictValidationFailure")).isEmpty());
    EXPECT_TRUE(sim.events(QStringLiteral("badMessage")).isEmpty());
}

} // namespace
