#include "FleetViewModel.h"

#include "FleetCsv.h"
#include "UiLogging.h"
#include "der/network/DeviceNetwork.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ovpp::ui {

namespace {

// commandFinished reaches every listener of the device network: our request ids start in a
// range of their own so another page's commands are never taken for ours.
constexpr quint64 requestIdBase = quint64(0xF1EE7) << 40;

std::optional<FleetRow::Category> categoryOf(FleetViewModel::Filter filter)
{
    switch (filter) {
    case FleetViewModel::Charging:
        return FleetRow::Category::Charging;
    case FleetViewModel::Available:
        return FleetRow::Category::Available;
    case FleetViewModel::Faulted:
        return FleetRow::Category::Faulted;
    case FleetViewModel::Offline:
        return FleetRow::Category::Offline;
    case FleetViewModel::All:
        break;
    }
    return std::nullopt;
}

} // namespace

FleetViewModel::FleetViewModel(QObject *parent)
    : QObject(parent)
    , m_nextRequestId(requestIdBase)
{
    m_exportPool.setMaxThreadCount(1);
    m_filter.setSourceModel(&m_model);
    // What needs attention first: faulted, then offline, then charging.
    m_filter.sort(FleetModel::StatusColumn, Qt::AscendingOrder);

    connect(&m_model, &FleetModel::countsChanged, this, &FleetViewModel::countsChanged);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &FleetViewModel::countsChanged);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &FleetViewModel::countsChanged);
    connect(&m_filter, &QAbstractItemModel::rowsInserted, this,
            &FleetViewModel::visibleCountChanged);
    connect(&m_filter, &QAbstractItemModel::rowsRemoved, this,
            &FleetViewModel::visibleCountChanged);
    connect(&m_filter, &QAbstractItemModel::modelReset, this, &FleetViewModel::visibleCountChanged);
    connect(&m_filter, &QAbstractItemModel::layoutChanged, this,
            &FleetViewModel::visibleCountChanged);
    connect(&m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_model.rowOf(m_selectedId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    emit selectionChanged();
            });
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_selectedId.isEmpty() && m_model.rowOf(m_selectedId) < 0) {
            m_selectedId.clear();
            emit selectionChanged();
        }
    });

    connect(&m_alerts, &FleetAlerts::notify, this,
            [this](const QString &title, const QString &text) {
                m_lastAlert = title + QStringLiteral(": ") + text;
                emit lastAlertChanged();
                if (m_inAppAlerts)
                    emit notice(m_lastAlert);
            });

    connect(&m_export, &QFutureWatcher<QString>::progressValueChanged, this, [this](int value) {
        const int maximum = m_export.progressMaximum();
        m_progress = maximum > 0 ? double(value) / maximum : 0.0;
        emit progressChanged();
    });
    connect(&m_export, &QFutureWatcher<QString>::finished, this, [this] {
        const QString failure
            = m_export.future().resultCount() > 0 ? m_export.result() : tr("the export stopped");
        setBusyText({});
        if (failure.isEmpty()) {
            setResultText(tr("Exported the table to the CSV file."));
        } else {
            qCWarning(lcUi) << "fleet CSV export failed:" << failure;
            setErrorText(tr("Could not write the CSV file (%1). Choose a folder you can write "
                            "to and try again.")
                             .arg(failure));
        }
        emit exportFinished(failure.isEmpty());
    });
}

FleetViewModel::~FleetViewModel()
{
    // The export copies what it writes; waiting only keeps the file from being cut short.
    m_export.waitForFinished();
    m_exportPool.waitForDone();
}

