// SetChargingProfile's csChargingProfiles object: field names and values as OCPP 1.6 has them,
// limits from integer tenths without rounding surprises.

#include "der/ocpp/ChargingProfile.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace ovpp::core::ocpp;

TEST(ChargingProfile, AbsoluteDefaultProfile)
{
    ChargingProfile p;
    p.chargingProfileId = 3;
    p.stackLevel = 1;
    p.rateUnit = QStringLiteral("A");
    p.periods = {{0, 160, std::nullopt}, {3600, 65, 3}};
    const QJsonObject json = p.toJson();
    EXPECT_EQ(json.value(QLatin1String("chargingProfileId")).toInt(), 3);
    EXPECT_EQ(json.value(QLatin1String("stackLevel")).toInt(), 1);
    EXPECT_EQ(json.value(QLatin1String("chargingProfilePurpose")).toString(),
              QLatin1String("TxDefaultProfile"));
    EXPECT_EQ(json.value(QLatin1String("chargingProfileKind")).toString(),
              QLatin1String("Absolute"));
    EXPECT_FALSE(json.contains(QLatin1String("transactionId")));
    EXPECT_FALSE(json.contains(QLatin1String("recurrencyKind")));
    const QJsonObject schedule = json.value(QLatin1String("chargingSchedule")).toObject();
    EXPECT_EQ(schedule.value(QLatin1String("chargingRateUnit")).toString(), QLatin1String("A"));
    const QJsonArray periods = schedule.value(QLatin1String("chargingSchedulePeriod")).toArray();
    ASSERT_EQ(periods.size(), 2);
    EXPECT_EQ(periods.at(0).toObject().value(QLatin1String("startPeriod")).toInt(), 0);
    EXPECT_EQ(periods.at(0).toObject().value(QLatin1String("limit")).toDouble(), 16.0);
    EXPECT_FALSE(periods.at(0).toObject().contains(QLatin1String("numberPhases")));
    EXPECT_EQ(periods.at(1).toObject().value(QLatin1String("startPeriod")).toInt(), 3600);
    EXPECT_EQ(periods.at(1).toObject().value(QLatin1String("limit")).toDouble(), 6.5);
    EXPECT_EQ(periods.at(1).toObject().value(QLatin1String("numberPhases")).toInt(), 3);
}

TEST(ChargingProfile, TransactionProfileWithTimes)
{
    ChargingProfile p;
    p.purpose = QStringLiteral("TxProfile");
    p.transactionId = 42;
    p.kind = QStringLiteral("Recurring");
    p.recurrencyKind = QStringLiteral("Daily");
    p.startSchedule = QDateTime(QDate(2026, 11, 24), QTime(4, 0), Qt::UTC);
    p.durationSeconds = 7200;
    p.minChargingRateTenths = 42;
    p.periods = {{0, 110000, std::nullopt}};
    const QJsonObject json = p.toJson();
    EXPECT_EQ(json.value(QLatin1String("transactionId")).toInt(), 42);
    EXPECT_EQ(json.value(QLatin1String("recurrencyKind")).toString(), QLatin1String("Daily"));
    const QJsonObject schedule = json.value(QLatin1String("chargingSchedule")).toObject();
    EXPECT_EQ(schedule.value(QLatin1String("startSchedule")).toString(),
              QLatin1String("2026-11-24T04:00:00.000Z"));
    EXPECT_EQ(schedule.value(QLatin1String("duration")).toInt(), 7200);
    EXPECT_EQ(schedule.value(QLatin1String("minChargingRate")).toDouble(), 4.2);
    EXPECT_EQ(schedule.value(QLatin1String("chargingSchedulePeriod"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QLatin1String("limit"))
                  .toDouble(),
              11000.0);
}
