#include "ChargerSession.h"

#include "OcppLogging.h"
#include "OcppSchema.h"

#include <QTimer>
#include <QUuid>
#include <QWebSocket>

namespace ovpp::core::ocpp {

ChargerSession::ChargerSession(QString chargePointId, QWebSocket *socket, CallHandler handler,
                               QObject *parent)
    : QObject(parent)
    , m_chargePointId(std::move(chargePointId))
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    // OCPP messages are small; a charger sending megabytes is broken or hostile.
    m_socket->setMaxAllowedIncomingMessageSize(1024 * 1024);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ChargerSession::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ChargerSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        failAll(QStringLiteral("the charge point disconnected"));
        Q_EMIT disconnected();
    });
}

ChargerSession::~ChargerSession()
{
    // Callers' callbacks must still learn the outcome; never leave one hanging.
    failAll(QStringLiteral("the central system stopped"));
    m_socket->disconnect(this);
    m_socket->abort();
}

bool ChargerSession::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void ChargerSession::call(const QString &action, const QJsonObject &payload, int timeoutMs,
                          QObject *context, ResponseCallback done)
{
    if (!isConnected()) {
        done(makeError(ErrorCode::Unavailable,
                       QStringLiteral("charge point %1 is not connected").arg(m_chargePointId)));
        return;
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Pending pending;
    pending.action = action;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    pending.timer = new QTimer(this);
    pending.timer->setSingleShot(true);
    connect(pending.timer, &QTimer::timeout, this, [this, id, action, timeoutMs] {
        finish(id,
               makeError(ErrorCode::Unavailable,
                         QStringLiteral("%1 to %2 got no answer within %3 ms")
                             .arg(action, m_chargePointId)
                             .arg(timeoutMs)));
    });
    pending.timer->start(timeoutMs);
    m_pending.insert(id, std::move(pending));
    send(OcppFrame::call(id, action, payload));
}

void ChargerSession::close()
{
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("replaced"));
}

void ChargerSession::abort()
{
    m_socket->abort();
}

void ChargerSession::onTextMessage(const QString &message)
{
    handleFrame(message.toUtf8());
}

void ChargerSession::onBinaryMessage(const QByteArray &message)
{
    // OCPP-J uses text frames only; treat a binary frame's bytes as the text it should have been.
    handleFrame(message);
}

void ChargerSession::handleFrame(const QByteArray &text)
{
    Q_EMIT activity();
    const ParsedFrame parsed = parseFrame(text);
    if (const auto *error = std::get_if<OcppFrameError>(&parsed)) {
        qCInfo(lcOcpp).noquote() << m_chargePointId << "sent a malformed message:" << error->code
                                 << error->description;
        if (error->answerable)
            send(OcppFrame::callError(error->uniqueId, error->code, error->description));
        return;
    }
    const OcppFrame &frame = std::get<OcppFrame>(parsed);
    switch (frame.type) {
    case MessageType::Call: {
        if (!OcppSchema::knowsAction(frame.action)) {
            send(OcppFrame::callError(frame.uniqueId, errorcode::NotImplemented,
                                      QStringLiteral("Requested Action is not known by receiver")));
            return;
        }
        if (const auto violation = OcppSchema::validateRequest(frame.action, frame.payload)) {
            qCInfo(lcOcpp).noquote() << m_chargePointId << frame.action
                                     << "rejected:" << violation->code << violation->description;
            send(OcppFrame::callError(frame.uniqueId, violation->code, violation->description));
            return;
        }
        const CallReply reply = m_handler(frame.action, frame.payload);
        if (reply.errorCode.isEmpty())
            send(OcppFrame::callResult(frame.uniqueId, reply.payload));
        else
            send(OcppFrame::callError(frame.uniqueId, reply.errorCode, reply.errorDescription));
        return;
    }
    case MessageType::CallResult:
        if (!m_pending.contains(frame.uniqueId)) {
            qCInfo(lcOcpp).noquote()
                << m_chargePointId << "answered an unknown call" << frame.uniqueId;
            return;
        }
        finish(frame.uniqueId, frame.payload);
        return;
    case MessageType::CallError:
        if (!m_pending.contains(frame.uniqueId))
            return;
        finish(frame.uniqueId,
               makeError(ErrorCode::Internal,
                         frame.errorCode + QLatin1String(": ") + frame.errorDescription));
        return;
    }
}

void ChargerSession::send(const OcppFrame &frame)
{
    m_socket->sendTextMessage(QString::fromUtf8(frame.serialize()));
    // Write now rather than on the next event loop pass: otherwise every answer costs one more
    // poll() over all sockets, and with a thousand chargers that poll is most of the CPU time
    // (docs/benchmarks.md, "Fleet load (OCPP)"). Never blocks.
    m_socket->flush();
}

void ChargerSession::finish(const QString &uniqueId, Result<QJsonObject> result)
{
    auto it = m_pending.find(uniqueId);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    pending.timer->stop();
    pending.timer->deleteLater();
    if (pending.hasContext && !pending.context)
        return; // the caller is gone
    pending.done(std::move(result));
}

void ChargerSession::failAll(const QString &why)
{
    const QStringList ids = m_pending.keys();
    for (const QString &id : ids)
        finish(id, makeError(ErrorCode::Unavailable, why));
}

} // namespace ovpp::core::ocpp
