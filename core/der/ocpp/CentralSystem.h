#pragma once

// The app's local OCPP 1.6J central system. Chargers connect to ws://HOST:PORT/<chargePointId>
// with subprotocol "ocpp1.6" and, security profile 1, HTTP Basic credentials
// (<chargePointId>:<AuthorizationKey>) that are checked at the handshake (see HandshakeGate).
// State is kept per charger as plain structs (ChargerState); every change emits
// chargerChanged(id). Commands to chargers complete asynchronously through callbacks tied to a
// context object. Everything runs on the thread that owns the CentralSystem.
//
// Security profile 2 (TLS + Basic auth) is on when setSslConfiguration() is called before
// listen(): the URL becomes wss://. Not done yet: idTag authorization lists (every idTag is
// accepted) and profile 3 (client certificates).

#include "ChargerState.h"
#include "ChargingProfile.h"
#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QElapsedTimer;
class QTimer;
class QWebSocketServer;

namespace ovpp::core::ocpp {

class ChargerSession;
class HandshakeGate;
struct CallReply;

class CentralSystem : public QObject
{
    Q_OBJECT
public:
    static constexpr quint16 defaultPort = 8887;

    // `status` of the charger's answer (Accepted, Rejected, NotSupported, ...), or an Error:
    // NotFound (unknown charger), Unavailable (not connected, no answer in time, disconnected),
    // Internal (the charger answered with a CALLERROR or a malformed result).
    using StatusCallback = std::function<void(Result<QString>)>;

    explicit CentralSystem(QObject *parent = nullptr);
    ~CentralSystem() override;

    // Listens on `address`:`port` (port 0: any free port). Loopback by default: exposing the
    // central system to the LAN is the caller's explicit choice.
    // Security profile 2: serve TLS with this certificate and key (before listen()).
    void setSslConfiguration(const QSslConfiguration &configuration);
    bool isSecure() const { return m_sslConfiguration.has_value(); }

    Result<void> listen(const QHostAddress &address = QHostAddress::LocalHost,
                        quint16 port = defaultPort);
    void close();
    bool isListening() const;
    quint16 port() const;
    // The URL to enter in the charger: ws://HOST:PORT/<chargePointId>.
    QUrl urlFor(const QString &chargePointId) const;

    // The Heartbeat interval handed to chargers in BootNotification.conf; a charger silent for
    // two intervals is offline.
    void setHeartbeatIntervalSeconds(int seconds);
    int heartbeatIntervalSeconds() const { return m_heartbeatSeconds; }
    // How long a command waits for the charger's answer.
    void setCallTimeoutMs(int milliseconds) { m_callTimeoutMs = milliseconds; }

    // Pairing: the charger `chargePointId` may connect with `authorizationKey` as its password.
    Result<void> addCharger(const QString &chargePointId, SecretBytes authorizationKey);
    // Pairing without holding the key: the charger's password is accepted when
    // SHA-256(salt || password) equals `sha256` (constant-time compare). What the device
    // catalog stores (DeviceCatalog's ChargerVerifier).
    Result<void> addChargerVerifier(const QString &chargePointId, const QByteArray &salt,
                                    const QByteArray &sha256);
    // Forgets a charger and drops its connection.
    void removeCharger(const QString &chargePointId);
    // A fresh random AuthorizationKey for pairing: 20 characters from an unambiguous alphabet
    // (about 100 bits), printable so the user can type it into the charger's setup page.
    static SecretBytes generateAuthorizationKey();

    QStringList chargerIds() const;
    std::optional<ChargerState> charger(const QString &chargePointId) const;

    // Commands (central system -> charge point).
    void remoteStartTransaction(const QString &chargePointId, std::optional<int> connectorId,
                                const QString &idTag, QObject *context, StatusCallback done);
    void remoteStopTransaction(const QString &chargePointId, int transactionId, QObject *context,
                               StatusCallback done);
    void setChargingProfile(const QString &chargePointId, int connectorId,
                            const ChargingProfile &profile, QObject *context, StatusCallback done);
    void changeConfiguration(const QString &chargePointId, const QString &key, const QString &value,
                             QObject *context, StatusCallback done);
    // requestedMessage: BootNotification, DiagnosticsStatusNotification,
    // FirmwareStatusNotification, Heartbeat, MeterValues, StatusNotification.
    void triggerMessage(const QString &chargePointId, const QString &requestedMessage,
                        std::optional<int> connectorId, QObject *context, StatusCallback done);

Q_SIGNALS:
    void chargerChanged(const QString &chargePointId);
    // A handshake was refused (unknown id, wrong password, no ocpp1.6); `status` is the HTTP
    // status sent back.
    void connectionRefused(const QString &chargePointId, int status, const QString &reason);

private:
    struct Charger
    {
        SecretBytes authorizationKey; // empty when paired by verifier
        QByteArray verifierSalt;
        QByteArray verifierDigest; // SHA-256(salt || key); empty when paired by key
        ChargerState state;
        ChargerSession *session = nullptr;
        std::unique_ptr<QElapsedTimer> sinceLastMessage; // monotonic, for offline detection
    };

    Result<void> addChargerEntry(const QString &chargePointId, Charger charger);
    void onNewWebSocket();
    void onSessionClosed(ChargerSession *session);
    void checkLiveness();
    void touch(Charger &charger);
    CallReply handleCall(const QString &chargePointId, const QString &action,
                         const QJsonObject &payload);
    void applyMeterValues(ChargerState &state, int connectorId, const QJsonArray &meterValues);
    void sendCommand(const QString &chargePointId, const QString &action,
                     const QJsonObject &payload, QObject *context, StatusCallback done);

    QWebSocketServer *makeWebSocketServer(bool secure);

    QWebSocketServer *m_webSocketServer;
    std::optional<QSslConfiguration> m_sslConfiguration;
    HandshakeGate *m_gate;
    QTimer *m_livenessTimer;
    std::map<QString, Charger> m_chargers;
    int m_heartbeatSeconds = 300;
    int m_callTimeoutMs = 30000;
    int m_nextTransactionId = 1;
};

} // namespace ovpp::core::ocpp
