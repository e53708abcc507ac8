#pragma once

// A device's detail page: its power over a day, week, month or year from the telemetry store
// (read on a worker thread), new live readings appended as they arrive, and energy totals
// (today, this month, lifetime). The page's ChartView asks fillSeries() to copy the points
// into its series in one batch. It also says whether the device is in the on-chain registry
// and registers it on request (a device paired while the wallet was locked or unfunded, or a
// charger whose serial was not typed at pairing).

#include "DeviceRegistrar.h"
#include "der/network/DeviceStatus.h"
#include "der/ocpp/ChargerState.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QAbstractSeries;

namespace ovpp::core {
class DeviceNetwork;
}

namespace ovpp::ui {

class DevicesViewModel;
class DeviceTelemetry;

class DeviceDetailViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    Q_PROPERTY(QString deviceId READ deviceId NOTIFY deviceChanged)
    Q_PROPERTY(QString name READ name NOTIFY deviceChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY deviceChanged)
    Q_PROPERTY(QString makeModel READ makeModel NOTIFY deviceChanged)
    Q_PROPERTY(QString serialNumber READ serialNumber NOTIFY deviceChanged)
    Q_PROPERTY(Span span READ span WRITE setSpan NOTIFY spanChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int pointCount READ pointCount NOTIFY pointsChanged)
    Q_PROPERTY(QDateTime axisFrom READ axisFrom NOTIFY pointsChanged)
    Q_PROPERTY(QDateTime axisTo READ axisTo NOTIFY pointsChanged)
    Q_PROPERTY(double axisMaxKw READ axisMaxKw NOTIFY pointsChanged)
    Q_PROPERTY(double axisMinKw READ axisMinKw NOTIFY pointsChanged)
    // The time axis's label format: seconds for a chart of a few minutes.
    Q_PROPERTY(QString axisFormat READ axisFormat NOTIFY pointsChanged)
    Q_PROPERTY(QString powerText READ powerText NOTIFY liveChanged)
    Q_PROPERTY(QString todayText READ todayText NOTIFY totalsChanged)
    Q_PROPERTY(QString monthText READ monthText NOTIFY totalsChanged)
    Q_PROPERTY(QString lifetimeText READ lifetimeText NOTIFY totalsChanged)
    // The signature of the registration the catalog remembers; "" when not registered.
    Q_PROPERTY(QString registrySignature READ registrySignature NOTIFY deviceChanged)
    Q_PROPERTY(DeviceRegistrar *registration READ registration CONSTANT)

public:
    enum class Span { Day, Week, Month, Year };
    Q_ENUM(Span)

    // Takes ownership of `registration`; without one, registering fails in words.
    DeviceDetailViewModel(core::DeviceNetwork *network, DevicesViewModel *devices,
                          DeviceTelemetry *telemetry, DeviceRegistrar *registration = nullptr,
                          QObject *parent = nullptr);
    ~DeviceDetailViewModel() override;

    QString deviceId() const { return m_deviceId; }
    QString name() const;
    QString kind() const;
    QString makeModel() const;
    QString serialNumber() const;
    Span span() const { return m_span; }
    void setSpan(Span span);
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    int pointCount() const { return int(m_points.size()); }
    QDateTime axisFrom() const;
    QDateTime axisTo() const;
    double axisMaxKw() const;
    double axisMinKw() const;
    QString axisFormat() const;
    QString powerText() const { return m_powerText; }
    QString todayText() const;
    QString monthText() const;
    QString lifetimeText() const;
    QString registrySignature() const;
    DeviceRegistrar *registration() const { return m_registration; }

    // Points: x = ms since the epoch, y = kW.
    const QList<QPointF> &points() const { return m_points; }

    Q_INVOKABLE void select(const QString &deviceId);
    Q_INVOKABLE void reload();
    // Replaces the points of `series` (a QXYSeries: LineSeries, the upper series of an
    // AreaSeries) with this chart's, in one batch.
    Q_INVOKABLE void fillSeries(QObject *series) const;
    // Registers the selected device on-chain (again, if it already is: the later statement
    // counts), signed by the wallet's current account.
    Q_INVOKABLE void registerOnChain();

signals:
    void deviceChanged();
    void spanChanged();
    void busyChanged();
    void errorTextChanged();
    void pointsChanged();
    void liveChanged();
    void totalsChanged();

private:
    void onInverter(const core::InverterStatus &status);
    void onChargers(const QList<core::ocpp::ChargerState> &chargers);
    void appendLive(const QDateTime &at, qint64 milliwatts);
    void setBusy(bool busy);
    void setErrorText(const QString &text);

    QPointer<core::DeviceNetwork> m_network;
    QPointer<DevicesViewModel> m_devices;
    QPointer<DeviceTelemetry> m_telemetry;
    DeviceRegistrar *m_registration; // owned
    QString m_deviceId;
    Span m_span = Span::Day;
    bool m_busy = false;
    QString m_errorText;
    QList<QPointF> m_points;
    QString m_powerText;
    std::optional<qint64> m_todayWh;
    std::optional<qint64> m_monthWh;
    std::optional<qint64> m_lifetimeWh;
    quint64 m_generation = 0; // drops answers to an earlier select()/span
};

} // namespace ovpp::ui
