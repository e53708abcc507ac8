// The central system against charge points we did not write: ocpp-rpc clients in strict mode
// (tests/sandbox/chargers/chargepoint.mjs) validate every message we send or answer against the
// OCPP 1.6 schemas. Raw QWebSocket clients send what a real charger never should.
//
// Every test asserts states and message contents; waits only bound how long we are willing to
// wait for a state (no timing assertions).

#include "OcppTestData.h"
#include "der/ocpp/CentralSystem.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <gtest/gtest.h>

#include <csignal>
#include <memory>

using namespace ovpp::core;
using namespace ovpp::core::ocpp;

namespace {

constexpr int waitMs = 20000;
const QString chargerId = QStringLiteral("CP1");
const QByteArray password = "correct-horse-battery";

// One simulator process; its stdout is one JSON event per line.
class Simulator
{
public:
    explicit Simulator(QStringList args)
    {
        m_process.setProgram(QStringLiteral(OVPP_NODE_EXECUTABLE));
        m_process.setArguments(QStringList {QStringLiteral(OVPP_CHARGEPOINT_SCRIPT)} + args);
        m_process.setWorkingDirectory(QStringLiteral(OVPP_SOURCE_DIR));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype nl;
            while ((nl = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(nl);
                m_buffer.remove(0, nl + 1);
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (!event.isEmpty())
                    m_events.append(event);
            }
        });
        m_process.start();
    }

    ~Simulator()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool started() { return m_process.waitForStarted(10000); }
    bool waitForExit()
    {
        return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, waitMs);
    }
    QProcess &process() { return m_process; }

    QList<QJsonObject> events(const QString &name) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &e : m_events) {
            if (e.value(QLatin1String("event")).toString() == name)
                found.append(e);
        }
        return found;
    }

    bool waitForEvent(const QString &name, int count = 1)
    {
        return QTest::qWaitFor([&] { return events(name).size() >= count; }, waitMs);
    }

    // What strict mode found wrong in our messages, and anything else that went wrong.
    QList<QJsonObject> problems() const
    {
        return events(QStringLiteral("strictValidationFailure"))
            + events(QStringLiteral("badMessage")) + events(QStringLiteral("error"));
    }

    QByteArray stderrText() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
};

QString dump(const QList<QJsonObject> &events)
{
    QJsonArray a;
    for (const QJsonObject &e : events)
        a.append(e);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

class CentralSystemTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_cs = std::make_unique<CentralSystem>();
        m_cs->setHeartbeatIntervalSeconds(1);
        m_cs->setCallTimeoutMs(10000);
        ASSERT_TRUE(
            m_cs->addCharger(chargerId, SecretBytes::fromView(password.toStdString())).ok());
        const Result<void> listening = m_cs->listen(QHostAddress::LocalHost, 0);
        ASSERT_TRUE(listening.ok()) << qPrintable(listening.error().detail);
        ASSERT_NE(m_cs->port(), 0);
    }

    void TearDown() override
    {
        if (m_sim) {
            EXPECT_TRUE(m_sim->problems().isEmpty()) << qPrintable(dump(m_sim->problems()));
            m_sim.reset();
        }
        m_cs.reset();
    }

    QString endpoint() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_cs->isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"))
            .arg(m_cs->port());
    }

    Simulator &startSimulator(QStringList extra, const QString &id = chargerId,
                              const QByteArray &pass = password)
    {
        m_sim = std::make_unique<Simulator>(
            QStringList {QStringLiteral("--url"), endpoint(), QStringLiteral("--id"), id,
                         QStringLiteral("--password"), QString::fromUtf8(pass)}
            + extra);
        EXPECT_TRUE(m_sim->started()) << "cannot start node " OVPP_NODE_EXECUTABLE;
        return *m_sim;
    }

    ChargerState state(const QString &id = chargerId) const
    {
        return m_cs->charger(id).value_or(ChargerState {});
    }

    bool waitUntil(const std::function<bool(const ChargerState &)> &predicate,
                   const QString &id = chargerId)
    {
        return QTest::qWaitFor([&] { return predicate(state(id)); }, waitMs);
    }

    bool waitForBoot(const QString &id = chargerId)
    {
        return waitUntil([](const ChargerState &s) { return s.booted && s.online; }, id);
    }

    // Runs a command and waits for its answer.
    Result<QString> command(const std::function<void(CentralSystem::StatusCallback)> &send)
    {
        std::optional<Result<QString>> answer;
        send([&answer](Result<QString> r) { answer = std::move(r); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, waitMs))
            return makeError(ErrorCode::Internal, QStringLiteral("the test gave up waiting"));
        return *answer;
    }

    std::unique_ptr<CentralSystem> m_cs;
    std::unique_ptr<Simulator> m_sim;
    QObject m_context;
};

