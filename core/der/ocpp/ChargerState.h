#pragma once

// What the central system knows about each charger: plain value structs, copied out to callers
// (view models, the CLI) so nobody holds a pointer into the central system's state.

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace ovpp::core::ocpp {

// Energy is kept as integer watt-hours (the meter register); never a floating-point sum.
struct EnergyReading
{
    qint64 wattHours = 0;
    QDateTime measuredAt;
};

struct PowerReading
{
    double watts = 0.0;
    QDateTime measuredAt;
};

// A state of charge is meaningless without the moment it was measured, so the two travel
// together.
struct SocReading
{
    double percent = 0.0;
    QDateTime measuredAt;
};

struct Transaction
{
    int transactionId = 0;
    int connectorId = 0;
    QString idTag;
    qint64 meterStartWh = 0;
    QDateTime startedAt;
    std::optional<qint64> meterStopWh; // set once stopped
    QDateTime stoppedAt;
    QString stopReason;

    bool active() const { return !meterStopWh.has_value(); }
};

struct ConnectorState
{
    int connectorId = 0;
    QString status; // OCPP ChargePointStatus: Available, Preparing, Charging, ...
    QString errorCode; // OCPP ChargePointErrorCode, "NoError" when fine
    QString info;
    QDateTime statusAt;
    std::optional<EnergyReading> energy; // Energy.Active.Import.Register
    std::optional<PowerReading> power; // Power.Active.Import
    std::optional<SocReading> soc; // SoC
    std::optional<Transaction> transaction; // the current one, or the last one once stopped

    // Energy delivered in the current (or last) transaction, from the meter register.
    std::optional<qint64> sessionEnergyWh() const
    {
        if (!transaction)
            return std::nullopt;
        if (transaction->meterStopWh)
            return *transaction->meterStopWh - transaction->meterStartWh;
        if (energy)
            return energy->wattHours - transaction->meterStartWh;
        return std::nullopt;
    }
};

struct ChargerState
{
    QString chargePointId;
    bool connected = false; // a WebSocket is open
    bool online = false; // connected and heard from within two heartbeat intervals
    bool booted = false; // a BootNotification was accepted on the current connection
    QString vendor;
    QString model;
    QString serialNumber;
    QString firmwareVersion;
    QDateTime connectedAt;
    QDateTime lastSeen; // last message of any kind (OCPP counts every message as a heartbeat)
    QDateTime lastHeartbeat;
    QMap<int, ConnectorState> connectors; // 0 = the charge point as a whole
};

} // namespace ovpp::core::ocpp
