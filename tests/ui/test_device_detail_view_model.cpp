// The device detail's chart and totals from a real TelemetryStore file, read on the worker
// thread: raw readings while the window holds few, bucket averages (the store's downsampling)
// when it holds many; energy totals from the counter.

#include "DeviceDetailViewModel.h"
#include "DeviceTelemetry.h"
#include "store/TelemetryStore.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <gtest/gtest.h>

using namespace ovpp;

namespace {

constexpr int waitMs = 30000;

class DeviceDetailTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale::c());
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
        auto store = core::TelemetryStore::open(m_path);
        ASSERT_TRUE(bool(store));
        m_store = std::move(store.value());
    }
    void TearDown() override
    {
        if (m_store)
            m_store->closeThreadConnection();
    }

    void append(const QString &key, core::TelemetryKind kind, QList<std::pair<qint64, qint64>> rows)
    {
        auto id = m_store->deviceId(key);
        ASSERT_TRUE(bool(id));
        QList<core::TelemetryReading> readings;
        for (const auto &[ts, value] : rows)
            readings.append(core::TelemetryReading {*id, kind, ts, value});
        ASSERT_TRUE(bool(m_store->append(readings)));
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<core::TelemetryStore> m_store;
};

bool waitLoaded(ui::DeviceDetailViewModel &vm)
{
    return QTest::qWaitFor([&] { return !vm.busy(); }, waitMs);
}

} // namespace

TEST_F(DeviceDetailTest, FewReadingsAreShownOneByOne)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    append(QStringLiteral("inv-a"), core::TelemetryKind::AcPowerMilliwatts,
           {{now - 30'000, 2'500'000}, {now - 20'000, 2'600'000}, {now - 10'000, 2'750'000}});
    // Another device's readings are not mixed in.
    append(QStringLiteral("inv-b"), core::TelemetryKind::AcPowerMilliwatts,
           {{now - 15'000, 9'000'000}});

    ui::DeviceTelemetry telemetry(m_path);
    ui::DeviceDetailViewModel vm(nullptr, nullptr, &telemetry);
    vm.select(QStringLiteral("inv-a"));
    EXPECT_TRUE(vm.busy());
    ASSERT_TRUE(waitLoaded(vm));
    EXPECT_TRUE(vm.errorText().isEmpty()) << vm.errorText().toStdString();
    ASSERT_EQ(vm.pointCount(), 3);
    EXPECT_EQ(vm.points().at(0), QPointF(double(now - 30'000), 2.5));
    EXPECT_EQ(vm.points().at(2), QPointF(double(now - 10'000), 2.75));
    EXPECT_EQ(vm.axisMaxKw(), 4.0); // ceil(2.75 * 1.15)
    EXPECT_LE(vm.axisFrom().toMSecsSinceEpoch(), now - 30'000);
}

TEST_F(DeviceDetailTest, ManyReadingsAreBucketAverages)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<std::pair<qint64, qint64>> rows;
    for (int i = 1; i <= 120; ++i) // one a minute for two hours, 1..120 kW
        rows.append({now - qint64(i) * 60'000, qint64(i) * 1'000'000});
    append(QStringLiteral("inv-a"), core::TelemetryKind::AcPowerMilliwatts, rows);

    // What the day chart must show: 5-minute buckets of the window, each the integer average.
    const core::ChartWindow w = core::TelemetryStore::chartWindow(core::ChartSpan::Day, now);
    QMap<qint64, std::pair<qint64, qint64>> expected; // bucket start -> (sum, count)
    for (const auto &[ts, value] : rows) {
        if (ts < w.fromMs || ts >= w.toMs)
            continue;
        const qint64 start = w.fromMs + (ts - w.fromMs) / w.bucketMs * w.bucketMs;
        expected[start].first += value;
        expected[start].second += 1;
    }

    ui::DeviceTelemetry telemetry(m_path);
    ui::DeviceDetailViewModel vm(nullptr, nullptr, &telemetry);
    vm.select(QStringLiteral("inv-a"));
    ASSERT_TRUE(waitLoaded(vm));
    ASSERT_EQ(vm.pointCount(), expected.size());
    int i = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++i) {
        EXPECT_EQ(vm.points().at(i).x(), double(it.key() + w.bucketMs / 2));
        EXPECT_EQ(vm.points().at(i).y(), double(it->first / it->second) / 1'000'000.0);
    }

    // A week: 30-minute buckets, fewer points over the same readings.
    vm.setSpan(ui::DeviceDetailViewModel::Span::Week);
    ASSERT_TRUE(waitLoaded(vm));
    EXPECT_GE(vm.pointCount(), 4);
    EXPECT_LE(vm.pointCount(), 5);
}

TEST_F(DeviceDetailTest, EnergyTotalsFromTheCounter)
{
    const QDate today = QDate::currentDate();
    const qint64 dayStart = QDateTime(today, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<std::pair<qint64, qint64>> rows {{dayStart, 1'000'000},
                                           {std::max(dayStart + 1, now - 1), 1'004'250}};
    // Earlier this month (or last month on the 1st: then it counts for neither).
    rows.append({dayStart - 24 * 3600 * 1000, 990'000});
    append(QStringLiteral("inv-a"), core::TelemetryKind::EnergyWattHours, rows);

    ui::DeviceTelemetry telemetry(m_path);
    ui::DeviceDetailViewModel vm(nullptr, nullptr, &telemetry);
    QSignalSpy totals(&vm, &ui::DeviceDetailViewModel::totalsChanged);
    vm.select(QStringLiteral("inv-a"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.lifetimeText() != QStringLiteral("—"); }, waitMs));
    EXPECT_EQ(vm.todayText(), QStringLiteral("4.25 kWh"));
    EXPECT_EQ(vm.lifetimeText(), QStringLiteral("1.00 MWh"));
    EXPECT_EQ(vm.monthText(),
              today.day() == 1 ? QStringLiteral("4.25 kWh") : QStringLiteral("14.25 kWh"));
}

TEST_F(DeviceDetailTest, UnknownDeviceHasAnEmptyChart)
{
    ui::DeviceTelemetry telemetry(m_path);
    ui::DeviceDetailViewModel vm(nullptr, nullptr, &telemetry);
    vm.select(QStringLiteral("nothing-here"));
    ASSERT_TRUE(waitLoaded(vm));
    EXPECT_EQ(vm.pointCount(), 0);
    EXPECT_EQ(vm.todayText(), QStringLiteral("—"));
}
