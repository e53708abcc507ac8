#include "FleetModel.h"

#include <QSet>

#include <algorithm>

namespace ovpp::ui {

namespace {

constexpr std::size_t categoryIndex(FleetRow::Category category)
{
    return static_cast<std::size_t>(category);
}

} // namespace

FleetModel::FleetModel(QObject *parent, std::chrono::milliseconds clockInterval)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
    m_clock.setInterval(clockInterval);
    connect(&m_clock, &QTimer::timeout, this, &FleetModel::tick);
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> FleetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(DetailRole, "detail");
    names.insert(ToneRole, "tone");
    names.insert(IdRole, "chargerId");
    names.insert(CategoryRole, "category");
    names.insert(OnlineRole, "online");
    names.insert(SearchTextRole, "searchText");
    return names;
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case ChargerColumn:
        return tr("Charger");
    case StatusColumn:
        return tr("Status");
    case SocColumn:
        return tr("State of charge");
    case PowerColumn:
        return tr("Power");
    case EnergyColumn:
        return tr("Session energy");
    case LastSeenColumn:
        return tr("Last seen");
    case FaultColumn:
        return tr("Fault");
    default:
        return {};
    }
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetRow &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case CategoryRole:
        return static_cast<int>(r.category());
    case OnlineRole:
        return r.online;
    case SearchTextRole:
        return QStringList {r.id, r.label, r.vendor, r.model}.join(QLatin1Char('\n')).toLower();
    default:
        break;
    }

    switch (index.column()) {
    case ChargerColumn:
        switch (role) {
        case Qt::DisplayRole:
            return r.label.isEmpty() ? r.id : r.label;
        case DetailRole:
            if (!r.label.isEmpty())
                return r.id;
            return QStringList {r.vendor, r.model}.join(QLatin1Char(' ')).trimmed();
        case SortRole:
            return (r.label.isEmpty() ? r.id : r.label).toLower();
        case ToneRole:
            return QStringLiteral("neutral");
        }
        break;
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return statusText(r);
        case DetailRole:
            return r.online && r.connectorId > 0 ? tr("Connector %1").arg(r.connectorId)
                                                 : QString();
        case SortRole:
            return static_cast<int>(r.category());
        case ToneRole:
            switch (r.category()) {
            case FleetRow::Category::Faulted:
                return QStringLiteral("danger");
            case FleetRow::Category::Offline:
                return QStringLiteral("muted");
            case FleetRow::Category::Charging:
                return QStringLiteral("accent");
            case FleetRow::Category::Available:
                return QStringLiteral("info");
            case FleetRow::Category::Other:
                return QStringLiteral("neutral");
            }
        }
        break;
    case SocColumn:
        switch (role) {
        case Qt::DisplayRole:
            return socText(r);
        case DetailRole:
            return r.socPercent ? tr("measured %1").arg(relativeTime(r.socMeasuredAt, m_now))
                                : QString();
        case SortRole:
            return r.socPercent.value_or(-1.0);
        case ToneRole:
            return QStringLiteral("neutral");
        }
        break;
    case PowerColumn:
        switch (role) {
        case Qt::DisplayRole:
            return powerText(r);
        case DetailRole:
            return QString();
        case SortRole:
            return r.powerWatts.value_or(-1.0);
        case ToneRole:
            return QStringLiteral("neutral");
        }
        break;
    case EnergyColumn:
        switch (role) {
        case Qt::DisplayRole:
            return energyText(r);
        case DetailRole:
            return QString();
        case SortRole:
            return r.sessionEnergyWh ? qlonglong(*r.sessionEnergyWh) : qlonglong(-1);
        case ToneRole:
            return QStringLiteral("neutral");
        }
        break;
    case LastSeenColumn:
        switch (role) {
        case Qt::DisplayRole:
            return relativeTime(r.lastSeen, m_now);
        case DetailRole:
            if (!r.lastSeen.isValid())
                return QString();
            // The clock time today, the date otherwise: short enough for the column.
            return r.lastSeen.toLocalTime().date() == m_now.toLocalTime().date()
                ? r.lastSeen.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                : r.lastSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
        case SortRole:
            return r.lastSeen.isValid() ? r.lastSeen.toMSecsSinceEpoch() : qint64(-1);
        case ToneRole:
            return r.online ? QStringLiteral("neutral") : QStringLiteral("warning");
        }
        break;
    case FaultColumn:
        switch (role) {
        case Qt::DisplayRole:
            return r.faultText();
        case DetailRole:
            return QString();
        case SortRole:
            return r.faultText().toLower();
        case ToneRole:
            return QStringLiteral("danger");
        }
        break;
    default:
        break;
    }
    return {};
}

