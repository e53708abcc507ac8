// FleetAlerts: which events become notifications, and that a burst becomes one summary.

#include "FleetAlerts.h"
#include "UiTestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using ovpp::ui::FleetAlerts;

namespace {

QString id(int i)
{
    return QStringLiteral("CP-%1").arg(i, 3, 10, QLatin1Char('0'));
}

TEST(FleetAlertsTest, ThreeHundredChargersDroppingGiveOneSummary)
{
    FleetAlerts alerts;
    QSignalSpy notified(&alerts, &FleetAlerts::notify);
    for (int i = 0; i < 300; ++i)
        alerts.wentOffline(id(i));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !notified.isEmpty(); }, 60000));
    // Let any further (wrong) notices arrive before counting: the window's timer is done.
    QCoreApplication::processEvents();
    ASSERT_EQ(notified.size(), 1);
    const QString text = notified.front().at(1).toString();
    EXPECT_TRUE(text.startsWith(QStringLiteral("300 chargers went offline"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("CP-000, CP-001, CP-002, …"))) << text.toStdString();
}

TEST(FleetAlertsTest, OneEventIsToldInWordsWithTheLabel)
{
    FleetAlerts alerts;
    QSignalSpy notified(&alerts, &FleetAlerts::notify);
    alerts.setLabel(QStringLiteral("CP-1"), QStringLiteral("Garage"));
    alerts.faulted(QStringLiteral("CP-1"), QStringLiteral("GroundFailure"));
    alerts.flush();
    ASSERT_EQ(notified.size(), 1);
    EXPECT_EQ(notified.front().at(0).toString(), QStringLiteral("Charger fault"));
    EXPECT_EQ(notified.front().at(1).toString(), QStringLiteral("Garage: GroundFailure"));
}

TEST(FleetAlertsTest, MixedBurstsAreSummedPerKind)
{
    FleetAlerts alerts;
    QSignalSpy notified(&alerts, &FleetAlerts::notify);
    alerts.wentOffline(id(1));
    alerts.wentOffline(id(2));
    alerts.flush();
    ASSERT_EQ(notified.size(), 1);

    alerts.faulted(id(7), QStringLiteral("OverCurrentFailure"));
    alerts.cameOnline(id(1)); // was reported offline: news
    alerts.cameOnline(id(9)); // never reported offline (start-up): not news
    alerts.flush();
    ASSERT_EQ(notified.size(), 2);
    EXPECT_EQ(notified.at(1).at(0).toString(), QStringLiteral("Fleet alerts"));
    EXPECT_EQ(notified.at(1).at(1).toString(),
              QStringLiteral("1 charger faulted (CP-007); 1 charger came back online (CP-001)"));
}

TEST(FleetAlertsTest, OfflineAndBackWithinOneWindowIsNotNews)
{
    FleetAlerts alerts;
    QSignalSpy notified(&alerts, &FleetAlerts::notify);
    alerts.wentOffline(id(1));
    alerts.cameOnline(id(1));
    alerts.flush();
    EXPECT_TRUE(notified.isEmpty());
    // And since it was never reported offline, its next return is not news either.
    alerts.cameOnline(id(1));
    alerts.flush();
    EXPECT_TRUE(notified.isEmpty());
}

TEST(FleetAlertsTest, StartupOnlinesAreSilent)
{
    FleetAlerts alerts;
    QSignalSpy notified(&alerts, &FleetAlerts::notify);
    for (int i = 0; i < 50; ++i)
        alerts.cameOnline(id(i));
    alerts.flush();
    EXPECT_TRUE(notified.isEmpty());
}

} // namespace
