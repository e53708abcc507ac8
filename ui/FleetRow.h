#pragma once

// One charger as the fleet table shows it: a plain value derived from the central system's
// ChargerState (and the catalog's label). A fleet manager looks at chargers, not connectors:
// one row per charge point, showing its "main" connector — the one with a session, else a
// faulted one, else connector 1 — because that is where the EV is.

#include "der/ocpp/ChargerState.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ovpp::ui {

struct FleetRow
{
    // What the status filter and the chips count. Order is the sort order of the status column
    // (what needs attention first).
    enum class Category { Faulted, Offline, Charging, Available, Other };

    QString id; // the OCPP charge point id
    QString label; // the user's name for it (catalog); may be empty
    QString vendor;
    QString model;
    bool known = false; // heard from at least once (else only in the catalog)
    bool online = false;
    int connectorId = 0; // the main connector (0 when the charger reported none)
    QString status; // OCPP ChargePointStatus of the main connector, empty if never reported
    QString errorCode; // "NoError" or empty when fine
    QString errorInfo;
    std::optional<double> socPercent;
    QDateTime socMeasuredAt;
    std::optional<double> powerWatts;
    std::optional<qint64> sessionEnergyWh; // exact, from the meter register
    std::optional<int> transactionId; // set while a transaction runs on the main connector
    QDateTime lastSeen;

    Category category() const;
    bool faulted() const { return category() == Category::Faulted; }
    // The text of the fault column: "GroundFailure: RCD tripped", or empty.
    QString faultText() const;

    // Fills everything the central system knows; keeps id and label.
    void apply(const core::ocpp::ChargerState &state);

    friend bool operator==(const FleetRow &, const FleetRow &) = default;
};

} // namespace ovpp::ui