// A raw client: correct credentials and subprotocol unless told otherwise.
struct RawClient
{
    QWebSocket socket;
    QList<QByteArray> received;

    RawClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString &m) { received.append(m.toUtf8()); });
    }

    void open(quint16 port, const QString &id, const QByteArray &pass, bool offerOcpp = true)
    {
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/%2").arg(port).arg(id)));
        request.setRawHeader("Authorization", "Basic " + (id.toUtf8() + ':' + pass).toBase64());
        QWebSocketHandshakeOptions options;
        if (offerOcpp)
            options.setSubprotocols({QStringLiteral("ocpp1.6")});
        socket.open(request, options);
    }

    // Sends one frame and returns the answer (empty when none came).
    QJsonArray exchange(const QByteArray &frame)
    {
        const qsizetype before = received.size();
        socket.sendTextMessage(QString::fromUtf8(frame));
        if (!QTest::qWaitFor([&] { return received.size() > before; }, waitMs))
            return {};
        return QJsonDocument::fromJson(received.at(before)).array();
    }
};

} // namespace

TEST_F(CentralSystemTest, PairingBootsAndBringsTheChargerOnline)
{
    Simulator &sim = startSimulator({});
    ASSERT_TRUE(waitForBoot()) << sim.stderrText().constData();
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("booted")));
    const QJsonObject booted = sim.events(QStringLiteral("booted")).first();
    EXPECT_EQ(booted.value(QLatin1String("status")).toString(), QLatin1String("Accepted"));
    EXPECT_EQ(booted.value(QLatin1String("interval")).toInt(), m_cs->heartbeatIntervalSeconds());

    const ChargerState s = state();
    EXPECT_TRUE(s.connected);
    EXPECT_EQ(s.vendor, QLatin1String("OpenVPPSim"));
    EXPECT_EQ(s.model, QLatin1String("SimAC-22"));
    EXPECT_EQ(s.serialNumber, QLatin1String("CP1-SN"));
    EXPECT_TRUE(s.lastSeen.isValid());
    ASSERT_TRUE(waitUntil([](const ChargerState &c) {
        return c.connectors.contains(1)
            && c.connectors.value(1).status == QLatin1String("Available");
    }));
    // Heartbeats keep arriving at the interval we handed out.
    ASSERT_TRUE(waitUntil([](const ChargerState &c) { return c.lastHeartbeat.isValid(); }));
    EXPECT_EQ(m_cs->urlFor(chargerId).toString(),
              QStringLiteral("ws://127.0.0.1:%1/CP1").arg(m_cs->port()));
}

// chargeBoxSerialNumber is deprecated in 1.6 but some chargers only send that one; both are
// optional, and a charger that sends neither has no serial (the registry then asks the user).
TEST_F(CentralSystemTest, SerialNumberFromEitherBootFieldOrNone)
{
    Simulator &legacy = startSimulator({QStringLiteral("--serial-field"), QStringLiteral("box")});
    ASSERT_TRUE(waitForBoot()) << legacy.stderrText().constData();
    EXPECT_EQ(state().serialNumber, QLatin1String("CP1-SN"));

    // The same charge point again (the first process is stopped), now reporting no serial.
    Simulator &none = startSimulator({QStringLiteral("--serial-field"), QStringLiteral("none")});
    ASSERT_TRUE(none.waitForEvent(QStringLiteral("booted"))) << none.stderrText().constData();
    ASSERT_TRUE(waitUntil([](const ChargerState &c) { return c.serialNumber.isEmpty(); }));
    EXPECT_EQ(state().vendor, QLatin1String("OpenVPPSim"));
}

