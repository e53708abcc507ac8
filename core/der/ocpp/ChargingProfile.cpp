#include "ChargingProfile.h"

#include <QJsonArray>

namespace ovpp::core::ocpp {

namespace {

// 110 -> 11.0 exactly: tenths are small integers, so the division is exact in a double.
double fromTenths(qint64 tenths)
{
    return static_cast<double>(tenths) / 10.0;
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject ChargingProfile::toJson() const
{
    QJsonArray periodArray;
    for (const ChargingSchedulePeriod &p : periods) {
        QJsonObject o {{"startPeriod", p.startPeriodSeconds}, {"limit", fromTenths(p.limitTenths)}};
        if (p.numberPhases)
            o.insert(QStringLiteral("numberPhases"), *p.numberPhases);
        periodArray.append(o);
    }
    QJsonObject schedule {{"chargingRateUnit", rateUnit}, {"chargingSchedulePeriod", periodArray}};
    if (durationSeconds)
        schedule.insert(QStringLiteral("duration"), *durationSeconds);
    if (startSchedule.isValid())
        schedule.insert(QStringLiteral("startSchedule"), isoUtc(startSchedule));
    if (minChargingRateTenths)
        schedule.insert(QStringLiteral("minChargingRate"), fromTenths(*minChargingRateTenths));

    QJsonObject profile {{"chargingProfileId", chargingProfileId},
                         {"stackLevel", stackLevel},
                         {"chargingProfilePurpose", purpose},
                         {"chargingProfileKind", kind},
                         {"chargingSchedule", schedule}};
    if (transactionId)
        profile.insert(QStringLiteral("transactionId"), *transactionId);
    if (!recurrencyKind.isEmpty())
        profile.insert(QStringLiteral("recurrencyKind"), recurrencyKind);
    if (validFrom.isValid())
        profile.insert(QStringLiteral("validFrom"), isoUtc(validFrom));
    if (validTo.isValid())
        profile.insert(QStringLiteral("validTo"), isoUtc(validTo));
    return profile;
}

} // namespace ovpp::core::ocpp
