#pragma once

// Registers one paired device on-chain and follows it to confirmation, for a page to show:
// "Registering…", "Sent, waiting for the network…", "Registered", or why not. The pairing flows
// (one for the inverter page, one for the charger page) each own one.
//
// The registry memo (docs/registry-format.md) is signed by the wallet's current account through
// the ChainSession's send pipeline. The device stays paired whatever happens here: a failure can
// be retried, a watch-only account skips it with an explanation, and a device that reported no
// serial number (OCPP's chargePointSerialNumber is optional) waits for the user to type it from
// the label — the registry needs the real serial's hash, never a placeholder.
//
// Once confirmed, the signature is written to the device's catalog entry, also when the page
// was left meanwhile: reset() forgets the view state, not the transaction.

#include "der/network/PairedDevice.h"

#include <QHash>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ovpp::core {
class Sender;
struct PendingSend;
} // namespace ovpp::core

namespace ovpp::ui {

class ChainSession;
class DeviceCatalogEditor;
class WalletSession;
class WalletViewModel;

class DeviceRegistrar : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by a view model")

    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(QString serialError READ serialError NOTIFY changed)
    Q_PROPERTY(QString signature READ signature NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)

public:
    enum class State {
        Idle, // nothing asked yet
        NeedsSerial, // the device reported no serial number: registerWithSerial()
        Registering, // preparing, signing, handing it to the node
        Confirming, // sent; waiting for the network to confirm it
        Registered, // confirmed on-chain
        Failed, // did not happen; retry() may work (funds, network, unlocked wallet)
        Skipped, // cannot happen with this account or device (watch-only, no model, ...)
    };
    Q_ENUM(State)

    // Any pointer may be null (tests); without a chain or wallet registration fails in words.
    DeviceRegistrar(ChainSession *chain, WalletSession *session, WalletViewModel *wallet,
                    DeviceCatalogEditor *catalog, QObject *parent = nullptr);
    ~DeviceRegistrar() override;

    State state() const { return m_state; }
    QString text() const { return m_text; }
    QString serialError() const { return m_serialError; }
    QString signature() const { return m_signature; }
    bool busy() const { return m_state == State::Registering || m_state == State::Confirming; }

    // Registers `device` (already in the catalog).
    void start(const core::PairedDevice &device);
    // After a failure: the same device again.
    Q_INVOKABLE void retry();
    // NeedsSerial: registers with the serial the user typed; it is also kept in the catalog.
    Q_INVOKABLE void registerWithSerial(const QString &serial);
    // Back to Idle; a registration in flight still completes and is kept in the catalog.
    void reset();

signals:
    void changed();

private:
    void submit();
    void setState(State state, const QString &text);
    void onSendStateChanged(const core::PendingSend &send);
    void keepSignature(const QString &deviceId, const QString &signature);

    QPointer<ChainSession> m_chain;
    QPointer<WalletSession> m_session;
    QPointer<WalletViewModel> m_wallet;
    QPointer<DeviceCatalogEditor> m_catalog;

    core::PairedDevice m_device;
    State m_state = State::Idle;
    QString m_text;
    QString m_serialError;
    QString m_signature;
    QString m_accountLabel;
    quint64 m_generation = 0;
    // Sends of ours being followed, by signature, with the device each registers (outlives
    // reset(), so a confirmation after the page was left still reaches the catalog).
    QHash<QString, QString> m_following;
    QPointer<core::Sender> m_connectedSender;
    QMetaObject::Connection m_senderConnection;
};

} // namespace ovpp::ui