TEST_F(CentralSystemTest, LiveReadingsFollowTheSession)
{
    // Record every power and SoC reading the central system exposes while the session runs.
    QList<PowerReading> powers;
    QList<SocReading> socs;
    QObject::connect(
        m_cs.get(), &CentralSystem::chargerChanged, &m_context, [&](const QString &id) {
            const ConnectorState c = state(id).connectors.value(1);
            if (c.power && (powers.isEmpty() || powers.last().measuredAt != c.power->measuredAt))
                powers.append(*c.power);
            if (c.soc && (socs.isEmpty() || socs.last().measuredAt != c.soc->measuredAt))
                socs.append(*c.soc);
        });
    Simulator &sim = startSimulator({QStringLiteral("--plug-in"), QStringLiteral("--samples"),
                                     QStringLiteral("4"), QStringLiteral("--meter-interval-ms"),
                                     QStringLiteral("150")});
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("transactionStopped")))
        << sim.stderrText().constData();
    ASSERT_TRUE(waitUntil([](const ChargerState &c) {
        const ConnectorState k = c.connectors.value(1);
        return k.transaction && !k.transaction->active() && k.status == QLatin1String("Available");
    }));

    const QJsonObject started = sim.events(QStringLiteral("transactionStarted")).first();
    const QJsonObject stopped = sim.events(QStringLiteral("transactionStopped")).first();
    const QList<QJsonObject> samples = sim.events(QStringLiteral("meterValues"));
    ASSERT_EQ(samples.size(), 4);

    const ConnectorState c = state().connectors.value(1);
    ASSERT_TRUE(c.transaction.has_value());
    EXPECT_EQ(c.transaction->transactionId, started.value(QLatin1String("transactionId")).toInt());
    EXPECT_EQ(c.transaction->meterStartWh, started.value(QLatin1String("meterStart")).toInteger());
    EXPECT_EQ(c.transaction->meterStopWh, stopped.value(QLatin1String("meterStop")).toInteger());
    EXPECT_EQ(c.transaction->stopReason, QLatin1String("EVDisconnected"));
    EXPECT_EQ(c.transaction->idTag, QLatin1String("04A2B3C4D5E6F7"));
    ASSERT_TRUE(c.energy.has_value());
    EXPECT_EQ(c.energy->wattHours, stopped.value(QLatin1String("meterStop")).toInteger());
    EXPECT_EQ(c.sessionEnergyWh(),
              stopped.value(QLatin1String("meterStop")).toInteger()
                  - started.value(QLatin1String("meterStart")).toInteger());
    EXPECT_GT(*c.sessionEnergyWh(), 0);

    // Each sample's power and SoC reached the central system with its measurement time.
    ASSERT_EQ(powers.size(), samples.size());
    ASSERT_EQ(socs.size(), samples.size());
    for (qsizetype i = 0; i < samples.size(); ++i) {
        EXPECT_DOUBLE_EQ(powers.at(i).watts,
                         samples.at(i).value(QLatin1String("powerW")).toDouble());
        EXPECT_DOUBLE_EQ(socs.at(i).percent, samples.at(i).value(QLatin1String("soc")).toDouble());
        EXPECT_TRUE(socs.at(i).measuredAt.isValid());
        if (i > 0) {
            EXPECT_GT(socs.at(i).percent, socs.at(i - 1).percent);
            EXPECT_GE(socs.at(i).measuredAt, socs.at(i - 1).measuredAt);
        }
    }
    // After the session the SoC stays known, with the time it was measured; power is no longer.
    ASSERT_TRUE(c.soc.has_value());
    EXPECT_EQ(c.soc->measuredAt, socs.last().measuredAt);
    EXPECT_FALSE(c.power.has_value());
}