QString FleetModel::relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return tr("never");
    const qint64 seconds = then.secsTo(now);
    if (seconds < 5)
        return tr("just now");
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

QString FleetModel::statusText(const FleetRow &row)
{
    if (!row.known)
        return tr("Never connected");
    if (!row.online)
        return tr("Offline");
    if (row.status.isEmpty())
        return tr("Connected");
    // OCPP's ChargePointStatus words, as a person reads them.
    static const QHash<QString, const char *> words {
        {QStringLiteral("Available"), QT_TR_NOOP("Available")},
        {QStringLiteral("Preparing"), QT_TR_NOOP("Preparing")},
        {QStringLiteral("Charging"), QT_TR_NOOP("Charging")},
        {QStringLiteral("SuspendedEV"), QT_TR_NOOP("Paused by car")},
        {QStringLiteral("SuspendedEVSE"), QT_TR_NOOP("Paused by charger")},
        {QStringLiteral("Finishing"), QT_TR_NOOP("Finishing")},
        {QStringLiteral("Reserved"), QT_TR_NOOP("Reserved")},
        {QStringLiteral("Unavailable"), QT_TR_NOOP("Unavailable")},
        {QStringLiteral("Faulted"), QT_TR_NOOP("Faulted")},
    };
    const auto word = words.constFind(row.status);
    if (row.category() == FleetRow::Category::Faulted && row.status != QLatin1String("Faulted"))
        return tr("Fault (%1)").arg(word == words.cend() ? row.status : tr(*word));
    return word == words.cend() ? row.status : tr(*word);
}

QString FleetModel::socText(const FleetRow &row)
{
    if (!row.socPercent)
        return QStringLiteral("—");
    return tr("%1 %").arg(QString::number(*row.socPercent, 'f', 0));
}

QString FleetModel::powerText(const FleetRow &row)
{
    if (!row.powerWatts)
        return QStringLiteral("—");
    const double watts = *row.powerWatts;
    if (watts < 1000.0 && watts > -1000.0)
        return tr("%1 W").arg(QString::number(watts, 'f', 0));
    return tr("%1 kW").arg(QString::number(watts / 1000.0, 'f', 2));
}

QString FleetModel::energyText(const FleetRow &row)
{
    if (!row.sessionEnergyWh)
        return QStringLiteral("—");
    // Exact: integer watt-hours shown as kWh with three decimals, no floating point.
    const qint64 wh = *row.sessionEnergyWh;
    const qint64 magnitude = wh < 0 ? -wh : wh;
    return tr("%1%2.%3 kWh")
        .arg(wh < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 1000)
        .arg(magnitude % 1000, 3, 10, QLatin1Char('0'));
}

void FleetModel::recount(const FleetRow &before, const FleetRow &after)
{
    --m_counts[categoryIndex(before.category())];
    ++m_counts[categoryIndex(after.category())];
}

