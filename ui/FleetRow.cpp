#include "FleetRow.h"

namespace ovpp::ui {

namespace {

bool isFault(const core::ocpp::ConnectorState &c)
{
    return c.status == QLatin1String("Faulted")
        || (!c.errorCode.isEmpty() && c.errorCode != QLatin1String("NoError"));
}

// The connector a fleet manager cares about (see FleetRow.h).
const core::ocpp::ConnectorState *mainConnector(const core::ocpp::ChargerState &state)
{
    const core::ocpp::ConnectorState *faulted = nullptr;
    const core::ocpp::ConnectorState *first = nullptr;
    for (const auto &c : state.connectors) {
        if (c.connectorId == 0)
            continue;
        if (c.transaction && c.transaction->active())
            return &c;
        if (!faulted && isFault(c))
            faulted = &c;
        if (!first)
            first = &c;
    }
    if (faulted)
        return faulted;
    if (first)
        return first;
    // Only connector 0 (the charge point as a whole) reported so far.
    const auto whole = state.connectors.constFind(0);
    return whole == state.connectors.cend() ? nullptr : &*whole;
}

} // namespace

FleetRow::Category FleetRow::category() const
{
    if (!online)
        return Category::Offline;
    if (status == QLatin1String("Faulted")
        || (!errorCode.isEmpty() && errorCode != QLatin1String("NoError")))
        return Category::Faulted;
    if (status == QLatin1String("Charging") || status == QLatin1String("SuspendedEV")
        || status == QLatin1String("SuspendedEVSE"))
        return Category::Charging;
    if (status == QLatin1String("Available"))
        return Category::Available;
    return Category::Other;
}

QString FleetRow::faultText() const
{
    if (errorCode.isEmpty() || errorCode == QLatin1String("NoError"))
        return status == QLatin1String("Faulted") ? errorInfo : QString();
    return errorInfo.isEmpty() ? errorCode : errorCode + QStringLiteral(": ") + errorInfo;
}

void FleetRow::apply(const core::ocpp::ChargerState &state)
{
    known = true;
    online = state.online;
    vendor = state.vendor;
    model = state.model;
    lastSeen = state.lastSeen;

    const core::ocpp::ConnectorState *c = mainConnector(state);
    // A fault on connector 0 (the whole charge point) wins over a fine main connector.
    const auto whole = state.connectors.constFind(0);
    const bool wholeFaulted = whole != state.connectors.cend() && isFault(*whole);
    connectorId = c ? c->connectorId : 0;
    status = c ? c->status : QString();
    const core::ocpp::ConnectorState *faultSource
        = wholeFaulted && !(c && isFault(*c)) ? &*whole : c;
    errorCode = faultSource ? faultSource->errorCode : QString();
    errorInfo = faultSource ? faultSource->info : QString();

    socPercent.reset();
    socMeasuredAt = {};
    powerWatts.reset();
    sessionEnergyWh.reset();
    transactionId.reset();
    if (!c)
        return;
    if (c->soc) {
        socPercent = c->soc->percent;
        socMeasuredAt = c->soc->measuredAt;
    }
    // Power only means something while a car draws it; an idle connector's last sample is stale.
    if (c->power && c->transaction && c->transaction->active())
        powerWatts = c->power->watts;
    sessionEnergyWh = c->sessionEnergyWh();
    if (c->transaction && c->transaction->active())
        transactionId = c->transaction->transactionId;
}

} // namespace ovpp::ui
