#include "DeviceDetailViewModel.h"

#include "DeviceFormat.h"
#include "DeviceRegistrar.h"
#include "DeviceTelemetry.h"
#include "DevicesViewModel.h"
#include "ErrorText.h"
#include "der/network/DeviceNetwork.h"
#include "store/TelemetryStore.h"

#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace ovpp::ui {

namespace {

core::ChartSpan toChartSpan(DeviceDetailViewModel::Span span)
{
    switch (span) {
    case DeviceDetailViewModel::Span::Day:
        return core::ChartSpan::Day;
    case DeviceDetailViewModel::Span::Week:
        return core::ChartSpan::Week;
    case DeviceDetailViewModel::Span::Month:
        return core::ChartSpan::Month;
    case DeviceDetailViewModel::Span::Year:
        return core::ChartSpan::Year;
    }
    return core::ChartSpan::Day;
}

} // namespace

DeviceDetailViewModel::DeviceDetailViewModel(core::DeviceNetwork *network,
                                             DevicesViewModel *devices, DeviceTelemetry *telemetry,
                                             DeviceRegistrar *registration, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_devices(devices)
    , m_telemetry(telemetry)
    , m_registration(registration ? registration
                                  : new DeviceRegistrar(nullptr, nullptr, nullptr, nullptr))
{
    m_registration->setParent(this);
    if (network) {
        connect(network, &core::DeviceNetwork::inverterChanged, this,
                &DeviceDetailViewModel::onInverter, Qt::QueuedConnection);
        connect(network, &core::DeviceNetwork::chargersChanged, this,
                &DeviceDetailViewModel::onChargers, Qt::QueuedConnection);
    }
    if (devices)
        connect(devices, &QAbstractItemModel::modelReset, this,
                &DeviceDetailViewModel::deviceChanged);
}

DeviceDetailViewModel::~DeviceDetailViewModel() = default;

QString DeviceDetailViewModel::name() const
{
    return m_devices ? m_devices->nameOf(m_deviceId) : QString();
}

QString DeviceDetailViewModel::kind() const
{
    if (!m_devices)
        return {};
    const auto d = m_devices->device(m_deviceId);
    if (!d)
        return {};
    return d->kind == core::PairedDevice::Kind::Charger ? QStringLiteral("charger")
                                                        : QStringLiteral("inverter");
}

QString DeviceDetailViewModel::makeModel() const
{
    const auto d = m_devices ? m_devices->device(m_deviceId) : std::nullopt;
    return d ? QStringList {d->manufacturer, d->model}.join(QLatin1Char(' ')).trimmed() : QString();
}

QString DeviceDetailViewModel::serialNumber() const
{
    const auto d = m_devices ? m_devices->device(m_deviceId) : std::nullopt;
    return d ? d->serialNumber : QString();
}

QString DeviceDetailViewModel::registrySignature() const
{
    const auto d = m_devices ? m_devices->device(m_deviceId) : std::nullopt;
    return d ? d->registrySignature : QString();
}

void DeviceDetailViewModel::registerOnChain()
{
    const auto d = m_devices ? m_devices->device(m_deviceId) : std::nullopt;
    if (d && !m_registration->busy())
        m_registration->start(*d);
}

void DeviceDetailViewModel::select(const QString &deviceId)
{
    if (deviceId == m_deviceId && !m_points.isEmpty())
        return;
    if (deviceId != m_deviceId)
        m_registration->reset(); // another device's outcome is not this one's
    m_deviceId = deviceId;
    m_powerText.clear();
    // The card's latest value until the next live reading.
    if (m_devices && m_devices->indexOf(deviceId) >= 0) {
        const QString power = m_devices
                                  ->data(m_devices->index(m_devices->indexOf(deviceId)),
                                         DevicesViewModel::PowerTextRole)
                                  .toString();
        if (power != QStringLiteral("—"))
            m_powerText = power;
    }
    m_todayWh.reset();
    m_monthWh.reset();
    m_lifetimeWh.reset();
    emit deviceChanged();
    emit liveChanged();
    emit totalsChanged();
    reload();
}

void DeviceDetailViewModel::setSpan(Span span)
{
    if (span == m_span)
        return;
    m_span = span;
    emit spanChanged();
    reload();
}

void DeviceDetailViewModel::reload()
{
    const quint64 generation = ++m_generation;
    m_points.clear();
    emit pointsChanged();
    setErrorText({});
    if (m_deviceId.isEmpty() || !m_telemetry)
        return;
    setBusy(true);
    m_telemetry->powerChart(
        m_deviceId, toChartSpan(m_span), [this, generation](core::Result<QList<QPointF>> points) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (!points) {
                setErrorText(tr("Could not read this device's history: %1")
                                 .arg(ErrorText::common(points.error())));
                return;
            }
            // Live readings that arrived while reading stay, after the stored ones.
            QList<QPointF> merged = *points;
            const double last = merged.isEmpty() ? -1.0 : merged.constLast().x();
            for (const QPointF &p : std::as_const(m_points)) {
                if (p.x() > last)
                    merged.append(p);
            }
            m_points = std::move(merged);
            emit pointsChanged();
        });
    m_telemetry->totals(m_deviceId, [this, generation](core::Result<EnergyTotals> totals) {
        if (generation != m_generation || !totals)
            return;
        m_todayWh = totals->todayWh;
        m_monthWh = totals->monthWh;
        m_lifetimeWh = totals->lifetimeWh;
        emit totalsChanged();
    });
}

