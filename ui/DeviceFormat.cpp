#include "DeviceFormat.h"

#include <QLocale>

#include <cstdlib>

namespace ovpp::ui {

namespace {

// `value` / `unit` with two decimals, rounded half away from zero, in integer arithmetic.
QString scaled(qint64 value, qint64 unit)
{
    const qint64 hundredths = (std::llabs(value) * 100 + unit / 2) / unit;
    const QString sign = value < 0 && hundredths > 0 ? QStringLiteral("-") : QString();
    return QStringLiteral("%1%2%3%4")
        .arg(sign, QLocale().toString(hundredths / 100), QLocale().decimalPoint())
        .arg(hundredths % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

QString DeviceFormat::power(qint64 milliwatts)
{
    // Whole watts first (rounded half away from zero), then the unit.
    const qint64 watts
        = milliwatts >= 0 ? (milliwatts + 500) / 1000 : -((-milliwatts + 500) / 1000);
    if (std::llabs(watts) < 1000)
        return tr("%1 W").arg(QLocale().toString(watts));
    // From the milliwatts, not the rounded watts: rounding twice would move 1,234.5 W up.
    return tr("%1 kW").arg(scaled(milliwatts, 1'000'000));
}

QString DeviceFormat::energy(qint64 wattHours)
{
    if (std::llabs(wattHours) < 1000)
        return tr("%1 Wh").arg(QLocale().toString(wattHours));
    if (std::llabs(wattHours) < 1'000'000)
        return tr("%1 kWh").arg(scaled(wattHours, 1000));
    return tr("%1 MWh").arg(scaled(wattHours, 1'000'000));
}

QString DeviceFormat::percent(qint64 millipercent)
{
    const qint64 tenths = (std::llabs(millipercent) + 50) / 100;
    if (tenths % 10 == 0)
        return tr("%1 %").arg(tenths / 10);
    return tr("%1%2%3 %").arg(tenths / 10).arg(QLocale().decimalPoint()).arg(tenths % 10);
}

DeviceFormat::State DeviceFormat::inverterState(const core::InverterStatus &status)
{
    if (status.availability == core::Poller::Availability::Offline)
        return State::Offline;
    if (status.inverter && status.inverter->state() == core::SunSpecOperatingState::Fault)
        return State::Faulted;
    if (status.sleeping || (status.inverter && status.inverter->sleeping()))
        return State::Sleeping;
    if (status.inverter)
        return State::Producing;
    if (!status.measuredAt.isValid())
        return status.lastError.isEmpty() ? State::Unknown : State::Offline;
    return State::Unknown;
}

const core::ocpp::ConnectorState *DeviceFormat::mainConnector(const core::ocpp::ChargerState &c)
{
    auto it = c.connectors.constFind(1);
    if (it == c.connectors.constEnd())
        it = c.connectors.constFind(0);
    return it == c.connectors.constEnd() ? nullptr : &*it;
}

DeviceFormat::State DeviceFormat::chargerState(const core::ocpp::ChargerState &charger)
{
    if (!charger.online)
        return State::Offline;
    for (const core::ocpp::ConnectorState &c : charger.connectors) {
        if ((!c.errorCode.isEmpty() && c.errorCode != QLatin1String("NoError"))
            || c.status == QLatin1String("Faulted"))
            return State::Faulted;
    }
    const core::ocpp::ConnectorState *c = mainConnector(charger);
    if (!c)
        return State::Unknown;
    if (c->status == QLatin1String("Charging"))
        return State::Charging;
    if (c->status == QLatin1String("Available"))
        return State::Available;
    if (c->status == QLatin1String("Preparing") || c->status == QLatin1String("SuspendedEV")
        || c->status == QLatin1String("SuspendedEVSE") || c->status == QLatin1String("Finishing"))
        return State::PluggedIn;
    return State::Unknown;
}

QString DeviceFormat::stateKey(State state)
{
    switch (state) {
    case State::Producing:
        return QStringLiteral("producing");
    case State::Sleeping:
        return QStringLiteral("sleeping");
    case State::Charging:
        return QStringLiteral("charging");
    case State::PluggedIn:
        return QStringLiteral("plugged-in");
    case State::Available:
        return QStringLiteral("available");
    case State::Faulted:
        return QStringLiteral("faulted");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString DeviceFormat::stateText(State state)
{
    switch (state) {
    case State::Producing:
        return tr("Producing");
    case State::Sleeping:
        return tr("Sleeping");
    case State::Charging:
        return tr("Charging");
    case State::PluggedIn:
        return tr("Plugged in");
    case State::Available:
        return tr("Available");
    case State::Faulted:
        return tr("Faulted");
    case State::Offline:
        return tr("Offline");
    case State::Unknown:
        break;
    }
    return tr("Waiting for data");
}

QString DeviceFormat::relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 seconds = std::max<qint64>(0, when.secsTo(now));
    if (seconds < 5)
        return tr("just now");
    if (seconds < 60)
        return tr("%n s ago", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString DeviceFormat::absolute(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

} // namespace ovpp::ui
