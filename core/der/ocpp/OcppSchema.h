#pragma once

// Validation of inbound OCPP 1.6 request payloads against the OCA 1.6 JSON schemas (the subset
// a central system receives), written out as data instead of pulling in a JSON-schema engine.
// A violation maps to the CALLERROR code the way ocpp-rpc maps ajv keywords, with 1.6 spellings:
//   required, minItems             -> OccurenceConstraintViolation
//   type (also 1.5 for an integer) -> TypeConstraintViolation
//   maxLength                      -> FormationViolation
//   enum, date-time format,
//   additionalProperties           -> PropertyConstraintViolation

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ovpp::core::ocpp {

struct SchemaViolation
{
    QString code; // an ocpp::errorcode
    QString description; // names the offending property, e.g. "meterValue[0].sampledValue[0].value"
};

class OcppSchema
{
public:
    // True when `action` is a charge-point-initiated 1.6 request we know the schema of.
    static bool knowsAction(const QString &action);
    // Validates the payload of a CALL for `action` (which must be known).
    static std::optional<SchemaViolation> validateRequest(const QString &action,
                                                          const QJsonObject &payload);
};

} // namespace ovpp::core::ocpp