TEST_F(CentralSystemTest, RemoteStartAndStop)
{
    Simulator &sim = startSimulator({QStringLiteral("--meter-interval-ms"), QStringLiteral("150")});
    ASSERT_TRUE(waitForBoot()) << sim.stderrText().constData();

    const Result<QString> start = command([&](auto done) {
        m_cs->remoteStartTransaction(chargerId, 1, QStringLiteral("REMOTE-TAG"), &m_context, done);
    });
    ASSERT_TRUE(start.ok()) << qPrintable(start.error().detail);
    EXPECT_EQ(*start, QLatin1String("Accepted"));
    ASSERT_TRUE(waitUntil([](const ChargerState &c) {
        const ConnectorState k = c.connectors.value(1);
        return k.transaction && k.transaction->active() && k.soc.has_value();
    }));
    const Transaction tx = *state().connectors.value(1).transaction;
    EXPECT_EQ(tx.idTag, QLatin1String("REMOTE-TAG"));
    EXPECT_EQ(state().connectors.value(1).status, QLatin1String("Charging"));

    // A transaction the charger does not run is refused by it.
    const Result<QString> wrongStop = command([&](auto done) {
        m_cs->remoteStopTransaction(chargerId, tx.transactionId + 1000, &m_context, done);
    });
    ASSERT_TRUE(wrongStop.ok()) << qPrintable(wrongStop.error().detail);
    EXPECT_EQ(*wrongStop, QLatin1String("Rejected"));

    const Result<QString> stop = command([&](auto done) {
        m_cs->remoteStopTransaction(chargerId, tx.transactionId, &m_context, done);
    });
    ASSERT_TRUE(stop.ok()) << qPrintable(stop.error().detail);
    EXPECT_EQ(*stop, QLatin1String("Accepted"));
    ASSERT_TRUE(waitUntil([](const ChargerState &c) {
        const ConnectorState k = c.connectors.value(1);
        return k.transaction && !k.transaction->active();
    }));
    EXPECT_EQ(state().connectors.value(1).transaction->stopReason, QLatin1String("Remote"));
    EXPECT_EQ(state().connectors.value(1).transaction->transactionId, tx.transactionId);
}

TEST_F(CentralSystemTest, ChargingProfileConfigurationAndTriggerAreAccepted)
{
    Simulator &sim = startSimulator({});
    ASSERT_TRUE(waitForBoot()) << sim.stderrText().constData();

    ChargingProfile profile;
    profile.chargingProfileId = 7;
    profile.purpose = QStringLiteral("TxDefaultProfile");
    profile.rateUnit = QStringLiteral("W");
    profile.periods = {ChargingSchedulePeriod {0, 110000, std::nullopt}}; // 11000.0 W
    const Result<QString> set = command(
        [&](auto done) { m_cs->setChargingProfile(chargerId, 1, profile, &m_context, done); });
    ASSERT_TRUE(set.ok()) << qPrintable(set.error().detail);
    EXPECT_EQ(*set, QLatin1String("Accepted"));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("chargingProfile")));
    const QJsonObject seen = sim.events(QStringLiteral("chargingProfile")).first();
    EXPECT_EQ(seen.value(QLatin1String("limit")).toDouble(), 11000.0);
    EXPECT_EQ(seen.value(QLatin1String("rateUnit")).toString(), QLatin1String("W"));
    EXPECT_EQ(seen.value(QLatin1String("purpose")).toString(), QLatin1String("TxDefaultProfile"));

    const Result<QString> known = command([&](auto done) {
        m_cs->changeConfiguration(chargerId, QStringLiteral("HeartbeatInterval"),
                                  QStringLiteral("1"), &m_context, done);
    });
    ASSERT_TRUE(known.ok());
    EXPECT_EQ(*known, QLatin1String("Accepted"));
    const Result<QString> unknown = command([&](auto done) {
        m_cs->changeConfiguration(chargerId, QStringLiteral("NoSuchKey"), QStringLiteral("x"),
                                  &m_context, done);
    });
    ASSERT_TRUE(unknown.ok());
    EXPECT_EQ(*unknown, QLatin1String("NotSupported"));

    const Result<QString> trigger = command([&](auto done) {
        m_cs->triggerMessage(chargerId, QStringLiteral("StatusNotification"), 1, &m_context, done);
    });
    ASSERT_TRUE(trigger.ok());
    EXPECT_EQ(*trigger, QLatin1String("Accepted"));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("triggerMessage")));
}

