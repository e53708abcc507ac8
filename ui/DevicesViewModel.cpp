#include "DevicesViewModel.h"

#include "DeviceCatalogEditor.h"
#include "DeviceFormat.h"
#include "DeviceTelemetry.h"
#include "ErrorText.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"

#include <QMetaObject>

namespace ovpp::ui {

namespace {

constexpr int kClockMs = 15'000;

QString kindKey(core::PairedDevice::Kind kind)
{
    return kind == core::PairedDevice::Kind::Charger ? QStringLiteral("charger")
                                                     : QStringLiteral("inverter");
}

} // namespace

DevicesViewModel::DevicesViewModel(core::DeviceNetwork *network, DeviceCatalogEditor *catalog,
                                   DeviceTelemetry *telemetry, QObject *parent)
    : QAbstractListModel(parent)
    , m_network(network)
    , m_catalog(catalog)
    , m_telemetry(telemetry)
{
    if (network) {
        // Queued: the network lives on its own thread.
        connect(network, &core::DeviceNetwork::devicesChanged, this, &DevicesViewModel::setDevices,
                Qt::QueuedConnection);
        connect(network, &core::DeviceNetwork::inverterChanged, this, &DevicesViewModel::onInverter,
                Qt::QueuedConnection);
        connect(network, &core::DeviceNetwork::chargersChanged, this, &DevicesViewModel::onChargers,
                Qt::QueuedConnection);
    }
    m_clock.setInterval(kClockMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_cards.isEmpty())
            emit dataChanged(index(0), index(int(m_cards.size()) - 1),
                             {AsOfTextRole, AsOfToolTipRole});
        updateEnergy();
    });
    m_clock.start();
}

DevicesViewModel::~DevicesViewModel() = default;

int DevicesViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cards.size());
}

QHash<int, QByteArray> DevicesViewModel::roleNames() const
{
    return {
        {DeviceIdRole, "deviceId"},
        {NameRole, "name"},
        {KindRole, "kind"},
        {MakeModelRole, "makeModel"},
        {PowerTextRole, "powerText"},
        {StateRole, "state"},
        {StateTextRole, "stateText"},
        {AsOfTextRole, "asOfText"},
        {AsOfToolTipRole, "asOfToolTip"},
        {SocTextRole, "socText"},
        {EnergyTodayTextRole, "energyTodayText"},
        {DetailTextRole, "detailText"},
    };
}

QVariant DevicesViewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cards.size())
        return {};
    const Card &card = m_cards.at(index.row());
    const core::PairedDevice &d = card.device;
    const bool charger = d.kind == core::PairedDevice::Kind::Charger;

    std::optional<qint64> powerMw;
    QDateTime asOf;
    QString socText;
    DeviceFormat::State state = DeviceFormat::State::Unknown;
    QString detail;
    if (charger && card.charger) {
        const core::ocpp::ChargerState &c = *card.charger;
        state = DeviceFormat::chargerState(c);
        asOf = c.lastSeen;
        if (const core::ocpp::ConnectorState *con = DeviceFormat::mainConnector(c)) {
            if (con->power) {
                powerMw = std::llround(con->power->watts * 1000.0);
                asOf = con->power->measuredAt;
            }
            if (con->soc)
                socText = tr("%1 at %2")
                              .arg(DeviceFormat::percent(std::llround(con->soc->percent * 1000.0)),
                                   QLocale().toString(con->soc->measuredAt.toLocalTime().time(),
                                                      QLocale::ShortFormat));
            if (!con->errorCode.isEmpty() && con->errorCode != QLatin1String("NoError"))
                detail = con->errorCode;
        }
    } else if (!charger && card.inverter) {
        const core::InverterStatus &s = *card.inverter;
        state = DeviceFormat::inverterState(s);
        asOf = s.measuredAt;
        if (s.inverter && s.inverter->acPowerMilliwatts)
            powerMw = *s.inverter->acPowerMilliwatts;
        else if (s.sleeping)
            powerMw = 0;
        if (s.battery && s.battery->stateOfChargeMillipercent)
            socText = tr("Battery %1")
                          .arg(DeviceFormat::percent(*s.battery->stateOfChargeMillipercent));
        detail = s.lastError;
    } else if (charger) {
        state = DeviceFormat::State::Offline;
        detail = tr("Waiting for the charger to connect");
    }

    switch (role) {
    case DeviceIdRole:
        return d.id;
    case NameRole:
        if (!d.label.isEmpty())
            return d.label;
        return charger ? tr("EV charger") : tr("Solar inverter");
    case KindRole:
        return kindKey(d.kind);
    case MakeModelRole: {
        QString text = QStringList {d.manufacturer, d.model}.join(QLatin1Char(' ')).trimmed();
        return text.isEmpty() ? d.id : text;
    }
    case PowerTextRole:
        return powerMw ? DeviceFormat::power(*powerMw) : QStringLiteral("—");
    case StateRole:
        return DeviceFormat::stateKey(state);
    case StateTextRole:
        return DeviceFormat::stateText(state);
    case AsOfTextRole:
        return asOf.isValid()
            ? tr("as of %1").arg(DeviceFormat::relative(asOf, QDateTime::currentDateTimeUtc()))
            : tr("no readings yet");
    case AsOfToolTipRole:
        return asOf.isValid() ? tr("Measured %1").arg(DeviceFormat::absolute(asOf)) : QString();
    case SocTextRole:
        return socText;
    case EnergyTodayTextRole:
        return card.energyTodayWh ? tr("%1 today").arg(DeviceFormat::energy(*card.energyTodayWh))
                                  : QString();
    case DetailTextRole:
        return detail;
    default:
        return {};
    }
}

