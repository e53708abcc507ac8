#include "OcppFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace ovpp::core::ocpp {

namespace {

// OCPP-J limits the unique id to 36 characters (a UUID).
constexpr qsizetype maxUniqueIdLength = 36;

OcppFrameError formationError(QString id, QString why, bool answerable = true)
{
    return OcppFrameError {std::move(id), errorcode::FormationViolation, std::move(why),
                           answerable};
}

} // namespace

OcppFrame OcppFrame::call(QString uniqueId, QString action, QJsonObject payload)
{
    OcppFrame f;
    f.type = MessageType::Call;
    f.uniqueId = std::move(uniqueId);
    f.action = std::move(action);
    f.payload = std::move(payload);
    return f;
}

OcppFrame OcppFrame::callResult(QString uniqueId, QJsonObject payload)
{
    OcppFrame f;
    f.type = MessageType::CallResult;
    f.uniqueId = std::move(uniqueId);
    f.payload = std::move(payload);
    return f;
}

OcppFrame OcppFrame::callError(QString uniqueId, QString code, QString description,
                               QJsonObject details)
{
    OcppFrame f;
    f.type = MessageType::CallError;
    f.uniqueId = std::move(uniqueId);
    f.errorCode = std::move(code);
    f.errorDescription = std::move(description);
    f.errorDetails = std::move(details);
    return f;
}

QByteArray OcppFrame::serialize() const
{
    QJsonArray a;
    a.append(static_cast<int>(type));
    a.append(uniqueId);
    switch (type) {
    case MessageType::Call:
        a.append(action);
        a.append(payload);
        break;
    case MessageType::CallResult:
        a.append(payload);
        break;
    case MessageType::CallError:
        a.append(errorCode);
        a.append(errorDescription);
        a.append(errorDetails);
        break;
    }
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

ParsedFrame parseFrame(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return formationError(QStringLiteral("-1"), QStringLiteral("Message is not valid JSON"));
    if (!doc.isArray())
        return formationError(QStringLiteral("-1"), QStringLiteral("Message is not a JSON array"));
    const QJsonArray a = doc.array();
    if (a.size() < 2)
        return formationError(QStringLiteral("-1"),
                              QStringLiteral("Message lacks a type and a unique id"));

    const QJsonValue typeValue = a.at(0);
    const QJsonValue idValue = a.at(1);
    const QString id = idValue.isString() ? idValue.toString() : QStringLiteral("-1");
    if (!typeValue.isDouble() || std::floor(typeValue.toDouble()) != typeValue.toDouble())
        return formationError(id, QStringLiteral("MessageTypeId is not an integer"));
    const int type = typeValue.toInt();
    if (type != 2 && type != 3 && type != 4)
        return OcppFrameError {id, errorcode::ProtocolError,
                               QStringLiteral("Unknown MessageTypeId %1").arg(type), true};
    const bool isCall = type == 2;
    if (!idValue.isString() || idValue.toString().isEmpty()
        || idValue.toString().size() > maxUniqueIdLength)
        return formationError(QStringLiteral("-1"),
                              QStringLiteral("UniqueId must be a string of 1 to 36 characters"),
                              isCall);

    OcppFrame f;
    f.uniqueId = id;
    if (type == 2) {
        // A CALL that is cut short ([2, id, action]) is incomplete rather than malformed.
        if (a.size() != 4)
            return OcppFrameError {id, errorcode::ProtocolError,
                                   QStringLiteral("CALL must have 4 elements"), true};
        if (!a.at(2).isString() || a.at(2).toString().isEmpty())
            return formationError(id, QStringLiteral("Action must be a non-empty string"));
        if (!a.at(3).isObject())
            return formationError(id, QStringLiteral("Payload must be a JSON object"));
        f.type = MessageType::Call;
        f.action = a.at(2).toString();
        f.payload = a.at(3).toObject();
        return f;
    }
    if (type == 3) {
        if (a.size() != 3 || !a.at(2).isObject())
            return formationError(id, QStringLiteral("Malformed CALLRESULT"), false);
        f.type = MessageType::CallResult;
        f.payload = a.at(2).toObject();
        return f;
    }
    if (a.size() != 5 || !a.at(2).isString() || !a.at(3).isString() || !a.at(4).isObject())
        return formationError(id, QStringLiteral("Malformed CALLERROR"), false);
    f.type = MessageType::CallError;
    f.errorCode = a.at(2).toString();
    f.errorDescription = a.at(3).toString();
    f.errorDetails = a.at(4).toObject();
    return f;
}

} // namespace ovpp::core::ocpp
