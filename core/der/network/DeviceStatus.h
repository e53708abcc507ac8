#pragma once

// What the device network reports about one paired device, as plain values copied out to the
// view models and the CLI (nobody holds a pointer into the network's state).

#include "der/Poller.h"
#include "der/ocpp/ChargerState.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ovpp::core {

struct InverterStatus
{
    QString deviceId;
    Poller::Availability availability = Poller::Availability::Unknown;
    // The latest poll's result; readings are absent until the first successful poll and while
    // the inverter sleeps (night) or is offline.
    bool sleeping = false;
    std::optional<SunSpecInverterReading> inverter;
    std::optional<SunSpecMpptReading> mppt;
    std::optional<SunSpecBatteryReading> battery;
    QDateTime measuredAt; // when the readings above were taken (UTC); invalid if never
    QString lastError; // the latest failure in words, empty after a success
};

} // namespace ovpp::core