std::optional<core::PairedDevice> DevicesViewModel::device(const QString &id) const
{
    const int row = indexOf(id);
    if (row < 0)
        return std::nullopt;
    return m_cards.at(row).device;
}

QString DevicesViewModel::nameOf(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QString() : data(index(row), NameRole).toString();
}

int DevicesViewModel::indexOf(const QString &deviceId) const
{
    for (int i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).device.id == deviceId)
            return i;
    }
    return -1;
}

void DevicesViewModel::setDevices(const QList<core::PairedDevice> &devices)
{
    QList<Card> cards;
    for (const core::PairedDevice &d : devices) {
        Card card;
        card.device = d;
        const int row = indexOf(d.id);
        if (row >= 0) {
            card.inverter = m_cards.at(row).inverter;
            card.charger = m_cards.at(row).charger;
            card.energyTodayWh = m_cards.at(row).energyTodayWh;
        }
        if (auto it = m_pendingInverters.find(d.id); it != m_pendingInverters.end()) {
            card.inverter = *it;
            m_pendingInverters.erase(it);
        }
        if (auto it = m_pendingChargers.find(d.id); it != m_pendingChargers.end()) {
            card.charger = *it;
            m_pendingChargers.erase(it);
        }
        cards.append(card);
    }
    const bool countDiffers = cards.size() != m_cards.size();
    beginResetModel();
    m_cards = std::move(cards);
    endResetModel();
    if (countDiffers)
        emit countChanged();
    updateEnergy();
}

void DevicesViewModel::onInverter(const core::InverterStatus &status)
{
    const int row = indexOf(status.deviceId);
    if (row < 0) {
        m_pendingInverters.insert(status.deviceId, status);
        return;
    }
    m_cards[row].inverter = status;
    touch(row);
}

void DevicesViewModel::onChargers(const QList<core::ocpp::ChargerState> &chargers)
{
    for (const core::ocpp::ChargerState &c : chargers) {
        const int row = indexOf(c.chargePointId);
        if (row < 0) {
            m_pendingChargers.insert(c.chargePointId, c);
            continue;
        }
        m_cards[row].charger = c;
        touch(row);
    }
}

void DevicesViewModel::touch(int row)
{
    emit dataChanged(index(row), index(row));
}

void DevicesViewModel::updateEnergy()
{
    if (!m_telemetry)
        return;
    for (const Card &card : std::as_const(m_cards)) {
        const QString id = card.device.id;
        m_telemetry->totals(id, [this, id](core::Result<EnergyTotals> totals) {
            const int row = indexOf(id);
            if (row < 0 || !totals || totals->todayWh == m_cards.at(row).energyTodayWh)
                return;
            m_cards[row].energyTodayWh = totals->todayWh;
            emit dataChanged(index(row), index(row), {EnergyTodayTextRole});
        });
    }
}

void DevicesViewModel::refresh()
{
    setErrorText({});
    if (m_network) {
        QMetaObject::invokeMethod(m_network.data(), "reloadCatalog", Qt::QueuedConnection);
        QMetaObject::invokeMethod(m_network.data(), "pollNow", Qt::QueuedConnection);
    }
    updateEnergy();
}

void DevicesViewModel::remove(const QString &deviceId)
{
    if (!m_catalog || m_busy)
        return;
    setBusy(true);
    setErrorText({});
    m_catalog->edit(
        [deviceId](core::DeviceCatalog &catalog) { return catalog.remove(deviceId); },
        [this, deviceId](core::Result<void> result) {
            setBusy(false);
            if (!result) {
                setErrorText(
                    tr("Could not remove the device: %1").arg(ErrorText::common(result.error())));
                return;
            }
            emit removed(deviceId);
        });
}

void DevicesViewModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void DevicesViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
