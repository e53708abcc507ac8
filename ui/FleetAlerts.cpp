#include "FleetAlerts.h"

namespace ovpp::ui {

FleetAlerts::FleetAlerts(QObject *parent, std::chrono::milliseconds window)
    : QObject(parent)
{
    m_window.setSingleShot(true);
    m_window.setInterval(window);
    connect(&m_window, &QTimer::timeout, this, &FleetAlerts::flush);
}

void FleetAlerts::setLabel(const QString &chargerId, const QString &label)
{
    if (label.isEmpty())
        m_labels.remove(chargerId);
    else
        m_labels.insert(chargerId, label);
}

void FleetAlerts::faulted(const QString &chargerId, const QString &what)
{
    add(chargerId, Kind::Fault, what);
}

void FleetAlerts::wentOffline(const QString &chargerId)
{
    add(chargerId, Kind::Offline);
}

void FleetAlerts::cameOnline(const QString &chargerId)
{
    const auto pending = m_pending.constFind(chargerId);
    if (pending != m_pending.cend() && pending->kind == Kind::Offline) {
        // Gone and back within one window: nothing the user needs to hear about.
        m_pending.remove(chargerId);
        m_order.removeOne(chargerId);
        return;
    }
    if (!m_reportedOffline.contains(chargerId))
        return;
    add(chargerId, Kind::Online);
}

void FleetAlerts::add(const QString &chargerId, Kind kind, const QString &what)
{
    if (!m_pending.contains(chargerId))
        m_order.append(chargerId);
    m_pending.insert(chargerId, Pending {kind, what});
    if (!m_window.isActive())
        m_window.start();
}

QString FleetAlerts::nameOf(const QString &chargerId) const
{
    return m_labels.value(chargerId, chargerId);
}

void FleetAlerts::flush()
{
    m_window.stop();
    if (m_order.isEmpty())
        return;

    QStringList faults, offline, online;
    for (const QString &id : std::as_const(m_order)) {
        const Pending &p = m_pending[id];
        switch (p.kind) {
        case Kind::Fault:
            faults.append(id);
            break;
        case Kind::Offline:
            offline.append(id);
            m_reportedOffline.insert(id);
            break;
        case Kind::Online:
            online.append(id);
            m_reportedOffline.remove(id);
            break;
        }
    }

    if (m_order.size() == 1) {
        const QString &id = m_order.front();
        const Pending &p = m_pending[id];
        switch (p.kind) {
        case Kind::Fault:
            emit notify(tr("Charger fault"),
                        p.what.isEmpty() ? tr("%1 reported a fault.").arg(nameOf(id))
                                         : tr("%1: %2").arg(nameOf(id), p.what));
            break;
        case Kind::Offline:
            emit notify(tr("Charger offline"), tr("%1 stopped answering.").arg(nameOf(id)));
            break;
        case Kind::Online:
            emit notify(tr("Charger back online"), tr("%1 is answering again.").arg(nameOf(id)));
            break;
        }
    } else {
        // A few names make a summary actionable; the count says the rest.
        const auto some = [this](const QStringList &ids) {
            QStringList names;
            for (qsizetype i = 0; i < ids.size() && i < 3; ++i)
                names.append(nameOf(ids[i]));
            return names.join(QStringLiteral(", "))
                + (ids.size() > 3 ? QStringLiteral(", …") : QString());
        };
        QStringList parts;
        if (!faults.isEmpty())
            parts.append(faults.size() == 1
                             ? tr("1 charger faulted (%1)").arg(some(faults))
                             : tr("%1 chargers faulted (%2)").arg(faults.size()).arg(some(faults)));
        if (!offline.isEmpty())
            parts.append(
                offline.size() == 1
                    ? tr("1 charger went offline (%1)").arg(some(offline))
                    : tr("%1 chargers went offline (%2)").arg(offline.size()).arg(some(offline)));
        if (!online.isEmpty())
            parts.append(
                online.size() == 1
                    ? tr("1 charger came back online (%1)").arg(some(online))
                    : tr("%1 chargers came back online (%2)").arg(online.size()).arg(some(online)));
        emit notify(tr("Fleet alerts"), parts.join(QStringLiteral("; ")));
    }
    m_pending.clear();
    m_order.clear();
}

} // namespace ovpp::ui
