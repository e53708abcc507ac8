#pragma once

// The two pairing flows.
//
// Inverter: the user types host[:port] and a unit id (or scans a subnet and picks a result);
// probe() runs SunSpec discovery and one snapshot, so the user sees manufacturer, model,
// serial, version and the current power BEFORE confirming; confirmInverter() adds it to the
// catalog (off the GUI thread) and the device network starts polling it.
//
// Charger: startCharger() makes a charge point id and an AuthorizationKey, adds the charger
// to the catalog (only a verifier of the key is stored) and shows the URL, id and password to
// type into the charger, and a QR code of them; then waits for the charger's BootNotification.
// The password is a secret shown on purpose, once: it is kept in SecretBytes, turned into
// text only for the view, copied only when the user clicks, and never logged.
//
// A paired device — the inverter once confirmed, the charger once it booted and said what it
// is — is then registered on-chain by a DeviceRegistrar (one per flow). The device stays
// paired whatever happens there.

#include "DeviceRegistrar.h"
#include "common/QrCode.h"
#include "crypto/SecretBytes.h"
#include "der/network/PairedDevice.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace ovpp::core {
class DeviceNetwork;
class SunSpecClient;
class SunSpecScanner;
} // namespace ovpp::core

namespace ovpp::ui {

class ChainSession;
class ClipboardGuard;
class DeviceCatalogEditor;
class WalletSession;
class WalletViewModel;

class PairingViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    // Inverter: address and probe.
    Q_PROPERTY(QString address READ address WRITE setAddress NOTIFY addressChanged)
    Q_PROPERTY(int unitId READ unitId WRITE setUnitId NOTIFY addressChanged)
    Q_PROPERTY(bool probing READ probing NOTIFY inverterChanged)
    Q_PROPERTY(bool found READ found NOTIFY inverterChanged)
    Q_PROPERTY(QString inverterError READ inverterError NOTIFY inverterChanged)
    Q_PROPERTY(QString foundManufacturer READ foundManufacturer NOTIFY inverterChanged)
    Q_PROPERTY(QString foundModel READ foundModel NOTIFY inverterChanged)
    Q_PROPERTY(QString foundSerial READ foundSerial NOTIFY inverterChanged)
    Q_PROPERTY(QString foundVersion READ foundVersion NOTIFY inverterChanged)
    Q_PROPERTY(QString foundAddress READ foundAddress NOTIFY inverterChanged)
    Q_PROPERTY(QString foundPowerText READ foundPowerText NOTIFY inverterChanged)
    Q_PROPERTY(QString foundBatteryText READ foundBatteryText NOTIFY inverterChanged)
    Q_PROPERTY(bool confirming READ confirming NOTIFY inverterChanged)
    Q_PROPERTY(bool inverterPaired READ inverterPaired NOTIFY inverterChanged)
    Q_PROPERTY(QString pairedDeviceId READ pairedDeviceId NOTIFY inverterChanged)
    Q_PROPERTY(DeviceRegistrar *inverterRegistration READ inverterRegistration CONSTANT)
    // Inverter: subnet scan.
    Q_PROPERTY(QString scanRange READ scanRange WRITE setScanRange NOTIFY scanChanged)
    Q_PROPERTY(bool scanning READ scanning NOTIFY scanChanged)
    Q_PROPERTY(int scanScanned READ scanScanned NOTIFY scanChanged)
    Q_PROPERTY(int scanTotal READ scanTotal NOTIFY scanChanged)
    Q_PROPERTY(QString scanError READ scanError NOTIFY scanChanged)
    Q_PROPERTY(QString scanSummary READ scanSummary NOTIFY scanChanged)
    Q_PROPERTY(QVariantList scanResults READ scanResults NOTIFY scanChanged)
    // Charger.
    Q_PROPERTY(ChargerStep chargerStep READ chargerStep NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerError READ chargerError NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerUrl READ chargerUrl NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerId READ chargerId NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerPassword READ chargerPassword NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerVendor READ chargerVendor NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerModel READ chargerModel NOTIFY chargerChanged)
    Q_PROPERTY(QString chargerSerial READ chargerSerial NOTIFY chargerChanged)
    Q_PROPERTY(int qrSize READ qrSize NOTIFY chargerChanged)
    Q_PROPERTY(DeviceRegistrar *chargerRegistration READ chargerRegistration CONSTANT)
    Q_PROPERTY(bool centralSystemReady READ centralSystemReady NOTIFY centralSystemChanged)

public:
    enum class ChargerStep { Idle, Creating, Waiting, Booted, Failed };
    Q_ENUM(ChargerStep)

    // Any pointer may be null in tests; without a network there is no charger URL, without a
    // chain or wallet no registration.
    PairingViewModel(core::DeviceNetwork *network, DeviceCatalogEditor *catalog,
                     ClipboardGuard *clipboard, ChainSession *chain = nullptr,
                     WalletSession *session = nullptr, WalletViewModel *wallet = nullptr,
                     QObject *parent = nullptr);
    ~PairingViewModel() override;

