#pragma once

// The Devices page: one card per paired device with live power, state in words, the time the
// values were measured, state of charge (with its own time) and energy today. Fed by the device
// network's signals (queued from its thread); energy today is read from the telemetry store on
// a worker thread.

#include "der/network/DeviceStatus.h"
#include "der/network/PairedDevice.h"
#include "der/ocpp/ChargerState.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ovpp::core {
class DeviceNetwork;
}

namespace ovpp::ui {

class DeviceCatalogEditor;
class DeviceTelemetry;

class DevicesViewModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        NameRole,
        KindRole, // "inverter" / "charger"
        MakeModelRole,
        PowerTextRole,
        StateRole, // DeviceFormat::stateKey
        StateTextRole,
        AsOfTextRole,
        AsOfToolTipRole,
        SocTextRole, // "" when unknown
        EnergyTodayTextRole,
        DetailTextRole, // last error or a short status line
    };
    Q_ENUM(Role)

    // Any pointer may be null (no device side: the cards stay empty).
    DevicesViewModel(core::DeviceNetwork *network, DeviceCatalogEditor *catalog,
                     DeviceTelemetry *telemetry, QObject *parent = nullptr);
    ~DevicesViewModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }

    // The device with `id` as it was paired; nullopt if unknown.
    std::optional<core::PairedDevice> device(const QString &id) const;
    QString nameOf(const QString &id) const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void remove(const QString &deviceId);
    Q_INVOKABLE int indexOf(const QString &deviceId) const;

signals:
    void countChanged();
    void busyChanged();
    void errorTextChanged();
    void removed(const QString &deviceId);

private:
    struct Card
    {
        core::PairedDevice device;
        std::optional<core::InverterStatus> inverter;
        std::optional<core::ocpp::ChargerState> charger;
        std::optional<qint64> energyTodayWh;
    };

    void setDevices(const QList<core::PairedDevice> &devices);
    void onInverter(const core::InverterStatus &status);
    void onChargers(const QList<core::ocpp::ChargerState> &chargers);
    void updateEnergy();
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void touch(int row);

    QPointer<core::DeviceNetwork> m_network;
    QPointer<DeviceCatalogEditor> m_catalog;
    QPointer<DeviceTelemetry> m_telemetry;
    QList<Card> m_cards;
    // Live values that arrived before the catalog listed the device (pairing races).
    QHash<QString, core::InverterStatus> m_pendingInverters;
    QHash<QString, core::ocpp::ChargerState> m_pendingChargers;
    QTimer m_clock; // re-words "as of" times and re-reads energy today
    bool m_busy = false;
    QString m_errorText;
};

} // namespace ovpp::ui