void FleetViewModel::setDeviceNetwork(core::DeviceNetwork *network)
{
    if (m_network || !network)
        return;
    m_network = network;
    connect(network, &core::DeviceNetwork::devicesChanged, this,
            [this](const QList<core::PairedDevice> &devices) {
                for (const core::PairedDevice &device : devices) {
                    if (device.kind == core::PairedDevice::Kind::Charger)
                        m_alerts.setLabel(device.id, device.label);
                }
                m_model.setDevices(devices);
            });
    connect(network, &core::DeviceNetwork::chargersChanged, &m_model, &FleetModel::applyChargers);
    connect(network, &core::DeviceNetwork::started, this, [this](const QUrl &url) {
        m_centralSystemUrl = url.toString();
        emit networkChanged();
    });
    connect(network, &core::DeviceNetwork::failed, this, [this](const QString &what) {
        setErrorText(tr("The charger service could not start (%1). Chargers cannot connect "
                        "until it runs; restart the app, or free the port it needs.")
                         .arg(what));
    });
    // Inverters report through the same signals; the fleet speaks for chargers only.
    connect(network, &core::DeviceNetwork::deviceFaulted, this,
            [this](const QString &id, const QString &what) {
                if (m_model.rowOf(id) >= 0)
                    m_alerts.faulted(id, what);
            });
    connect(network, &core::DeviceNetwork::deviceOffline, this, [this](const QString &id) {
        if (m_model.rowOf(id) >= 0)
            m_alerts.wentOffline(id);
    });
    connect(network, &core::DeviceNetwork::deviceOnline, this, [this](const QString &id) {
        if (m_model.rowOf(id) >= 0)
            m_alerts.cameOnline(id);
    });
    connect(network, &core::DeviceNetwork::commandFinished, this,
            &FleetViewModel::onCommandFinished);
}

void FleetViewModel::setStatusFilter(Filter filter)
{
    if (m_statusFilter == filter)
        return;
    m_statusFilter = filter;
    m_filter.setCategory(categoryOf(filter));
    emit filterChanged();
    emit visibleCountChanged();
}

void FleetViewModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    m_filter.setSearchText(text);
    emit filterChanged();
    emit visibleCountChanged();
}

void FleetViewModel::sortBy(int column)
{
    if (column < 0 || column >= FleetModel::ColumnCount)
        return;
    const Qt::SortOrder order
        = column == m_filter.sortColumn() && m_filter.sortOrder() == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    m_filter.sort(column, order);
    emit sortChanged();
}

void FleetViewModel::select(int row)
{
    QString id;
    if (row >= 0 && row < m_filter.rowCount())
        id = m_filter.index(row, 0).data(FleetModel::IdRole).toString();
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    setResultText({});
    emit selectionChanged();
}

int FleetViewModel::selectedRowInTable() const
{
    const int row = m_model.rowOf(m_selectedId);
    if (row < 0)
        return -1;
    return m_filter.mapFromSource(m_model.index(row, 0)).row();
}

const FleetRow *FleetViewModel::selectedRow() const
{
    const int row = m_model.rowOf(m_selectedId);
    return row < 0 ? nullptr : &m_model.row(row);
}

QString FleetViewModel::selectedTitle() const
{
    const FleetRow *row = selectedRow();
    if (!row)
        return {};
    return row->label.isEmpty() ? row->id : tr("%1 (%2)").arg(row->label, row->id);
}

QString FleetViewModel::selectedStatus() const
{
    const FleetRow *row = selectedRow();
    return row ? FleetModel::statusText(*row) : QString();
}

bool FleetViewModel::canStart() const
{
    const FleetRow *row = selectedRow();
    return row && m_network && row->online && !row->transactionId && !row->faulted();
}

bool FleetViewModel::canStop() const
{
    const FleetRow *row = selectedRow();
    return row && m_network && row->online && row->transactionId.has_value();
}

void FleetViewModel::exportCsv(const QUrl &file)
{
    if (busy())
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        setErrorText(tr("Choose a file to export to."));
        return;
    }
    setErrorText({});
    setResultText({});
    // What the user sees, in the order they see it (a snapshot: the fleet keeps changing).
    QList<FleetRow> rows;
    rows.reserve(m_filter.rowCount());
    for (int r = 0; r < m_filter.rowCount(); ++r)
        rows.append(m_model.row(m_filter.mapToSource(m_filter.index(r, 0)).row()));
    m_progress = 0.0;
    emit progressChanged();
    setBusyText(tr("Exporting %1 chargers…").arg(rows.size()));
    m_export.setFuture(QtConcurrent::run(
        &m_exportPool, [rows = std::move(rows), path](QPromise<QString> &promise) {
            promise.setProgressRange(0, int(rows.size()));
            const core::Result<void> written = FleetCsv::write(
                path, rows, [&promise](qsizetype done) { promise.setProgressValue(int(done)); });
            promise.addResult(written ? QString() : written.error().detail);
        }));
}