TEST_F(CentralSystemTest, CommandsToAnUnknownOrAbsentChargerFail)
{
    const Result<QString> unknown = command([&](auto done) {
        m_cs->remoteStopTransaction(QStringLiteral("NOPE"), 1, &m_context, done);
    });
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    const Result<QString> absent
        = command([&](auto done) { m_cs->remoteStopTransaction(chargerId, 1, &m_context, done); });
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().code, ErrorCode::Unavailable);
}

TEST_F(CentralSystemTest, WrongPasswordIsRefusedAtTheHandshake)
{
    QSignalSpy refused(m_cs.get(), &CentralSystem::connectionRefused);
    Simulator &sim = startSimulator({}, chargerId, "wrong-password-12345");
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(
        sim.events(QStringLiteral("connectFailed")).first().value(QLatin1String("status")).toInt(),
        401);
    ASSERT_TRUE(sim.waitForExit());
    EXPECT_EQ(sim.process().exitCode(), 2);
    ASSERT_GE(refused.size(), 1);
    EXPECT_EQ(refused.first().at(0).toString(), chargerId);
    EXPECT_EQ(refused.first().at(1).toInt(), 401);
    EXPECT_FALSE(state().connected);
    EXPECT_FALSE(state().lastSeen.isValid());
}

TEST_F(CentralSystemTest, UnknownChargePointIsRefusedAtTheHandshake)
{
    Simulator &sim = startSimulator({}, QStringLiteral("STRANGER"));
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(
        sim.events(QStringLiteral("connectFailed")).first().value(QLatin1String("status")).toInt(),
        404);
    ASSERT_TRUE(sim.waitForExit());
    EXPECT_EQ(sim.process().exitCode(), 2);
    EXPECT_FALSE(m_cs->charger(QStringLiteral("STRANGER")).has_value());
}

TEST_F(CentralSystemTest, ClientWithoutOcppSubprotocolIsRefused)
{
    QSignalSpy refused(m_cs.get(), &CentralSystem::connectionRefused);
    RawClient client;
    QSignalSpy connected(&client.socket, &QWebSocket::connected);
    client.open(m_cs->port(), chargerId, password, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return refused.size() >= 1; }, waitMs));
    EXPECT_EQ(refused.first().at(1).toInt(), 400);
    EXPECT_TRUE(connected.isEmpty());
    EXPECT_FALSE(state().connected);
}

