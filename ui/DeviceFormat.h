#pragma once

// Words and numbers for the device views: power and energy from integer base units (exact:
// no floating-point on the way), states in words, "as of" times.

#include "der/network/DeviceStatus.h"
#include "der/ocpp/ChargerState.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ovpp::ui {

class DeviceFormat
{
    Q_DECLARE_TR_FUNCTIONS(DeviceFormat)

public:
    // Stable keys the views colour by; stateText() says them in words.
    enum class State {
        Producing,
        Sleeping,
        Charging,
        PluggedIn,
        Available,
        Faulted,
        Offline,
        Unknown
    };

    // 950 W, 1.25 kW, -3.40 kW (rounded to 10 W above 1 kW).
    static QString power(qint64 milliwatts);
    // 820 Wh, 12.34 kWh, 1.23 MWh.
    static QString energy(qint64 wattHours);
    // 55.5 % from milli-percent.
    static QString percent(qint64 millipercent);

    static State inverterState(const core::InverterStatus &status);
    static State chargerState(const core::ocpp::ChargerState &charger);
    static QString stateKey(State state);
    static QString stateText(State state);

    // The connector that represents the charger on a card: 1 if there is one, else 0.
    static const core::ocpp::ConnectorState *mainConnector(const core::ocpp::ChargerState &c);

    // "just now", "12 s ago", "5 min ago", "3 h ago", or the date; relative to `now`.
    static QString relative(const QDateTime &when, const QDateTime &now);
    static QString absolute(const QDateTime &when);
};

} // namespace ovpp::ui