void FleetModel::appendRows(QList<FleetRow> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    for (FleetRow &row : rows) {
        ++m_counts[categoryIndex(row.category())];
        m_index.insert(row.id, static_cast<int>(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void FleetModel::emitChangedRuns(QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int first = rows.front();
    int last = first;
    const auto flush = [&] {
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows[i] == last + 1) {
            last = rows[i];
            continue;
        }
        flush();
        first = last = rows[i];
    }
    flush();
}

void FleetModel::applyChargers(const QList<core::ocpp::ChargerState> &chargers)
{
    const auto countsBefore = m_counts;
    QList<int> changed;
    QList<FleetRow> added;
    QHash<QString, qsizetype> addedIndex;
    for (const core::ocpp::ChargerState &state : chargers) {
        const int existing = m_index.value(state.chargePointId, -1);
        if (existing >= 0) {
            FleetRow next = m_rows.at(existing);
            next.apply(state);
            if (next == m_rows.at(existing))
                continue;
            recount(m_rows.at(existing), next);
            m_rows[existing] = std::move(next);
            changed.append(existing);
            continue;
        }
        // Heard from but not (yet) in the catalog we were given: shown all the same.
        const auto pending = addedIndex.constFind(state.chargePointId);
        if (pending != addedIndex.cend()) {
            added[*pending].apply(state);
            continue;
        }
        FleetRow row;
        row.id = state.chargePointId;
        row.apply(state);
        addedIndex.insert(row.id, added.size());
        added.append(std::move(row));
    }
    emitChangedRuns(changed);
    appendRows(added);
    if (!m_rows.isEmpty() && !m_clock.isActive())
        m_clock.start();
    if (m_counts != countsBefore)
        emit countsChanged();
}

void FleetModel::setDevices(const QList<core::PairedDevice> &devices)
{
    const auto countsBefore = m_counts;
    QHash<QString, const core::PairedDevice *> chargers;
    for (const core::PairedDevice &device : devices) {
        if (device.kind == core::PairedDevice::Kind::Charger)
            chargers.insert(device.id, &device);
    }

    // Removed from the catalog: drop their rows, one beginRemoveRows per contiguous run, from
    // the bottom so the earlier rows keep their numbers.
    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!chargers.contains(m_rows.at(row).id))
            gone.append(row);
    }
    if (!gone.isEmpty()) {
        qsizetype i = gone.size() - 1;
        while (i >= 0) {
            const int last = gone[i];
            int first = last;
            while (i > 0 && gone[i - 1] == first - 1)
                first = gone[--i];
            --i;
            beginRemoveRows({}, first, last);
            for (int row = first; row <= last; ++row)
                --m_counts[categoryIndex(m_rows.at(row).category())];
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        }
        m_index.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_index.insert(m_rows.at(row).id, row);
    }

    QList<int> changed;
    QList<FleetRow> added;
    for (const core::PairedDevice &device : devices) {
        if (device.kind != core::PairedDevice::Kind::Charger)
            continue;
        const int existing = m_index.value(device.id, -1);
        if (existing >= 0) {
            FleetRow &row = m_rows[existing];
            if (row.label != device.label) {
                row.label = device.label;
                changed.append(existing);
            }
            continue;
        }
        if (std::any_of(added.cbegin(), added.cend(),
                        [&](const FleetRow &r) { return r.id == device.id; }))
            continue;
        FleetRow row;
        row.id = device.id;
        row.label = device.label;
        row.vendor = device.manufacturer;
        row.model = device.model;
        added.append(std::move(row));
    }
    emitChangedRuns(changed);
    appendRows(added);
    if (!m_rows.isEmpty() && !m_clock.isActive())
        m_clock.start();
    if (m_rows.isEmpty())
        m_clock.stop();
    if (m_counts != countsBefore)
        emit countsChanged();
}

void FleetModel::tick()
{
    m_now = QDateTime::currentDateTimeUtc();
    if (m_rows.isEmpty())
        return;
    const int last = static_cast<int>(m_rows.size()) - 1;
    // The relative times only: sorting and filtering need not look (their roles are untouched).
    emit dataChanged(index(0, LastSeenColumn), index(last, LastSeenColumn), {Qt::DisplayRole});
    emit dataChanged(index(0, SocColumn), index(last, SocColumn), {DetailRole});
}

} // namespace ovpp::ui
