#pragma once

// One charge point's WebSocket: OCPP-J framing both ways, inbound CALLs validated against the
// 1.6 schemas and answered (CALLRESULT or CALLERROR) through a handler, outbound CALLs
// correlated with their answers by unique id and failed after a timeout. The central system
// owns one session per connected charge point.

#include "OcppFrame.h"
#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QTimer;
class QWebSocket;

namespace ovpp::core::ocpp {

// What a handler answers an inbound CALL with: a CALLRESULT payload, or a CALLERROR.
struct CallReply
{
    QJsonObject payload;
    QString errorCode; // empty: CALLRESULT
    QString errorDescription;

    static CallReply result(QJsonObject payload) { return CallReply {std::move(payload), {}, {}}; }
    static CallReply error(QString code, QString description)
    {
        return CallReply {{}, std::move(code), std::move(description)};
    }
};

class ChargerSession : public QObject
{
    Q_OBJECT
public:
    using CallHandler = std::function<CallReply(const QString &action, const QJsonObject &payload)>;
    // Result: the CALLRESULT payload, or an Error (Unavailable: timed out or disconnected;
    // Internal: the charge point answered with a CALLERROR, whose code leads the detail).
    using ResponseCallback = std::function<void(Result<QJsonObject>)>;

    // Takes ownership of `socket`.
    ChargerSession(QString chargePointId, QWebSocket *socket, CallHandler handler,
                   QObject *parent = nullptr);
    ~ChargerSession() override;

    QString chargePointId() const { return m_chargePointId; }
    bool isConnected() const;

    // Sends a CALL; `done` runs exactly once (unless `context` is gone by then).
    void call(const QString &action, const QJsonObject &payload, int timeoutMs, QObject *context,
              ResponseCallback done);

    // Closes the WebSocket (e.g. a newer connection for the same charge point replaced it).
    void close();
    // Drops the connection without a closing handshake.
    void abort();

Q_SIGNALS:
    // Any message arrived (OCPP counts every message as a sign of life).
    void activity();
    void disconnected();

private:
    struct Pending
    {
        QString action;
        QPointer<QObject> context;
        bool hasContext = false;
        ResponseCallback done;
        QTimer *timer = nullptr;
    };

    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void handleFrame(const QByteArray &text);
    void send(const OcppFrame &frame);
    void finish(const QString &uniqueId, Result<QJsonObject> result);
    void failAll(const QString &why);

    QString m_chargePointId;
    QWebSocket *m_socket;
    CallHandler m_handler;
    QHash<QString, Pending> m_pending;
};

} // namespace ovpp::core::ocpp
