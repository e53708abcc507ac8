#pragma once

// OCPP-J framing (OCPP 1.6J, section 4): every WebSocket text message is a JSON array,
//   CALL       [2, "<uniqueId>", "<Action>", {payload}]
//   CALLRESULT [3, "<uniqueId>", {payload}]
//   CALLERROR  [4, "<uniqueId>", "<errorCode>", "<errorDescription>", {errorDetails}]
// Parsing never throws: malformed input yields an OcppFrameError carrying the CALLERROR code to
// answer with, so a hostile or buggy charger can never crash the central system.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace ovpp::core::ocpp {

// CALLERROR codes of OCPP-J 1.6. The 1.6 spellings "FormationViolation" and
// "OccurenceConstraintViolation" are kept on purpose: they are what 1.6 peers expect.
namespace errorcode {
inline constexpr auto NotImplemented = "NotImplemented";
inline constexpr auto NotSupported = "NotSupported";
inline constexpr auto InternalError = "InternalError";
inline constexpr auto ProtocolError = "ProtocolError";
inline constexpr auto SecurityError = "SecurityError";
inline constexpr auto FormationViolation = "FormationViolation";
inline constexpr auto PropertyConstraintViolation = "PropertyConstraintViolation";
inline constexpr auto OccurenceConstraintViolation = "OccurenceConstraintViolation";
inline constexpr auto TypeConstraintViolation = "TypeConstraintViolation";
inline constexpr auto GenericError = "GenericError";
} // namespace errorcode

enum class MessageType { Call = 2, CallResult = 3, CallError = 4 };

struct OcppFrame
{
    MessageType type = MessageType::Call;
    QString uniqueId;
    QString action; // CALL only
    QJsonObject payload; // CALL and CALLRESULT
    QString errorCode; // CALLERROR only
    QString errorDescription; // CALLERROR only
    QJsonObject errorDetails; // CALLERROR only

    static OcppFrame call(QString uniqueId, QString action, QJsonObject payload);
    static OcppFrame callResult(QString uniqueId, QJsonObject payload);
    static OcppFrame callError(QString uniqueId, QString code, QString description,
                               QJsonObject details = {});

    // Compact JSON, as the OCPP libraries send it.
    QByteArray serialize() const;
};

// Why a message could not be parsed, and how to answer it. `uniqueId` is the message's id when
// it could be read, "-1" otherwise (the answer must still be a well-formed CALLERROR).
struct OcppFrameError
{
    QString uniqueId;
    QString code;
    QString description;
    bool answerable = true; // false for broken CALLRESULT/CALLERROR: those are never answered
};

using ParsedFrame = std::variant<OcppFrame, OcppFrameError>;

ParsedFrame parseFrame(const QByteArray &text);

} // namespace ovpp::core::ocpp
