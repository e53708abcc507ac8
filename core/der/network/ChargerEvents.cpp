#include "ChargerEvents.h"

namespace ovpp::core {

namespace {

bool isFault(const QString &errorCode)
{
    return !errorCode.isEmpty() && errorCode != QLatin1String("NoError");
}

template<typename R> QDateTime at(const std::optional<R> &reading)
{
    return reading ? reading->measuredAt : QDateTime();
}

} // namespace

QList<ChargerEvent> chargerEvents(const ocpp::ChargerState &before, const ocpp::ChargerState &after)
{
    using Type = ChargerEvent::Type;
    QList<ChargerEvent> events;
    auto add = [&events](Type type, int connectorId = 0, const ocpp::ConnectorState &c = {}) {
        events.append(ChargerEvent {type, connectorId, c});
    };
    if (!before.connected && after.connected)
        add(Type::Connected);
    if (!before.booted && after.booted)
        add(Type::Booted);
    if (before.connected && before.online && after.connected && !after.online)
        add(Type::Offline);
    if (before.connected && !before.online && after.connected && after.online)
        add(Type::Online);
    for (auto it = after.connectors.cbegin(); it != after.connectors.cend(); ++it) {
        const ocpp::ConnectorState &now = it.value();
        const ocpp::ConnectorState was = before.connectors.value(it.key());
        if (now.status != was.status || now.errorCode != was.errorCode || now.info != was.info)
            add(Type::Status, it.key(), now);
        if (isFault(now.errorCode) && now.errorCode != was.errorCode)
            add(Type::Fault, it.key(), now);
        const bool newTransaction = now.transaction
            && (!was.transaction
                || was.transaction->transactionId != now.transaction->transactionId);
        if (newTransaction)
            add(Type::TransactionStarted, it.key(), now);
        if (now.energy || now.power || now.soc) {
            if (at(now.energy) != at(was.energy) || at(now.power) != at(was.power)
                || at(now.soc) != at(was.soc)
                || (now.energy && was.energy && now.energy->wattHours != was.energy->wattHours))
                add(Type::Meter, it.key(), now);
        }
        const bool stopped = now.transaction && !now.transaction->active()
            && (newTransaction || !was.transaction || was.transaction->active());
        if (stopped)
            add(Type::TransactionStopped, it.key(), now);
    }
    if (before.connected && !after.connected) {
        if (before.online)
            add(Type::Offline);
        add(Type::Disconnected);
    }
    return events;
}

QString chargerEventName(ChargerEvent::Type type)
{
    switch (type) {
    case ChargerEvent::Type::Connected:
        return QStringLiteral("connected");
    case ChargerEvent::Type::Disconnected:
        return QStringLiteral("disconnected");
    case ChargerEvent::Type::Booted:
        return QStringLiteral("boot");
    case ChargerEvent::Type::Online:
        return QStringLiteral("online");
    case ChargerEvent::Type::Offline:
        return QStringLiteral("offline");
    case ChargerEvent::Type::Status:
        return QStringLiteral("status");
    case ChargerEvent::Type::Fault:
        return QStringLiteral("fault");
    case ChargerEvent::Type::Meter:
        return QStringLiteral("meter");
    case ChargerEvent::Type::TransactionStarted:
        return QStringLiteral("start");
    case ChargerEvent::Type::TransactionStopped:
        return QStringLiteral("stop");
    }
    return QString();
}

} // namespace ovpp::core