void DeviceDetailViewModel::fillSeries(QObject *series) const
{
    if (auto *xy = qobject_cast<QXYSeries *>(series))
        xy->replace(m_points);
}

namespace {

// A day chart of a device paired minutes ago spans its real readings (with a margin), so the
// few points are readable instead of squeezed into one corner of 24 hours.
qint64 recentPadMs(qint64 firstMs, qint64 nowMs)
{
    return std::max<qint64>(5'000, (nowMs - firstMs) / 10);
}

} // namespace

QDateTime DeviceDetailViewModel::axisTo() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const core::ChartWindow w = core::TelemetryStore::chartWindow(toChartSpan(m_span), now);
    if (m_span == Span::Day && !m_points.isEmpty()) {
        const qint64 first = qint64(m_points.constFirst().x());
        const qint64 last = std::max(now, qint64(m_points.constLast().x()));
        return QDateTime::fromMSecsSinceEpoch(
            std::min(std::max(w.toMs, now), last + recentPadMs(first, last)));
    }
    return QDateTime::fromMSecsSinceEpoch(std::max(w.toMs, now));
}

QDateTime DeviceDetailViewModel::axisFrom() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const core::ChartWindow w = core::TelemetryStore::chartWindow(toChartSpan(m_span), now);
    if (m_span == Span::Day && !m_points.isEmpty()) {
        const qint64 first = qint64(m_points.constFirst().x());
        const qint64 last = std::max(now, qint64(m_points.constLast().x()));
        return QDateTime::fromMSecsSinceEpoch(std::max(w.fromMs, first - recentPadMs(first, last)));
    }
    return QDateTime::fromMSecsSinceEpoch(w.fromMs);
}

double DeviceDetailViewModel::axisMaxKw() const
{
    double top = 0.0;
    for (const QPointF &p : m_points)
        top = std::max(top, p.y());
    // Round up to a readable step, with headroom.
    return top <= 0.0 ? 1.0 : std::ceil(top * 1.15);
}

double DeviceDetailViewModel::axisMinKw() const
{
    double bottom = 0.0;
    for (const QPointF &p : m_points)
        bottom = std::min(bottom, p.y());
    return std::floor(bottom);
}

QString DeviceDetailViewModel::axisFormat() const
{
    if (m_span == Span::Day)
        return axisFrom().secsTo(axisTo()) < 3600 ? QStringLiteral("HH:mm:ss")
                                                  : QStringLiteral("HH:mm");
    return m_span == Span::Year ? QStringLiteral("MMM yyyy") : QStringLiteral("dd MMM");
}

QString DeviceDetailViewModel::todayText() const
{
    return m_todayWh ? DeviceFormat::energy(*m_todayWh) : QStringLiteral("—");
}

QString DeviceDetailViewModel::monthText() const
{
    return m_monthWh ? DeviceFormat::energy(*m_monthWh) : QStringLiteral("—");
}

QString DeviceDetailViewModel::lifetimeText() const
{
    return m_lifetimeWh ? DeviceFormat::energy(*m_lifetimeWh) : QStringLiteral("—");
}

void DeviceDetailViewModel::onInverter(const core::InverterStatus &status)
{
    if (status.deviceId != m_deviceId || !status.measuredAt.isValid())
        return;
    if (status.inverter && status.inverter->acPowerMilliwatts)
        appendLive(status.measuredAt, *status.inverter->acPowerMilliwatts);
    if (status.inverter && status.inverter->lifetimeEnergyWh) {
        m_lifetimeWh = qint64(*status.inverter->lifetimeEnergyWh);
        emit totalsChanged();
    }
}

void DeviceDetailViewModel::onChargers(const QList<core::ocpp::ChargerState> &chargers)
{
    for (const core::ocpp::ChargerState &c : chargers) {
        if (c.chargePointId != m_deviceId)
            continue;
        const core::ocpp::ConnectorState *con = DeviceFormat::mainConnector(c);
        if (con && con->power)
            appendLive(con->power->measuredAt, std::llround(con->power->watts * 1000.0));
        if (con && con->energy) {
            m_lifetimeWh = con->energy->wattHours;
            emit totalsChanged();
        }
    }
}

void DeviceDetailViewModel::appendLive(const QDateTime &at, qint64 milliwatts)
{
    m_powerText = DeviceFormat::power(milliwatts);
    emit liveChanged();
    // Buckets of a longer span average many readings; a raw point would not match them.
    if (m_span != Span::Day || m_busy)
        return;
    const double x = double(at.toMSecsSinceEpoch());
    if (!m_points.isEmpty() && m_points.constLast().x() >= x)
        return;
    m_points.append(QPointF(x, double(milliwatts) / 1'000'000.0));
    emit pointsChanged();
}

void DeviceDetailViewModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void DeviceDetailViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
