#pragma once

// The TCP front of the central system. QWebSocketServer has no hook to refuse an upgrade with an
// HTTP status (it can only accept, or close without a word), yet OCPP security profile 1 wants
// unknown charge points and wrong passwords refused at the handshake with 401/404. So this
// QTcpServer accepts the connection, *peeks* at the HTTP upgrade request (nothing is consumed),
// checks the path (/<chargePointId>), the offered subprotocol ("ocpp1.6") and the HTTP Basic
// credentials, and either answers 400/401/404 itself and closes, or hands the untouched socket
// to QWebSocketServer::handleConnection(), which then reads the same request and completes the
// WebSocket handshake. Nothing reaches OCPP code before the credentials are checked.
// With TLS (security profile 2) the front is a QSslServer and the same checks run on the
// decrypted request.

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace ovpp::core::ocpp {

class HandshakeGate : public QObject
{
    Q_OBJECT
public:
    // Decides whether `password` is the authorization key of `chargePointId`; the gate itself
    // never stores a key.
    enum class Verdict { Accept, UnknownChargePoint, WrongPassword };
    using Authenticator
        = std::function<Verdict(const QString &chargePointId, const QByteArray &password)>;

    HandshakeGate(QWebSocketServer *webSocketServer, Authenticator authenticator,
                  QObject *parent = nullptr);
    ~HandshakeGate() override;

    // Security profile 2: TLS in front of everything (a QSslServer; the request is inspected
    // after decryption). Call before listen().
    void setSslConfiguration(const QSslConfiguration &configuration);
    void setWebSocketServer(QWebSocketServer *webSocketServer);

    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    QString errorString() const;

    // A handshake that has not completed after this long is dropped (slowloris protection).
    void setHandshakeTimeout(int milliseconds) { m_handshakeTimeoutMs = milliseconds; }

Q_SIGNALS:
    // A handshake was refused; `status` is the HTTP status sent. For logs and the UI's
    // "a charger tried to connect" hint, never carries the password.
    void refused(const QString &chargePointId, int status, const QString &reason);

private:
    void onNewConnection();
    void inspect(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QString &chargePointId, int status,
                const QString &reason);

    QTcpServer *m_tcpServer;
    QPointer<QWebSocketServer> m_webSocketServer;
    Authenticator m_authenticator;
    int m_handshakeTimeoutMs = 10000;
};

} // namespace ovpp::core::ocpp