TEST_F(CentralSystemTest, GarbageFramesGetCallErrorsAndTheSessionSurvives)
{
    RawClient client;
    client.open(m_cs->port(), chargerId, password);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return client.socket.state() == QAbstractSocket::ConnectedState; }, waitMs));
    EXPECT_EQ(client.socket.subprotocol(), QLatin1String("ocpp1.6"));

    struct Case
    {
        QByteArray frame;
        QString id;
        QString code;
    };
    const QList<Case> cases {
        {"this is not json", "-1", "FormationViolation"},
        {"{\"hello\":1}", "-1", "FormationViolation"},
        {"[2,\"g1\",\"Heartbeat\"]", "g1", "ProtocolError"},
        {"[7,\"g2\",{}]", "g2", "ProtocolError"},
        {"[2,\"g3\",\"Heartbeat\",\"payload\"]", "g3", "FormationViolation"},
        {"[2,\"g4\",\"BootNotification\",{\"chargePointVendor\":\"X\"}]", "g4",
         "OccurenceConstraintViolation"},
        {"[2,\"g5\",\"BootNotification\",{\"chargePointVendor\":\"XXXXXXXXXXXXXXXXXXXXX\","
         "\"chargePointModel\":\"M\"}]",
         "g5", "FormationViolation"},
        {"[2,\"g6\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"A\",\"meterStart\":1.5,"
         "\"timestamp\":\"2026-11-24T04:06:00Z\"}]",
         "g6", "TypeConstraintViolation"},
        {"[2,\"g7\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-"
         "24T04:21:00Z\",\"sampledValue\":[{\"value\":5}]}]}]",
         "g7", "TypeConstraintViolation"},
        {"[2,\"g8\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":"
         "\"Sleeping\"}]",
         "g8", "PropertyConstraintViolation"},
        {"[2,\"g9\",\"FlyToTheMoon\",{}]", "g9", "NotImplemented"},
    };
    for (const Case &c : cases) {
        const QJsonArray answer = client.exchange(c.frame);
        ASSERT_EQ(answer.size(), 5) << c.frame.constData();
        EXPECT_EQ(answer.at(0).toInt(), 4) << c.frame.constData();
        EXPECT_EQ(answer.at(1).toString(), c.id) << c.frame.constData();
        EXPECT_EQ(answer.at(2).toString(), c.code) << c.frame.constData();
        EXPECT_TRUE(answer.at(4).isObject());
    }

    // DataTransfer to a vendor we do not know is a proper answer, not an error.
    const QJsonArray data
        = client.exchange("[2,\"d1\",\"DataTransfer\",{\"vendorId\":\"com.example\"}]");
    ASSERT_EQ(data.size(), 3);
    EXPECT_EQ(data.at(0).toInt(), 3);
    EXPECT_EQ(data.at(2).toObject().value(QLatin1String("status")).toString(),
              QLatin1String("UnknownVendorId"));

    // The same connection still works for honest messages.
    const QJsonArray heartbeat = client.exchange("[2,\"h1\",\"Heartbeat\",{}]");
    ASSERT_EQ(heartbeat.size(), 3);
    EXPECT_EQ(heartbeat.at(0).toInt(), 3);
    EXPECT_EQ(heartbeat.at(1).toString(), QLatin1String("h1"));
    EXPECT_TRUE(QDateTime::fromString(
                    heartbeat.at(2).toObject().value(QLatin1String("currentTime")).toString(),
                    Qt::ISODateWithMs)
                    .isValid());
    EXPECT_TRUE(state().connected);
}

TEST_F(CentralSystemTest, GoldenMeterValuesBecomeExactReadings)
{
    RawClient client;
    client.open(m_cs->port(), chargerId, password);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return client.socket.state() == QAbstractSocket::ConnectedState; }, waitMs));

    // The reference frames, in order: each CALL gets a CALLRESULT with its own id.
    QJsonObject meterValuesPayload;
    for (const QJsonValue &v : ocppGolden().value(QLatin1String("frames")).toArray()) {
        const QJsonObject vector = v.toObject();
        if (vector.value(QLatin1String("kind")).toString() != QLatin1String("CALL"))
            continue;
        const QByteArray frame = vector.value(QLatin1String("frame")).toString().toUtf8();
        const QJsonArray sent = QJsonDocument::fromJson(frame).array();
        if (sent.at(2).toString() == QLatin1String("MeterValues"))
            meterValuesPayload = sent.at(3).toObject();
        const QJsonArray answer = client.exchange(frame);
        ASSERT_EQ(answer.size(), 3) << frame.constData();
        EXPECT_EQ(answer.at(0).toInt(), 3);
        EXPECT_EQ(answer.at(1).toString(), sent.at(1).toString());
    }
    ASSERT_FALSE(meterValuesPayload.isEmpty());
    const QJsonObject meterValue
        = meterValuesPayload.value(QLatin1String("meterValue")).toArray().first().toObject();
    const QDateTime measuredAt = QDateTime::fromString(
        meterValue.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs);
    std::optional<qint64> energy;
    std::optional<double> power, soc;
    for (const QJsonValue &sv : meterValue.value(QLatin1String("sampledValue")).toArray()) {
        const QJsonObject o = sv.toObject();
        const QString measurand = o.value(QLatin1String("measurand")).toString();
        if (measurand == QLatin1String("Energy.Active.Import.Register"))
            energy = o.value(QLatin1String("value")).toString().toLongLong();
        else if (measurand == QLatin1String("Power.Active.Import"))
            power = o.value(QLatin1String("value")).toString().toDouble();
        else if (measurand == QLatin1String("SoC"))
            soc = o.value(QLatin1String("value")).toString().toDouble();
    }
    ASSERT_TRUE(energy && power && soc);

    // The golden StopTransaction names the reference library's transaction id, not ours, so
    // the readings come from MeterValues and StopTransaction's own meterStop is not applied.
    const ConnectorState c = state().connectors.value(1);
    ASSERT_TRUE(c.soc.has_value());
    EXPECT_DOUBLE_EQ(c.soc->percent, *soc);
    EXPECT_EQ(c.soc->measuredAt, measuredAt);
    ASSERT_TRUE(c.power.has_value());
    EXPECT_DOUBLE_EQ(c.power->watts, *power);
    ASSERT_TRUE(c.energy.has_value());
    EXPECT_EQ(c.energy->wattHours, *energy);
    EXPECT_EQ(c.energy->measuredAt, measuredAt);
    EXPECT_EQ(state().vendor, QLatin1String("AnchorC"));
}

