#include "FaultProxy.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <sys/socket.h>

namespace ovpp::testing {

namespace {

const char *const BufferProperty = "ovppRequestBuffer";

QStringList methodsOf(const QByteArray &body)
{
    QStringList methods;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
    for (const QJsonValue &item : items)
        methods.append(item.toObject().value(QLatin1String("method")).toString());
    return methods;
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

FaultProxy::FaultProxy(const QUrl &upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(upstream)
    , m_server(new QTcpServer(this))
    , m_network(new QNetworkAccessManager(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort()));
}

QList<Fault> FaultProxy::faults() const
{
    QList<Fault> out;
    for (const ProxyLogEntry &e : m_log)
        out.append(e.fault);
    return out;
}

int FaultProxy::forwardedCount() const
{
    int n = 0;
    for (const ProxyLogEntry &e : m_log)
        n += e.fault == Fault::None || e.fault == Fault::LostAfterForward;
    return n;
}

void FaultProxy::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(BufferProperty).toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty(BufferProperty, buffer);
        return;
    }
    const QByteArray head = buffer.left(end);
    const qsizetype length = headerValue(head, "Content-Length").toLongLong();
    if (buffer.size() - (end + 4) < length) {
        socket->setProperty(BufferProperty, buffer);
        return;
    }
    socket->setProperty(BufferProperty, QByteArray());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    handle(socket, head, buffer.mid(end + 4, length));
}

void FaultProxy::handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    ProxyLogEntry entry;
    entry.index = int(m_log.size());
    entry.methods = methodsOf(body);
    entry.fault = m_schedule.next();
    entry.apiKeyHeader = headerValue(head, "X-Api-Key");
    m_log.append(entry);
    const QByteArray path = head.split(' ').value(1, "/");

    switch (entry.fault) {
    case Fault::None:
        return forward(socket, path, body, false);
    case Fault::LostAfterForward:
        return forward(socket, path, body, true);
    case Fault::Hold:
        return; // the socket stays open until the client gives up
    case Fault::TooManyRequests:
        return respond(socket, 429, "Too Many Requests", R"({"error":"rate limited"})",
                       {"Retry-After: " + m_retryAfter});
    case Fault::ServerError:
        return respond(socket, 500, "Internal Server Error", R"({"error":"internal error"})");
    case Fault::Malformed:
        return respond(socket, 200, "OK", R"({"jsonrpc":"2.0","result":{"context":{"slot":)");
    case Fault::Reset:
        return reset(socket);
    }
}

void FaultProxy::forward(QTcpSocket *socket, const QByteArray &path, const QByteArray &body,
                         bool dropAnswer)
{
    QUrl target = m_upstream;
    target.setPath(QString::fromLatin1(path));
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network->post(request, body);
    QPointer<QTcpSocket> client(socket);
    connect(reply, &QNetworkReply::finished, this, [reply, client, dropAnswer] {
        reply->deleteLater();
        if (!client)
            return;
        if (dropAnswer)
            return reset(client);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        respond(client, status == 0 ? 502 : status,
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                reply->readAll());
    });
}

void FaultProxy::respond(QTcpSocket *socket, int status, const QByteArray &reason,
                         const QByteArray &body, const QList<QByteArray> &extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "Content-Type: application/json\r\nConnection: close\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &h : extraHeaders)
        out += h + "\r\n";
    out += "\r\n" + body;
    socket->write(out);
    socket->disconnectFromHost();
}

void FaultProxy::reset(QTcpSocket *socket)
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN: "connection reset
    // by peer" on the client, as when a load balancer or NAT drops the connection.
    const struct linger hard
    {
        1, 0
    };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    socket->abort();
}

} // namespace ovpp::testing
