#pragma once

// The fleet table: one row per charger (FleetRow), columns for what a fleet manager scans.
// Built for thousands of rows that change several times a second:
// - updates arrive in batches (DeviceNetwork::chargersChanged); a batch finds its rows through a
//   QHash id -> row, emits dataChanged once per contiguous run of changed rows (over all
//   columns), and inserts every new charger with one beginInsertRows;
// - relative times ("12 s ago") are refreshed by one timer that emits one dataChanged per
//   time-bearing column, not one per row;
// - rows are plain values; data() formats on demand, nothing per row is cached as a QObject.

#include "FleetRow.h"
#include "der/network/PairedDevice.h"
#include "der/ocpp/ChargerState.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>

#include <array>
#include <chrono>

namespace ovpp::ui {

class FleetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ChargerColumn,
        StatusColumn,
        SocColumn,
        PowerColumn,
        EnergyColumn,
        LastSeenColumn,
        FaultColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        // The value sorting compares (numbers as numbers; missing values sort first).
        SortRole = Qt::UserRole + 1,
        // A second, smaller line under the cell's text: the label's charge point id, the SoC's
        // "measured 12 s ago", the vendor.
        DetailRole,
        // How the cell is coloured: "neutral", "accent", "danger", "warning", "muted".
        ToneRole,
        // Row-wide values for filters, actions and the CSV export.
        IdRole,
        CategoryRole, // FleetRow::Category as int
        OnlineRole,
        SearchTextRole, // id, label, vendor and model, lower case
    };

    explicit FleetModel(QObject *parent = nullptr,
                        std::chrono::milliseconds clockInterval = std::chrono::seconds(1));

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The catalog's chargers (inverters are ignored): new ones appear as never seen, labels
    // are updated, chargers no longer paired are removed.
    void setDevices(const QList<core::PairedDevice> &devices);
    // One batch from the central system.
    void applyChargers(const QList<core::ocpp::ChargerState> &chargers);

    const FleetRow &row(int row) const { return m_rows.at(row); }
    const QList<FleetRow> &rows() const { return m_rows; }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }

    // Charger counts per FleetRow::Category.
    int count(FleetRow::Category category) const
    {
        return m_counts[static_cast<std::size_t>(category)];
    }

    // The clock relative times are measured against (refreshed by the timer).
    QDateTime now() const { return m_now; }

    // "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "never" for an invalid time.
    static QString relativeTime(const QDateTime &then, const QDateTime &now);
    static QString statusText(const FleetRow &row);
    static QString socText(const FleetRow &row);
    static QString powerText(const FleetRow &row);
    static QString energyText(const FleetRow &row);

signals:
    // After every batch or catalog change that moved a count.
    void countsChanged();

private:
    void tick();
    void recount(const FleetRow &before, const FleetRow &after);
    void emitChangedRuns(QList<int> &rows);
    // New rows at the end, in one insertion.
    void appendRows(QList<FleetRow> &rows);

    QList<FleetRow> m_rows;
    QHash<QString, int> m_index;
    std::array<int, 5> m_counts {};
    QDateTime m_now;
    QTimer m_clock;
};

} // namespace ovpp::ui
