#include "HandshakeGate.h"

#include "OcppLogging.h"
#include "crypto/SecretBytes.h"

#include <QByteArrayList>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocketServer>

namespace ovpp::core::ocpp {

namespace {

// An upgrade request is a few hundred bytes; anything larger without an end is not one.
constexpr qint64 maxRequestBytes = 16 * 1024;
const char *const handledProperty = "ovppHandshakeHandled";

struct UpgradeRequest
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; // lower-case names; repeated headers joined by ","
};

std::optional<UpgradeRequest> parseRequest(const QByteArray &head)
{
    const QByteArrayList lines = head.split('\n');
    if (lines.isEmpty())
        return std::nullopt;
    const QByteArrayList requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return std::nullopt;
    UpgradeRequest r;
    r.method = requestLine.at(0);
    r.target = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (r.headers.contains(name))
            r.headers[name] += ',' + value;
        else
            r.headers.insert(name, value);
    }
    return r;
}

bool offersOcpp16(const UpgradeRequest &r)
{
    const QByteArrayList offered = r.headers.value("sec-websocket-protocol").split(',');
    return std::any_of(offered.begin(), offered.end(),
                       [](const QByteArray &p) { return p.trimmed() == "ocpp1.6"; });
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

HandshakeGate::HandshakeGate(QWebSocketServer *webSocketServer, Authenticator authenticator,
                             QObject *parent)
    : QObject(parent)
    , m_tcpServer(new QTcpServer(this))
    , m_webSocketServer(webSocketServer)
    , m_authenticator(std::move(authenticator))
{
    // Not newConnection: QSslServer queues a socket only once its TLS handshake is done, and
    // announces that with pendingConnectionAvailable alone.
    connect(m_tcpServer, &QTcpServer::pendingConnectionAvailable, this,
            &HandshakeGate::onNewConnection);
}

HandshakeGate::~HandshakeGate() = default;

void HandshakeGate::setSslConfiguration(const QSslConfiguration &configuration)
{
    if (m_tcpServer->isListening())
        return;
    auto *sslServer = new QSslServer(this);
    sslServer->setSslConfiguration(configuration);
    // A failed TLS handshake is the client's problem; it never reaches the gate.
    connect(sslServer, &QSslServer::errorOccurred, this,
            [](QSslSocket *, QAbstractSocket::SocketError error) {
                qCInfo(lcOcpp) << "TLS handshake failed:" << error;
            });
    delete m_tcpServer;
    m_tcpServer = sslServer;
    // Not newConnection: QSslServer queues a socket only once its TLS handshake is done, and
    // announces that with pendingConnectionAvailable alone.
    connect(m_tcpServer, &QTcpServer::pendingConnectionAvailable, this,
            &HandshakeGate::onNewConnection);
}

void HandshakeGate::setWebSocketServer(QWebSocketServer *webSocketServer)
{
    m_webSocketServer = webSocketServer;
}

bool HandshakeGate::listen(const QHostAddress &address, quint16 port)
{
    return m_tcpServer->listen(address, port);
}

void HandshakeGate::close()
{
    m_tcpServer->close();
}

bool HandshakeGate::isListening() const
{
    return m_tcpServer->isListening();
}

quint16 HandshakeGate::serverPort() const
{
    return m_tcpServer->serverPort();
}

QHostAddress HandshakeGate::serverAddress() const
{
    return m_tcpServer->serverAddress();
}

QString HandshakeGate::errorString() const
{
    return m_tcpServer->errorString();
}

void HandshakeGate::onNewConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        // Until handed over, the socket is ours; a stalled client is dropped after the timeout.
        socket->setParent(this);
        QTimer::singleShot(m_handshakeTimeoutMs, socket, [socket] {
            if (!socket->property(handledProperty).toBool())
                socket->abort();
        });
        connect(socket, &QTcpSocket::disconnected, socket, [socket] {
            if (!socket->property(handledProperty).toBool())
                socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
        if (socket->bytesAvailable() > 0)
            inspect(socket);
    }
}

void HandshakeGate::inspect(QTcpSocket *socket)
{
    if (socket->property(handledProperty).toBool())
        return;
    // Peek, never read: QWebSocketServer must find the request intact in the buffer.
    QByteArray buffered = socket->peek(maxRequestBytes);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() >= maxRequestBytes)
            refuse(socket, QString(), 431, QStringLiteral("request head too large"));
        return;
    }
    std::optional<UpgradeRequest> request = parseRequest(buffered.left(end + 2));
    if (!request || request->method != "GET"
        || request->headers.value("upgrade").toLower() != "websocket") {
        refuse(socket, QString(), 400, QStringLiteral("not a WebSocket upgrade request"));
        return;
    }

    // The charge point id is the last path segment: ws://host:port/<chargePointId>.
    const QUrl url(QString::fromLatin1(request->target));
    const QString path = url.path(QUrl::FullyDecoded);
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString chargePointId = slash >= 0 ? path.mid(slash + 1) : QString();
    if (chargePointId.isEmpty()) {
        refuse(socket, QString(), 404, QStringLiteral("no charge point id in the URL"));
        return;
    }
    if (!offersOcpp16(*request)) {
        refuse(socket, chargePointId, 400, QStringLiteral("subprotocol ocpp1.6 not offered"));
        return;
    }

    // Security profile 1: "Authorization: Basic base64(<chargePointId>:<AuthorizationKey>)".
    // By reference: the header carries the password (base64) and is wiped below.
    QByteArray &authorization = request->headers[QByteArrayLiteral("authorization")];
    QByteArray decoded;
    if (authorization.size() > 6 && authorization.left(6).toLower() == "basic ") {
        auto result = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
        // Moved, not copied: the one buffer holding the clear password is wiped below.
        if (result)
            decoded = std::move(result.decoded);
    }
    const qsizetype colon = decoded.indexOf(':');
    const QByteArray user = colon >= 0 ? decoded.left(colon) : QByteArray();
    QByteArray password = colon >= 0 ? decoded.mid(colon + 1) : QByteArray();
    const bool userMatches = colon >= 0 && QString::fromUtf8(user) == chargePointId;
    const Verdict verdict = m_authenticator(chargePointId, password);
    wipe(password.data(), static_cast<std::size_t>(password.size()));
    wipe(decoded.data(), static_cast<std::size_t>(decoded.size()));
    const bool hadCredentials = !authorization.isEmpty();
    wipe(authorization.data(), static_cast<std::size_t>(authorization.size()));
    wipe(buffered.data(), static_cast<std::size_t>(buffered.size()));

    if (verdict == Verdict::UnknownChargePoint) {
        refuse(socket, chargePointId, 404, QStringLiteral("unknown charge point"));
        return;
    }
    if (!userMatches || verdict != Verdict::Accept) {
        refuse(socket, chargePointId, 401,
               hadCredentials ? QStringLiteral("wrong credentials")
                              : QStringLiteral("no credentials"));
        return;
    }

    socket->setProperty(handledProperty, true);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    if (!m_webSocketServer) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    qCDebug(lcOcpp) << "handshake accepted for" << chargePointId;
    // The socket stays a child of the gate until the QWebSocket built from it takes it over, so
    // a failed upgrade cannot leak it beyond the gate's lifetime.
    m_webSocketServer->handleConnection(socket);
}

void HandshakeGate::refuse(QTcpSocket *socket, const QString &chargePointId, int status,
                           const QString &reason)
{
    socket->setProperty(handledProperty, true);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    qCInfo(lcOcpp).noquote() << "refused handshake"
                             << (chargePointId.isEmpty() ? "-" : chargePointId) << status << reason;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nConnection: close\r\nContent-Length: 0\r\n";
    if (status == 401)
        response += "WWW-Authenticate: Basic realm=\"OpenVPP OCPP\"\r\n";
    response += "\r\n";
    socket->write(response);
    socket->disconnectFromHost();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
    Q_EMIT refused(chargePointId, status, reason);
}

} // namespace ovpp::core::ocpp
