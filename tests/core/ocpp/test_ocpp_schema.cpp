// Inbound payload validation against the OCPP 1.6 schemas: every golden CALL passes, every
// golden negative is refused, and each kind of violation gets its CALLERROR code.

#include "OcppTestData.h"
#include "der/ocpp/OcppFrame.h"
#include "der/ocpp/OcppSchema.h"

#include <gtest/gtest.h>

using namespace ovpp::core::ocpp;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QString codeFor(const char *action, const char *payload)
{
    const auto v = OcppSchema::validateRequest(QString::fromLatin1(action), json(payload));
    return v ? v->code : QString();
}

} // namespace

TEST(OcppSchema, GoldenCallsAreValid)
{
    int calls = 0;
    for (const QJsonValue &v : ocppGolden().value(QLatin1String("frames")).toArray()) {
        const QJsonObject vector = v.toObject();
        if (vector.value(QLatin1String("kind")).toString() != QLatin1String("CALL"))
            continue;
        const ParsedFrame parsed
            = parseFrame(vector.value(QLatin1String("frame")).toString().toUtf8());
        ASSERT_TRUE(std::holds_alternative<OcppFrame>(parsed));
        const OcppFrame &frame = std::get<OcppFrame>(parsed);
        ASSERT_TRUE(OcppSchema::knowsAction(frame.action)) << qPrintable(frame.action);
        const auto violation = OcppSchema::validateRequest(frame.action, frame.payload);
        EXPECT_FALSE(violation.has_value())
            << qPrintable(frame.action) << ": "
            << qPrintable(violation ? violation->description : QString());
        ++calls;
    }
    EXPECT_EQ(calls, 6);
}

TEST(OcppSchema, GoldenNegativesAreRefused)
{
    const QJsonArray negatives = ocppGolden().value(QLatin1String("negative")).toArray();
    ASSERT_FALSE(negatives.isEmpty());
    for (const QJsonValue &v : negatives) {
        const QJsonObject vector = v.toObject();
        const auto violation
            = OcppSchema::validateRequest(vector.value(QLatin1String("schema")).toString(),
                                          vector.value(QLatin1String("payload")).toObject());
        EXPECT_TRUE(violation.has_value())
            << qPrintable(vector.value(QLatin1String("reason")).toString());
    }
}

TEST(OcppSchema, MissingRequiredIsAnOccurenceViolation)
{
    EXPECT_EQ(codeFor("BootNotification", R"({"chargePointVendor":"X"})"),
              QLatin1String(errorcode::OccurenceConstraintViolation));
    EXPECT_EQ(codeFor("MeterValues", R"({"connectorId":1,"meterValue":[]})"),
              QLatin1String(errorcode::OccurenceConstraintViolation));
}

TEST(OcppSchema, WrongTypesAreTypeViolations)
{
    EXPECT_EQ(
        codeFor(
            "StartTransaction",
            R"({"connectorId":1,"idTag":"A","meterStart":1.5,"timestamp":"2026-11-24T04:06:00Z"})"),
        QLatin1String(errorcode::TypeConstraintViolation));
    EXPECT_EQ(
        codeFor(
            "MeterValues",
            R"({"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T04:21:00Z","sampledValue":[{"value":5}]}]})"),
        QLatin1String(errorcode::TypeConstraintViolation));
    EXPECT_EQ(codeFor("StatusNotification",
                      R"({"connectorId":"1","errorCode":"NoError","status":"Available"})"),
              QLatin1String(errorcode::TypeConstraintViolation));
}

TEST(OcppSchema, TooLongIsAFormationViolation)
{
    EXPECT_EQ(codeFor("BootNotification",
                      R"({"chargePointVendor":"XXXXXXXXXXXXXXXXXXXXX","chargePointModel":"M"})"),
              QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(codeFor("BootNotification",
                      R"({"chargePointVendor":"XXXXXXXXXXXXXXXXXXXX","chargePointModel":"M"})"),
              QString());
}

TEST(OcppSchema, BadValuesArePropertyViolations)
{
    EXPECT_EQ(codeFor("StatusNotification",
                      R"({"connectorId":1,"errorCode":"NoError","status":"Sleeping"})"),
              QLatin1String(errorcode::PropertyConstraintViolation));
    EXPECT_EQ(codeFor("StartTransaction",
                      R"({"connectorId":1,"idTag":"A","meterStart":1,"timestamp":"yesterday"})"),
              QLatin1String(errorcode::PropertyConstraintViolation));
    EXPECT_EQ(codeFor("Heartbeat", R"({"extra":true})"),
              QLatin1String(errorcode::PropertyConstraintViolation));
}

TEST(OcppSchema, UnknownActionIsNotImplemented)
{
    EXPECT_FALSE(OcppSchema::knowsAction(QStringLiteral("FlyToTheMoon")));
    EXPECT_EQ(codeFor("FlyToTheMoon", "{}"), QLatin1String(errorcode::NotImplemented));
}

TEST(OcppSchema, OptionalFieldsAndDefaultsAreAccepted)
{
    EXPECT_EQ(
        codeFor("StopTransaction",
                R"({"transactionId":42,"meterStop":10,"timestamp":"2026-11-24T04:36:00.000Z"})"),
        QString());
    EXPECT_EQ(codeFor("DataTransfer", R"({"vendorId":"com.example","messageId":"m","data":"x"})"),
              QString());
    EXPECT_EQ(codeFor("Authorize", R"({"idTag":"04A2B3C4D5E6F7"})"), QString());
}
