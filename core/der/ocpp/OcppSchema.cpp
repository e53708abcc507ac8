#include "OcppSchema.h"

#include "OcppFrame.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

#include <cmath>
#include <limits>
#include <vector>

namespace ovpp::core::ocpp {

namespace {

enum class Kind { String, Integer, DateTime, Object, Array };

struct Field
{
    QString name;
    Kind kind = Kind::String;
    bool required = false;
    int maxLength = 0; // String: 0 = unlimited
    QStringList allowed; // String: enumeration, empty = any
    std::vector<Field> children; // Object, or the items of an Array (always objects here)
    int minItems = 0; // Array
};

Field str(QString name, int maxLength, bool required = false)
{
    return Field {std::move(name), Kind::String, required, maxLength, {}, {}, 0};
}
Field oneOf(QString name, QStringList allowed, bool required = false)
{
    return Field {std::move(name), Kind::String, required, 0, std::move(allowed), {}, 0};
}
Field integer(QString name, bool required = false)
{
    return Field {std::move(name), Kind::Integer, required, 0, {}, {}, 0};
}
Field dateTime(QString name, bool required = false)
{
    return Field {std::move(name), Kind::DateTime, required, 0, {}, {}, 0};
}
Field arrayOf(QString name, std::vector<Field> items, bool required, int minItems)
{
    return Field {std::move(name), Kind::Array, required, 0, {}, std::move(items), minItems};
}

std::vector<Field> meterValueItem()
{
    const std::vector<Field> sampledValue {
        str(QStringLiteral("value"), 0, true),
        oneOf(QStringLiteral("context"),
              {"Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic",
               "Transaction.Begin", "Transaction.End", "Trigger", "Other"}),
        oneOf(QStringLiteral("format"), {"Raw", "SignedData"}),
        oneOf(QStringLiteral("measurand"),
              {"Energy.Active.Export.Register",
               "Energy.Active.Import.Register",
               "Energy.Reactive.Export.Register",
               "Energy.Reactive.Import.Register",
               "Energy.Active.Export.Interval",
               "Energy.Active.Import.Interval",
               "Energy.Reactive.Export.Interval",
               "Energy.Reactive.Import.Interval",
               "Power.Active.Export",
               "Power.Active.Import",
               "Power.Offered",
               "Power.Reactive.Export",
               "Power.Reactive.Import",
               "Power.Factor",
               "Current.Import",
               "Current.Export",
               "Current.Offered",
               "Voltage",
               "Frequency",
               "Temperature",
               "SoC",
               "RPM"}),
        oneOf(QStringLiteral("phase"),
              {"L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"}),
        oneOf(QStringLiteral("location"), {"Cable", "EV", "Inlet", "Outlet", "Body"}),
        oneOf(QStringLiteral("unit"),
              {"Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "K",
               "Celcius", "Celsius", "Fahrenheit", "Percent", "Hertz"}),
    };
    return {dateTime(QStringLiteral("timestamp"), true),
            arrayOf(QStringLiteral("sampledValue"), sampledValue, true, 1)};
}

const std::vector<Field> *schemaFor(const QString &action)
{
    static const std::vector<Field> authorize {str(QStringLiteral("idTag"), 20, true)};
    static const std::vector<Field> boot {
        str(QStringLiteral("chargePointVendor"), 20, true),
        str(QStringLiteral("chargePointModel"), 20, true),
        str(QStringLiteral("chargePointSerialNumber"), 25),
        str(QStringLiteral("chargeBoxSerialNumber"), 25),
        str(QStringLiteral("firmwareVersion"), 50),
        str(QStringLiteral("iccid"), 20),
        str(QStringLiteral("imsi"), 20),
        str(QStringLiteral("meterType"), 25),
        str(QStringLiteral("meterSerialNumber"), 25),
    };
    static const std::vector<Field> dataTransfer {str(QStringLiteral("vendorId"), 255, true),
                                                  str(QStringLiteral("messageId"), 50),
                                                  str(QStringLiteral("data"), 0)};
    static const std::vector<Field> diagnostics {
        oneOf(QStringLiteral("status"), {"Idle", "Uploaded", "UploadFailed", "Uploading"}, true)};
    static const std::vector<Field> firmware {
        oneOf(QStringLiteral("status"),
              {"Downloaded", "DownloadFailed", "Downloading", "Idle", "InstallationFailed",
               "Installing", "Installed"},
              true)};
    static const std::vector<Field> heartbeat {};
    static const std::vector<Field> meterValues {
        integer(QStringLiteral("connectorId"), true), integer(QStringLiteral("transactionId")),
        arrayOf(QStringLiteral("meterValue"), meterValueItem(), true, 1)};
    static const std::vector<Field> startTransaction {
        integer(QStringLiteral("connectorId"), true), str(QStringLiteral("idTag"), 20, true),
        integer(QStringLiteral("meterStart"), true), integer(QStringLiteral("reservationId")),
        dateTime(QStringLiteral("timestamp"), true)};
    static const std::vector<Field> statusNotification {
        integer(QStringLiteral("connectorId"), true),
        oneOf(QStringLiteral("errorCode"),
              {"ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
               "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure",
               "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure",
               "UnderVoltage", "OverVoltage", "WeakSignal"},
              true),
        str(QStringLiteral("info"), 50),
        oneOf(QStringLiteral("status"),
              {"Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing",
               "Reserved", "Unavailable", "Faulted"},
              true),
        dateTime(QStringLiteral("timestamp")),
        str(QStringLiteral("vendorId"), 255),
        str(QStringLiteral("vendorErrorCode"), 50)};
    static const std::vector<Field> stopTransaction {
        str(QStringLiteral("idTag"), 20),
        integer(QStringLiteral("meterStop"), true),
        dateTime(QStringLiteral("timestamp"), true),
        integer(QStringLiteral("transactionId"), true),
        oneOf(QStringLiteral("reason"),
              {"EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss",
               "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized"}),
        arrayOf(QStringLiteral("transactionData"), meterValueItem(), false, 0)};

    if (action == QLatin1String("Authorize"))
        return &authorize;
    if (action == QLatin1String("BootNotification"))
        return &boot;
    if (action == QLatin1String("DataTransfer"))
        return &dataTransfer;
    if (action == QLatin1String("DiagnosticsStatusNotification"))
        return &diagnostics;
    if (action == QLatin1String("FirmwareStatusNotification"))
        return &firmware;
    if (action == QLatin1String("Heartbeat"))
        return &heartbeat;
    if (action == QLatin1String("MeterValues"))
        return &meterValues;
    if (action == QLatin1String("StartTransaction"))
        return &startTransaction;
    if (action == QLatin1String("StatusNotification"))
        return &statusNotification;
    if (action == QLatin1String("StopTransaction"))
        return &stopTransaction;
    return nullptr;
}

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && std::floor(d) == d
        && std::fabs(d) <= static_cast<double>(std::numeric_limits<qint32>::max());
}

std::optional<SchemaViolation> validateObject(const std::vector<Field> &fields,
                                              const QJsonObject &object, const QString &path);

std::optional<SchemaViolation> validateField(const Field &field, const QJsonValue &value,
                                             const QString &path)
{
    auto violation = [&](const char *code, const QString &why) {
        return std::optional<SchemaViolation> {
            SchemaViolation {code, path + QLatin1String(": ") + why}};
    };
    switch (field.kind) {
    case Kind::String:
    case Kind::DateTime:
        if (!value.isString())
            return violation(errorcode::TypeConstraintViolation, QStringLiteral("not a string"));
        if (field.kind == Kind::DateTime) {
            if (!QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
                return violation(errorcode::PropertyConstraintViolation,
                                 QStringLiteral("not an ISO 8601 date-time"));
            return std::nullopt;
        }
        if (field.maxLength > 0 && value.toString().size() > field.maxLength)
            return violation(errorcode::FormationViolation,
                             QStringLiteral("longer than %1 characters").arg(field.maxLength));
        if (!field.allowed.isEmpty() && !field.allowed.contains(value.toString()))
            return violation(errorcode::PropertyConstraintViolation,
                             QStringLiteral("not an allowed value"));
        return std::nullopt;
    case Kind::Integer:
        if (!isInteger(value))
            return violation(errorcode::TypeConstraintViolation, QStringLiteral("not an integer"));
        return std::nullopt;
    case Kind::Object:
        if (!value.isObject())
            return violation(errorcode::TypeConstraintViolation, QStringLiteral("not an object"));
        return validateObject(field.children, value.toObject(), path);
    case Kind::Array: {
        if (!value.isArray())
            return violation(errorcode::TypeConstraintViolation, QStringLiteral("not an array"));
        const QJsonArray items = value.toArray();
        if (items.size() < field.minItems)
            return violation(errorcode::OccurenceConstraintViolation,
                             QStringLiteral("needs at least %1 item(s)").arg(field.minItems));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath
                = path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
            if (!items.at(i).isObject())
                return std::optional<SchemaViolation> {
                    SchemaViolation {errorcode::TypeConstraintViolation,
                                     itemPath + QLatin1String(": not an object")}};
            if (auto v = validateObject(field.children, items.at(i).toObject(), itemPath))
                return v;
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<SchemaViolation> validateObject(const std::vector<Field> &fields,
                                              const QJsonObject &object, const QString &path)
{
    const auto child = [&](const QString &name) {
        return path.isEmpty() ? name : path + QLatin1Char('.') + name;
    };
    for (const Field &field : fields) {
        if (!object.contains(field.name)) {
            if (field.required)
                return SchemaViolation {errorcode::OccurenceConstraintViolation,
                                        child(field.name) + QLatin1String(": required")};
            continue;
        }
        if (auto v = validateField(field, object.value(field.name), child(field.name)))
            return v;
    }
    // The 1.6 schemas forbid additional properties.
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&](const Field &f) { return f.name == it.key(); });
        if (!known)
            return SchemaViolation {errorcode::PropertyConstraintViolation,
                                    child(it.key()) + QLatin1String(": not allowed")};
    }
    return std::nullopt;
}

} // namespace

bool OcppSchema::knowsAction(const QString &action)
{
    return schemaFor(action) != nullptr;
}

std::optional<SchemaViolation> OcppSchema::validateRequest(const QString &action,
                                                           const QJsonObject &payload)
{
    const std::vector<Field> *fields = schemaFor(action);
    if (!fields)
        return SchemaViolation {errorcode::NotImplemented,
                                QStringLiteral("Requested Action is not known by receiver")};
    return validateObject(*fields, payload, QString());
}

} // namespace ovpp::core::ocpp
