#pragma once

// The Fleet page: every charger and the EV on it (FleetModel), sorted, filtered and searched
// (FleetFilterModel), counts per status for the filter chips, CSV export of what is shown
// (written on a worker thread, with progress), commands on the selected charger (remote
// start/stop, a charge limit in kW) and alerts (FleetAlerts) for faults and chargers going
// offline. The data comes from core::DeviceNetwork, on its own thread, through queued signals;
// commands go back to it as queued calls.

#include "FleetAlerts.h"
#include "FleetFilterModel.h"
#include "FleetModel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ovpp::core {
class DeviceNetwork;
}

namespace ovpp::ui {

class FleetViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.fleet")

    Q_PROPERTY(QAbstractItemModel *table READ table CONSTANT)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    Q_PROPERTY(int chargingCount READ chargingCount NOTIFY countsChanged)
    Q_PROPERTY(int availableCount READ availableCount NOTIFY countsChanged)
    Q_PROPERTY(int faultedCount READ faultedCount NOTIFY countsChanged)
    Q_PROPERTY(int offlineCount READ offlineCount NOTIFY countsChanged)
    Q_PROPERTY(int visibleCount READ visibleCount NOTIFY visibleCountChanged)
    Q_PROPERTY(Filter statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY sortChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending NOTIFY sortChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY resultTextChanged)
    Q_PROPERTY(QString lastAlert READ lastAlert NOTIFY lastAlertChanged)
    Q_PROPERTY(bool connected READ connected NOTIFY networkChanged)
    Q_PROPERTY(QString centralSystemUrl READ centralSystemUrl NOTIFY networkChanged)
    Q_PROPERTY(QString selectedId READ selectedId NOTIFY selectionChanged)
    Q_PROPERTY(QString selectedTitle READ selectedTitle NOTIFY selectionChanged)
    Q_PROPERTY(QString selectedStatus READ selectedStatus NOTIFY selectionChanged)
    Q_PROPERTY(bool canStart READ canStart NOTIFY selectionChanged)
    Q_PROPERTY(bool canStop READ canStop NOTIFY selectionChanged)
    Q_PROPERTY(bool commandBusy READ commandBusy NOTIFY commandBusyChanged)

public:
    enum Filter { All, Charging, Available, Faulted, Offline };
    Q_ENUM(Filter)

    explicit FleetViewModel(QObject *parent = nullptr);
    ~FleetViewModel() override;

    // Connects to the device network (which lives on its own thread). Call before it starts,
    // so its first devicesChanged is seen. May be called once; null leaves the fleet empty.
    void setDeviceNetwork(core::DeviceNetwork *network);

    FleetModel *model() { return &m_model; }
    FleetFilterModel *filterModel() { return &m_filter; }
    FleetAlerts *alerts() { return &m_alerts; }
    // Off when the desktop app shows alerts in the system tray instead of in the window.
    void setInAppAlerts(bool on) { m_inAppAlerts = on; }

    QAbstractItemModel *table() { return &m_filter; }
    int totalCount() const { return m_model.rowCount(); }
    int chargingCount() const { return m_model.count(FleetRow::Category::Charging); }
    int availableCount() const { return m_model.count(FleetRow::Category::Available); }
    int faultedCount() const { return m_model.count(FleetRow::Category::Faulted); }
    int offlineCount() const { return m_model.count(FleetRow::Category::Offline); }
    int visibleCount() const { return m_filter.rowCount(); }
    Filter statusFilter() const { return m_statusFilter; }
    void setStatusFilter(Filter filter);
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    int sortColumn() const { return m_filter.sortColumn(); }
    bool sortAscending() const { return m_filter.sortOrder() == Qt::AscendingOrder; }
    bool busy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    double progress() const { return m_progress; }
    QString errorText() const { return m_errorText; }
    QString resultText() const { return m_resultText; }
    QString lastAlert() const { return m_lastAlert; }
    bool connected() const { return !m_centralSystemUrl.isEmpty(); }
    QString centralSystemUrl() const { return m_centralSystemUrl; }
    QString selectedId() const { return m_selectedId; }
    QString selectedTitle() const;
    QString selectedStatus() const;
    bool canStart() const;
    bool canStop() const;
    bool commandBusy() const { return m_pendingCommand != 0; }

    // Clicking a header: sorts by that column, again reverses the order.
    Q_INVOKABLE void sortBy(int column);
    // `row` of the table (the sorted, filtered view); -1 clears the selection.
    Q_INVOKABLE void select(int row);
    // The selected charger's row in the table now (it moves as the table re-sorts); -1 if none.
    Q_INVOKABLE int selectedRowInTable() const;
    Q_INVOKABLE void exportCsv(const QUrl &file);
    Q_INVOKABLE void remoteStart();
    Q_INVOKABLE void remoteStop();
    // "7.4" or "11" (kW, up to three decimals, '.' or ','): the whole charge point's limit.
    Q_INVOKABLE void setChargeLimit(const QString &kilowatts);
    // After chargers were added from elsewhere (`ovpp charger add`).
    Q_INVOKABLE void reloadCatalog();
    Q_INVOKABLE void clearMessages();

    // Exact decimal kW -> integer watts; nullopt for anything else or outside (0, 1000 kW].
    static std::optional<qint64> parseKilowatts(const QString &text);

signals:
    void countsChanged();
    void visibleCountChanged();
    void filterChanged();
    void sortChanged();
    void busyChanged();
    void progressChanged();
    void errorTextChanged();
    void resultTextChanged();
    void lastAlertChanged();
    void networkChanged();
    void selectionChanged();
    void commandBusyChanged();
    // A short message for the window's toast (alerts when there is no system tray).
    void notice(const QString &text);
    // The export finished (ok or not); for the page and the tests.
    void exportFinished(bool ok);

private:
    const FleetRow *selectedRow() const;
    void setErrorText(const QString &text);
    void setResultText(const QString &text);
    void setBusyText(const QString &text);
    quint64 beginCommand(const QString &what);
    void onCommandFinished(quint64 requestId, bool ok, const QString &statusOrError);

    FleetModel m_model;
    FleetFilterModel m_filter;
    FleetAlerts m_alerts;
    QPointer<core::DeviceNetwork> m_network;
    Filter m_statusFilter = All;
    QString m_searchText; // as typed (the filter model keeps its own, lower-case copy)
    QString m_busyText;
    double m_progress = 0.0;
    QString m_errorText;
    QString m_resultText;
    QString m_lastAlert;
    QString m_centralSystemUrl;
    QString m_selectedId;
    bool m_inAppAlerts = true;
    quint64 m_nextRequestId = 1;
    quint64 m_pendingCommand = 0;
    QString m_pendingWhat;
    QThreadPool m_exportPool;
    QFutureWatcher<QString> m_export;
};

} // namespace ovpp::ui
