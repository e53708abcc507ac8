#pragma once

// A fault-injecting HTTP proxy for tests: listens on 127.0.0.1 (a free port), forwards each
// POST to an upstream JSON-RPC node, and applies the next fault of its FaultSchedule to each
// request (see Fault). It records what it did per request, so tests assert attempt counts and
// ordering instead of durations. One request per connection (it answers "Connection: close").

#include "FaultSchedule.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QTcpServer;
class QTcpSocket;

namespace ovpp::testing {

struct ProxyLogEntry
{
    int index = 0; // 0-based arrival order
    QStringList methods; // JSON-RPC method(s) in the body, batch order
    Fault fault = Fault::None;
    QByteArray apiKeyHeader; // the X-Api-Key header as received (header pass-through checks)
};

class FaultProxy : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxy(const QUrl &upstream, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    QUrl url() const;
    void setSchedule(const FaultSchedule &schedule) { m_schedule = schedule; }
    void setRetryAfter(const QByteArray &value) { m_retryAfter = value; }

    const QList<ProxyLogEntry> &log() const { return m_log; }
    QList<Fault> faults() const;
    // Requests that reached the upstream node (None and LostAfterForward).
    int forwardedCount() const;

private:
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &head, const QByteArray &body);
    void forward(QTcpSocket *socket, const QByteArray &path, const QByteArray &body,
                 bool dropAnswer);
    static void respond(QTcpSocket *socket, int status, const QByteArray &reason,
                        const QByteArray &body, const QList<QByteArray> &extraHeaders = {});
    static void reset(QTcpSocket *socket);

    QUrl m_upstream;
    QTcpServer *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    FaultSchedule m_schedule;
    QByteArray m_retryAfter = "1";
    QList<ProxyLogEntry> m_log;
};

} // namespace ovpp::testing