TEST_F(CentralSystemTest, KilowattHoursAreConvertedToExactWattHours)
{
    RawClient client;
    client.open(m_cs->port(), chargerId, password);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return client.socket.state() == QAbstractSocket::ConnectedState; }, waitMs));
    const QJsonArray answer = client.exchange(
        "[2,\"k1\",\"MeterValues\",{\"connectorId\":2,\"meterValue\":[{\"timestamp\":"
        "\"2026-11-24T05:00:00.000Z\",\"sampledValue\":[{\"value\":\"1240.5678\","
        "\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"kWh\"},{\"value\":"
        "\"7.36\",\"measurand\":\"Power.Active.Import\",\"unit\":\"kW\"}]}]}]");
    ASSERT_EQ(answer.size(), 3);
    const ConnectorState c = state().connectors.value(2);
    ASSERT_TRUE(c.energy.has_value());
    EXPECT_EQ(c.energy->wattHours, 1240568); // 1240.5678 kWh, rounded to the nearest Wh
    ASSERT_TRUE(c.power.has_value());
    EXPECT_DOUBLE_EQ(c.power->watts, 7360.0);
    EXPECT_FALSE(c.soc.has_value());
}

TEST_F(CentralSystemTest, SilentChargerGoesOfflineAndDroppedConnectionIsSeen)
{
    Simulator &sim = startSimulator({});
    ASSERT_TRUE(waitForBoot()) << sim.stderrText().constData();

    // Freeze the charger: its socket stays open but nothing more arrives.
    ASSERT_EQ(::kill(static_cast<pid_t>(sim.process().processId()), SIGSTOP), 0);
    ASSERT_TRUE(waitUntil([](const ChargerState &c) { return !c.online; }));
    EXPECT_TRUE(state().connected); // silent, not disconnected
    EXPECT_TRUE(state().lastSeen.isValid());

    // A command to a frozen charger times out instead of hanging.
    m_cs->setCallTimeoutMs(300);
    const Result<QString> trigger = command([&](auto done) {
        m_cs->triggerMessage(chargerId, QStringLiteral("Heartbeat"), std::nullopt, &m_context,
                             done);
    });
    ASSERT_FALSE(trigger.ok());
    EXPECT_EQ(trigger.error().code, ErrorCode::Unavailable);

    // Thawed, it speaks again and is back online.
    ASSERT_EQ(::kill(static_cast<pid_t>(sim.process().processId()), SIGCONT), 0);
    ASSERT_TRUE(waitUntil([](const ChargerState &c) { return c.online; }));

    // Killed outright, the connection drops.
    sim.process().kill();
    ASSERT_TRUE(waitUntil([](const ChargerState &c) { return !c.connected && !c.online; }));
    EXPECT_FALSE(state().booted);
}

