// OCPP-J framing: golden frames parse and re-serialize byte for byte; malformed messages map to
// the CALLERROR a 1.6 central system must answer with, and never to a crash.

#include "OcppTestData.h"
#include "der/ocpp/OcppFrame.h"

#include <gtest/gtest.h>

using namespace ovpp::core::ocpp;

namespace {

OcppFrameError expectError(const QByteArray &text)
{
    const ParsedFrame parsed = parseFrame(text);
    const auto *error = std::get_if<OcppFrameError>(&parsed);
    EXPECT_NE(error, nullptr) << text.constData();
    return error ? *error : OcppFrameError {};
}

} // namespace

TEST(OcppFrame, GoldenFramesRoundTrip)
{
    const QJsonArray frames = ocppGolden().value(QLatin1String("frames")).toArray();
    ASSERT_GE(frames.size(), 13);
    for (const QJsonValue &v : frames) {
        const QJsonObject vector = v.toObject();
        const QByteArray text = vector.value(QLatin1String("frame")).toString().toUtf8();
        const ParsedFrame parsed = parseFrame(text);
        ASSERT_TRUE(std::holds_alternative<OcppFrame>(parsed)) << text.constData();
        const OcppFrame &frame = std::get<OcppFrame>(parsed);
        const QString kind = vector.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("CALL")) {
            EXPECT_EQ(frame.type, MessageType::Call);
            EXPECT_EQ(frame.action, vector.value(QLatin1String("action")).toString());
        } else if (kind == QLatin1String("CALLRESULT")) {
            EXPECT_EQ(frame.type, MessageType::CallResult);
        } else {
            EXPECT_EQ(frame.type, MessageType::CallError);
            EXPECT_EQ(frame.errorCode, QLatin1String(errorcode::NotImplemented));
        }
        // Compact serialization is what the reference library puts on the wire. Key order
        // inside payloads is not preserved by QJsonObject, so compare parsed documents.
        const ParsedFrame again = parseFrame(frame.serialize());
        ASSERT_TRUE(std::holds_alternative<OcppFrame>(again));
        EXPECT_EQ(QJsonDocument::fromJson(frame.serialize()), QJsonDocument::fromJson(text));
    }
}

TEST(OcppFrame, CallErrorSerializesInOcppOrder)
{
    const QByteArray golden
        = "[4,\"19223207\",\"NotImplemented\",\"Requested Action is not known by receiver\",{}]";
    const OcppFrame frame
        = OcppFrame::callError(QStringLiteral("19223207"), errorcode::NotImplemented,
                               QStringLiteral("Requested Action is not known by receiver"));
    EXPECT_EQ(frame.serialize(), golden);
}

TEST(OcppFrame, NotJsonIsAFormationViolation)
{
    const OcppFrameError e = expectError("hello charger");
    EXPECT_EQ(e.code, QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(e.uniqueId, QLatin1String("-1"));
    EXPECT_TRUE(e.answerable);
}

TEST(OcppFrame, NonArrayIsAFormationViolation)
{
    EXPECT_EQ(expectError("{\"a\":1}").code, QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(expectError("42").code, QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(expectError("[]").code, QLatin1String(errorcode::FormationViolation));
}

TEST(OcppFrame, UnknownMessageTypeIsAProtocolErrorWithTheId)
{
    const OcppFrameError e = expectError("[7,\"abc\",{}]");
    EXPECT_EQ(e.code, QLatin1String(errorcode::ProtocolError));
    EXPECT_EQ(e.uniqueId, QLatin1String("abc"));
}

TEST(OcppFrame, IncompleteCallIsAProtocolError)
{
    const OcppFrameError e = expectError("[2,\"id1\",\"Heartbeat\"]");
    EXPECT_EQ(e.code, QLatin1String(errorcode::ProtocolError));
    EXPECT_EQ(e.uniqueId, QLatin1String("id1"));
}

TEST(OcppFrame, WrongElementTypesAreFormationViolations)
{
    EXPECT_EQ(expectError("[2,5,\"Heartbeat\",{}]").code,
              QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(expectError("[2,\"id\",7,{}]").code, QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(expectError("[2,\"id\",\"Heartbeat\",[]]").code,
              QLatin1String(errorcode::FormationViolation));
    EXPECT_EQ(expectError("[\"2\",\"id\",\"Heartbeat\",{}]").code,
              QLatin1String(errorcode::FormationViolation));
    const QByteArray longId = "[2,\"" + QByteArray(37, 'x') + "\",\"Heartbeat\",{}]";
    EXPECT_EQ(expectError(longId).code, QLatin1String(errorcode::FormationViolation));
}

TEST(OcppFrame, BrokenResultsAreNeverAnswered)
{
    EXPECT_FALSE(expectError("[3,\"id\"]").answerable);
    EXPECT_FALSE(expectError("[4,\"id\",\"NotImplemented\"]").answerable);
    EXPECT_TRUE(expectError("[2,\"id\",\"Heartbeat\",5]").answerable);
}