quint64 FleetViewModel::beginCommand(const QString &what)
{
    if (!m_network) {
        setErrorText(tr("Chargers are not connected to this app yet, so there is no one to "
                        "send the command to."));
        return 0;
    }
    if (commandBusy())
        return 0;
    setErrorText({});
    setResultText({});
    m_pendingCommand = m_nextRequestId++;
    m_pendingWhat = what;
    emit commandBusyChanged();
    return m_pendingCommand;
}

void FleetViewModel::remoteStart()
{
    const FleetRow *row = selectedRow();
    if (!row || !canStart())
        return;
    const QString id = row->id;
    const int connector = row->connectorId > 0 ? row->connectorId : 1;
    const quint64 request = beginCommand(tr("Start charging on %1").arg(id));
    if (request == 0)
        return;
    QMetaObject::invokeMethod(
        m_network,
        [network = m_network.data(), request, id, connector] {
            network->remoteStart(request, id, connector);
        },
        Qt::QueuedConnection);
}

void FleetViewModel::remoteStop()
{
    const FleetRow *row = selectedRow();
    if (!row || !canStop())
        return;
    const QString id = row->id;
    const int transaction = *row->transactionId;
    const quint64 request = beginCommand(tr("Stop charging on %1").arg(id));
    if (request == 0)
        return;
    QMetaObject::invokeMethod(
        m_network,
        [network = m_network.data(), request, id, transaction] {
            network->remoteStop(request, id, transaction);
        },
        Qt::QueuedConnection);
}

void FleetViewModel::setChargeLimit(const QString &kilowatts)
{
    const FleetRow *row = selectedRow();
    if (!row)
        return;
    const std::optional<qint64> watts = parseKilowatts(kilowatts);
    if (!watts) {
        setErrorText(tr("Enter the limit in kW, for example 7.4 (more than 0, at most 1000)."));
        return;
    }
    const QString id = row->id;
    const quint64 request = beginCommand(tr("Limit %1 to %2 kW").arg(id, kilowatts.trimmed()));
    if (request == 0)
        return;
    const qint64 limit = *watts;
    QMetaObject::invokeMethod(
        m_network,
        [network = m_network.data(), request, id, limit] {
            network->setChargeLimit(request, id, limit);
        },
        Qt::QueuedConnection);
}

void FleetViewModel::onCommandFinished(quint64 requestId, bool ok, const QString &statusOrError)
{
    if (requestId != m_pendingCommand || m_pendingCommand == 0)
        return;
    m_pendingCommand = 0;
    emit commandBusyChanged();
    if (ok && statusOrError == QLatin1String("Accepted")) {
        setResultText(tr("%1: the charger accepted.").arg(m_pendingWhat));
    } else if (ok) {
        setErrorText(tr("%1: the charger answered “%2”. It may not support this, or be busy; "
                        "try again in a moment.")
                         .arg(m_pendingWhat, statusOrError));
    } else {
        setErrorText(tr("%1 failed (%2). Check that the charger is online and try again.")
                         .arg(m_pendingWhat, statusOrError));
    }
}

void FleetViewModel::reloadCatalog()
{
    if (!m_network)
        return;
    QMetaObject::invokeMethod(m_network, "reloadCatalog", Qt::QueuedConnection);
}

void FleetViewModel::clearMessages()
{
    setErrorText({});
    setResultText({});
}

std::optional<qint64> FleetViewModel::parseKilowatts(const QString &text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    if (t.isEmpty() || t.size() > 12)
        return std::nullopt;
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > 3
        || fraction.contains(QLatin1Char('.')))
        return std::nullopt;
    const auto digitsOnly = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(),
                           [](QChar c) { return c.isDigit() && c.unicode() < 128; });
    };
    if (!digitsOnly(whole) || !digitsOnly(fraction))
        return std::nullopt;
    const qint64 kw = whole.isEmpty() ? 0 : whole.toLongLong();
    const qint64 milli
        = fraction.isEmpty() ? 0 : fraction.leftJustified(3, QLatin1Char('0')).toLongLong();
    const qint64 watts = kw * 1000 + milli;
    if (watts <= 0 || watts > 1'000'000)
        return std::nullopt;
    return watts;
}

void FleetViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

void FleetViewModel::setResultText(const QString &text)
{
    if (m_resultText == text)
        return;
    m_resultText = text;
    emit resultTextChanged();
}

void FleetViewModel::setBusyText(const QString &text)
{
    if (m_busyText == text)
        return;
    m_busyText = text;
    emit busyChanged();
}

} // namespace ovpp::ui