TEST_F(CentralSystemTest, ManyChargePointsAtOnce)
{
    constexpr int count = 5;
    QStringList ids;
    for (int i = 1; i <= count; ++i) {
        const QString id = QStringLiteral("FLEET-%1").arg(i, 3, 10, QLatin1Char('0'));
        ids.append(id);
        ASSERT_TRUE(m_cs->addCharger(id, SecretBytes::fromView(password.toStdString())).ok());
    }
    Simulator &sim = startSimulator({QStringLiteral("--count"), QString::number(count)},
                                    QStringLiteral("FLEET"));
    for (const QString &id : ids)
        ASSERT_TRUE(waitForBoot(id)) << qPrintable(id) << sim.stderrText().constData();
    ASSERT_TRUE(sim.waitForEvent(QStringLiteral("booted"), count));
    EXPECT_EQ(sim.events(QStringLiteral("booted")).size(), count);
    EXPECT_FALSE(state().connected); // CP1 was not among them
}

TEST_F(CentralSystemTest, SecurityProfile2ServesTlsWithBasicAuth)
{
    // A throw-away self-signed certificate for 127.0.0.1, trusted by the simulator only.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                   "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "1", "-subj",
                   "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    ASSERT_TRUE(openssl.waitForFinished(30000));
    ASSERT_EQ(openssl.exitCode(), 0) << openssl.readAllStandardError().constData();
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    ASSERT_TRUE(certFile.open(QIODevice::ReadOnly));
    ASSERT_TRUE(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // profile 2: only the server has a certificate
    ASSERT_FALSE(tls.localCertificate().isNull());
    ASSERT_FALSE(tls.privateKey().isNull());

    m_cs = std::make_unique<CentralSystem>();
    m_cs->setHeartbeatIntervalSeconds(1);
    ASSERT_TRUE(m_cs->addCharger(chargerId, SecretBytes::fromView(password.toStdString())).ok());
    m_cs->setSslConfiguration(tls);
    ASSERT_TRUE(m_cs->listen(QHostAddress::LocalHost, 0).ok());
    EXPECT_EQ(m_cs->urlFor(chargerId).scheme(), QLatin1String("wss"));

    Simulator &sim = startSimulator({QStringLiteral("--ca"), certPath});
    ASSERT_TRUE(waitForBoot()) << sim.stderrText().constData()
                               << qPrintable(dump(sim.events(QStringLiteral("connectFailed"))));
    EXPECT_EQ(state().vendor, QLatin1String("OpenVPPSim"));

    // The password is still checked behind TLS.
    QSignalSpy refused(m_cs.get(), &CentralSystem::connectionRefused);
    Simulator intruder({QStringLiteral("--url"), endpoint(), QStringLiteral("--id"), chargerId,
                        QStringLiteral("--password"), QStringLiteral("not-the-password-123"),
                        QStringLiteral("--ca"), certPath});
    ASSERT_TRUE(intruder.started());
    ASSERT_TRUE(intruder.waitForEvent(QStringLiteral("connectFailed")));
    EXPECT_EQ(intruder.events(QStringLiteral("connectFailed"))
                  .first()
                  .value(QLatin1String("status"))
                  .toInt(),
              401);
    ASSERT_GE(refused.size(), 1);
    EXPECT_TRUE(state().connected); // the genuine charger was not disturbed
}

TEST(CentralSystemPairing, KeysAndIdsAreChecked)
{
    CentralSystem cs;
    const SecretBytes key = CentralSystem::generateAuthorizationKey();
    ASSERT_EQ(key.size(), 20u);
    for (const std::uint8_t c : key.span())
        EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9'));
    EXPECT_FALSE(CentralSystem::generateAuthorizationKey().equals(key.span()));
    EXPECT_TRUE(cs.addCharger(QStringLiteral("CP9"), key.clone()).ok());
    EXPECT_EQ(cs.addCharger(QStringLiteral("CP9"), key.clone()).error().code,
              ErrorCode::AlreadyExists);
    EXPECT_EQ(cs.addCharger(QStringLiteral("a/b"), key.clone()).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(cs.addCharger(QStringLiteral("CP10"), SecretBytes::fromView("short")).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(cs.chargerIds(), QStringList {QStringLiteral("CP9")});
    cs.removeCharger(QStringLiteral("CP9"));
    EXPECT_FALSE(cs.charger(QStringLiteral("CP9")).has_value());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