    QString address() const { return m_address; }
    void setAddress(const QString &address);
    int unitId() const { return m_unitId; }
    void setUnitId(int unitId);
    bool probing() const { return m_probing; }
    bool found() const { return m_info.has_value(); }
    QString inverterError() const { return m_inverterError; }
    QString foundManufacturer() const;
    QString foundModel() const;
    QString foundSerial() const;
    QString foundVersion() const;
    QString foundAddress() const;
    QString foundPowerText() const { return m_foundPowerText; }
    QString foundBatteryText() const { return m_foundBatteryText; }
    bool confirming() const { return m_confirming; }
    bool inverterPaired() const { return !m_pairedDeviceId.isEmpty(); }
    QString pairedDeviceId() const { return m_pairedDeviceId; }
    DeviceRegistrar *inverterRegistration() const { return m_inverterRegistration; }

    QString scanRange() const { return m_scanRange; }
    void setScanRange(const QString &range);
    bool scanning() const;
    int scanScanned() const { return m_scanScanned; }
    int scanTotal() const { return m_scanTotal; }
    QString scanError() const { return m_scanError; }
    QString scanSummary() const;
    QVariantList scanResults() const;

    ChargerStep chargerStep() const { return m_chargerStep; }
    QString chargerError() const { return m_chargerError; }
    QString chargerUrl() const;
    QString chargerId() const { return m_chargerId; }
    // The secret, as text, only for the view that shows it on purpose.
    QString chargerPassword() const;
    QString chargerVendor() const { return m_chargerVendor; }
    QString chargerModel() const { return m_chargerModel; }
    QString chargerSerial() const { return m_chargerSerial; }
    int qrSize() const { return m_qr.size(); }
    DeviceRegistrar *chargerRegistration() const { return m_chargerRegistration; }
    bool centralSystemReady() const { return m_baseUrl.isValid(); }

    // Inverter.
    Q_INVOKABLE void probe();
    Q_INVOKABLE void startScan();
    Q_INVOKABLE void cancelScan();
    // Probes the scan result at `index` (the user's pick).
    Q_INVOKABLE void pickScanResult(int index);
    Q_INVOKABLE void confirmInverter();
    Q_INVOKABLE void resetInverter();

    // Charger.
    Q_INVOKABLE void startCharger();
    // Before the charger booted: removes it from the catalog again. After: just closes.
    Q_INVOKABLE void cancelCharger();
    Q_INVOKABLE void finishCharger();
    Q_INVOKABLE void copyChargerUrl();
    Q_INVOKABLE void copyChargerId();
    Q_INVOKABLE void copyChargerPassword();
    // The QR code's module at (x, y): true for dark.
    Q_INVOKABLE bool qrDark(int x, int y) const { return m_qr.isDark(x, y); }

signals:
    void addressChanged();
    void inverterChanged();
    void scanChanged();
    void chargerChanged();
    void centralSystemChanged();

private:
    void probeEndpoint(const QString &host, quint16 port, quint8 unitId);
    void dropProbe();
    void setInverterError(const QString &text);
    void onChargerBooted(const QString &id, const QString &vendor, const QString &model,
                         const QString &serial);
    void clearCharger();

    QPointer<core::DeviceNetwork> m_network;
    QPointer<DeviceCatalogEditor> m_catalog;
    QPointer<ClipboardGuard> m_clipboard;

    QString m_address;
    int m_unitId = 1;
    bool m_probing = false;
    QString m_inverterError;
    std::unique_ptr<core::SunSpecClient> m_probe;
    std::optional<core::SunSpecDeviceInfo> m_info;
    QString m_foundPowerText;
    QString m_foundBatteryText;
    bool m_confirming = false;
    QString m_pairedDeviceId;
    DeviceRegistrar *m_inverterRegistration = nullptr;

    QString m_scanRange;
    std::unique_ptr<core::SunSpecScanner> m_scanner;
    int m_scanScanned = 0;
    int m_scanTotal = 0;
    QString m_scanError;
    QList<core::SunSpecDeviceInfo> m_scanResults;
    bool m_scanDone = false;

    QUrl m_baseUrl;
    QString m_centralSystemError;
    ChargerStep m_chargerStep = ChargerStep::Idle;
    QString m_chargerError;
    QString m_chargerId;
    std::shared_ptr<core::SecretBytes> m_chargerKey;
    core::QrCode m_qr;
    QString m_chargerVendor;
    QString m_chargerModel;
    QString m_chargerSerial;
    quint64 m_chargerGeneration = 0;
    DeviceRegistrar *m_chargerRegistration = nullptr;
};

} // namespace ovpp::ui
