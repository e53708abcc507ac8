#pragma once

// An OCPP 1.6 ChargingProfile (smart charging) as sent in SetChargingProfile.req. Limits are in
// the profile's rate unit (W or A); OCPP allows one decimal, so they are tenths, as integers.

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace ovpp::core::ocpp {

struct ChargingSchedulePeriod
{
    int startPeriodSeconds = 0; // from the schedule's start
    qint64 limitTenths = 0; // 110 = 11.0 A or W
    std::optional<int> numberPhases;
};

struct ChargingProfile
{
    int chargingProfileId = 1;
    std::optional<int> transactionId; // TxProfile only
    int stackLevel = 0;
    QString purpose
        = QStringLiteral("TxDefaultProfile"); // ChargePointMaxProfile, TxDefaultProfile, TxProfile
    QString kind = QStringLiteral("Absolute"); // Absolute, Recurring, Relative
    QString recurrencyKind; // Daily, Weekly (Recurring only)
    QDateTime validFrom;
    QDateTime validTo;
    std::optional<int> durationSeconds;
    QDateTime startSchedule;
    QString rateUnit = QStringLiteral("W"); // W or A
    std::vector<ChargingSchedulePeriod> periods;
    std::optional<qint64> minChargingRateTenths;

    // The csChargingProfiles object of SetChargingProfile.req.
    QJsonObject toJson() const;
};

} // namespace ovpp::core::ocpp
