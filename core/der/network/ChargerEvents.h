#pragma once

// The central system reports "charger X changed" and keeps the whole state; what changed is
// found by comparing two ChargerState copies. The device network turns these events into
// telemetry rows and notifications, `ovpp csms` into JSON lines, so both agree on what counts
// as a boot, a reading or a fault.

#include "der/ocpp/ChargerState.h"

#include <QList>
#include <QString>

namespace ovpp::core {

struct ChargerEvent
{
    enum class Type {
        Connected,
        Disconnected,
        Booted, // a BootNotification was accepted
        Online, // heard from again after being silent
        Offline, // silent for two heartbeat intervals, or disconnected
        Status, // a connector's status or error code changed
        Fault, // a connector reported an error code other than NoError
        Meter, // new energy/power/SoC readings on a connector
        TransactionStarted,
        TransactionStopped,
    };
    Type type = Type::Status;
    int connectorId = 0;
    // The connector's state after the change (Status, Fault, Meter, Transaction*).
    ocpp::ConnectorState connector;
};

// What happened between `before` (a default ChargerState for a charger seen for the first time)
// and `after`, in a stable order.
QList<ChargerEvent> chargerEvents(const ocpp::ChargerState &before,
                                  const ocpp::ChargerState &after);

QString chargerEventName(ChargerEvent::Type type);

} // namespace ovpp::core
