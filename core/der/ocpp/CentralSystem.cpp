#include "CentralSystem.h"

#include "ChargerSession.h"
#include "HandshakeGate.h"
#include "OcppLogging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <sodium.h>

#include <algorithm>

namespace ovpp::core::ocpp {

namespace {

const QString ocppSubprotocol = QStringLiteral("ocpp1.6");

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QString lastPathSegment(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyDecoded);
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

// "1240.567" with scaleDigits 3 -> 1240567, exactly (no floating point): meter registers are
// integers of Wh, whether the charger reports Wh ("1240567", "1240567.0") or kWh. Rounds half
// away from zero past the kept digits.
std::optional<qint64> parseScaled(const QString &text, int scaleDigits)
{
    static const QRegularExpression decimal(
        QStringLiteral("^([+-]?)(\\d{1,15})(?:\\.(\\d{1,9}))?$"));
    const QRegularExpressionMatch m = decimal.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    qint64 value = m.captured(2).toLongLong();
    const QString fraction = m.captured(3);
    for (int i = 0; i < scaleDigits; ++i)
        value = value * 10 + (i < fraction.size() ? fraction.at(i).digitValue() : 0);
    if (fraction.size() > scaleDigits && fraction.at(scaleDigits).digitValue() >= 5)
        ++value;
    if (value > 999'999'999'999'999LL)
        return std::nullopt;
    return m.captured(1) == QLatin1String("-") ? -value : value;
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// SHA-256(salt || password) against the stored digest, streamed (the password is not copied)
// and compared in constant time.
bool verifierMatches(const QByteArray &salt, const QByteArray &digest, const QByteArray &password)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(salt.constData()),
                              static_cast<unsigned long long>(salt.size()));
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(password.constData()),
                              static_cast<unsigned long long>(password.size()));
    unsigned char computed[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, computed);
    sodium_memzero(&state, sizeof state);
    return digest.size() == crypto_hash_sha256_BYTES
        && sodium_memcmp(computed, digest.constData(), crypto_hash_sha256_BYTES) == 0;
}

} // namespace

CentralSystem::CentralSystem(QObject *parent)
    : QObject(parent)
    , m_webSocketServer(nullptr)
    , m_gate(nullptr)
    , m_livenessTimer(new QTimer(this))
{
    m_webSocketServer = makeWebSocketServer(false);
    m_gate = new HandshakeGate(
        m_webSocketServer,
        [this](const QString &id, const QByteArray &password) {
            const auto it = m_chargers.find(id);
            if (it == m_chargers.end())
                return HandshakeGate::Verdict::UnknownChargePoint;
            const auto *bytes = reinterpret_cast<const std::uint8_t *>(password.constData());
            const bool match = it->second.verifierDigest.isEmpty()
                ? it->second.authorizationKey.equals(
                    {bytes, static_cast<std::size_t>(password.size())})
                : verifierMatches(it->second.verifierSalt, it->second.verifierDigest, password);
            return match ? HandshakeGate::Verdict::Accept : HandshakeGate::Verdict::WrongPassword;
        },
        this);
    connect(m_gate, &HandshakeGate::refused, this, &CentralSystem::connectionRefused);
    connect(m_livenessTimer, &QTimer::timeout, this, &CentralSystem::checkLiveness);
    setHeartbeatIntervalSeconds(m_heartbeatSeconds);
}

CentralSystem::~CentralSystem()
{
    // Sessions first: their callbacks may still look at m_chargers.
    for (auto &[id, charger] : m_chargers) {
        delete charger.session;
        charger.session = nullptr;
    }
}

QWebSocketServer *CentralSystem::makeWebSocketServer(bool secure)
{
    auto *server = new QWebSocketServer(
        QStringLiteral("OpenVPP World"),
        secure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    server->setSupportedSubprotocols({ocppSubprotocol});
    connect(server, &QWebSocketServer::newConnection, this, &CentralSystem::onNewWebSocket);
    connect(server, &QWebSocketServer::serverError, this,
            [server](QWebSocketProtocol::CloseCode code) {
                qCInfo(lcOcpp).noquote()
                    << "WebSocket upgrade failed:" << code << server->errorString();
            });
    connect(server, &QWebSocketServer::sslErrors, this,
            [](const QList<QSslError> &errors) { qCInfo(lcOcpp) << "TLS errors:" << errors; });
    return server;
}

void CentralSystem::setSslConfiguration(const QSslConfiguration &configuration)
{
    if (m_gate->isListening())
        return;
    m_sslConfiguration = configuration;
}

Result<void> CentralSystem::listen(const QHostAddress &address, quint16 port)
{
    if (m_gate->isListening())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("already listening"));
    if (m_sslConfiguration && m_webSocketServer->secureMode() != QWebSocketServer::SecureMode) {
        delete m_webSocketServer;
        m_webSocketServer = makeWebSocketServer(true);
        m_gate->setWebSocketServer(m_webSocketServer);
        m_gate->setSslConfiguration(*m_sslConfiguration);
    }
    if (!m_gate->listen(address, port))
        return makeError(ErrorCode::IoError,
                         QStringLiteral("cannot listen on %1:%2: %3")
                             .arg(address.toString())
                             .arg(port)
                             .arg(m_gate->errorString()));
    m_livenessTimer->start();
    qCInfo(lcOcpp).noquote() << "central system listening on" << address.toString() << this->port();
    return {};
}

void CentralSystem::close()
{
    m_gate->close();
    m_livenessTimer->stop();
    for (auto &[id, charger] : m_chargers) {
        if (charger.session)
            charger.session->close();
    }
}

bool CentralSystem::isListening() const
{
    return m_gate->isListening();
}

quint16 CentralSystem::port() const
{
    return m_gate->serverPort();
}

QUrl CentralSystem::urlFor(const QString &chargePointId) const
{
    QUrl url;
    url.setScheme(m_sslConfiguration ? QStringLiteral("wss") : QStringLiteral("ws"));
    const QHostAddress address = m_gate->serverAddress();
    url.setHost(address.isNull() || address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                    ? QStringLiteral("127.0.0.1")
                    : address.toString());
    url.setPort(port());
    url.setPath(QLatin1Char('/') + chargePointId);
    return url;
}

void CentralSystem::setHeartbeatIntervalSeconds(int seconds)
{
    m_heartbeatSeconds = std::max(1, seconds);
    // Check a few times per interval so "silent for two intervals" is noticed promptly.
    m_livenessTimer->setInterval(std::clamp(m_heartbeatSeconds * 1000 / 4, 100, 5000));
}

Result<void> CentralSystem::addCharger(const QString &chargePointId, SecretBytes authorizationKey)
{
    // OCPP: the identity is at most 48 characters; it must be usable as one URL path segment.
    if (chargePointId.isEmpty() || chargePointId.size() > 48
        || chargePointId.contains(QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a charge point id has 1 to 48 characters and no '/'"));
    // Security profile 1 wants 16 to 40 bytes for the key.
    if (authorizationKey.size() < 16 || authorizationKey.size() > 40)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("an authorization key has 16 to 40 bytes"));
    Charger charger;
    charger.authorizationKey = std::move(authorizationKey);
    return addChargerEntry(chargePointId, std::move(charger));
}

Result<void> CentralSystem::addChargerVerifier(const QString &chargePointId, const QByteArray &salt,
                                               const QByteArray &sha256)
{
    if (chargePointId.isEmpty() || chargePointId.size() > 48
        || chargePointId.contains(QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a charge point id has 1 to 48 characters and no '/'"));
    if (salt.isEmpty() || sha256.size() != crypto_hash_sha256_BYTES)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a verifier is a salt and a 32-byte SHA-256 digest"));
    Charger charger;
    charger.verifierSalt = salt;
    charger.verifierDigest = sha256;
    return addChargerEntry(chargePointId, std::move(charger));
}

Result<void> CentralSystem::addChargerEntry(const QString &chargePointId, Charger charger)
{
    if (m_chargers.count(chargePointId))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("charge point %1 is already paired").arg(chargePointId));
    charger.state.chargePointId = chargePointId;
    charger.sinceLastMessage = std::make_unique<QElapsedTimer>();
    m_chargers.emplace(chargePointId, std::move(charger));
    Q_EMIT chargerChanged(chargePointId);
    return {};
}

void CentralSystem::removeCharger(const QString &chargePointId)
{
    auto it = m_chargers.find(chargePointId);
    if (it == m_chargers.end())
        return;
    ChargerSession *session = it->second.session;
    m_chargers.erase(it);
    if (session) {
        session->disconnect(this);
        session->abort();
        session->deleteLater();
    }
    Q_EMIT chargerChanged(chargePointId);
}

SecretBytes CentralSystem::generateAuthorizationKey()
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    SecretBytes key(20);
    for (std::uint8_t &c : key.span())
        c = static_cast<std::uint8_t>(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]);
    return key;
}

QStringList CentralSystem::chargerIds() const
{
    QStringList ids;
    for (const auto &[id, charger] : m_chargers)
        ids.append(id);
    return ids;
}

std::optional<ChargerState> CentralSystem::charger(const QString &chargePointId) const
{
    const auto it = m_chargers.find(chargePointId);
    if (it == m_chargers.end())
        return std::nullopt;
    return it->second.state;
}

void CentralSystem::onNewWebSocket()
{
    while (QWebSocket *socket = m_webSocketServer->nextPendingConnection()) {
        const QString id = lastPathSegment(socket->requestUrl());
        auto it = m_chargers.find(id);
        // The gate checked both already; a charger removed in between, or a server that did not
        // settle on ocpp1.6, still must not get in.
        if (it == m_chargers.end() || socket->subprotocol() != ocppSubprotocol) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket->deleteLater();
            continue;
        }
        Charger &charger = it->second;
        if (charger.session) {
            // The newest connection wins: a charger that reconnects has lost the old one.
            ChargerSession *old = charger.session;
            old->disconnect(this);
            old->close();
            old->deleteLater();
        }
        auto *session = new ChargerSession(
            id, socket,
            [this, id](const QString &action, const QJsonObject &payload) {
                return handleCall(id, action, payload);
            },
            this);
        charger.session = session;
        connect(session, &ChargerSession::activity, this, [this, id] {
            auto found = m_chargers.find(id);
            if (found != m_chargers.end())
                touch(found->second);
        });
        connect(session, &ChargerSession::disconnected, this,
                [this, session] { onSessionClosed(session); });
        charger.state.connected = true;
        charger.state.online = true;
        charger.state.booted = false;
        charger.state.connectedAt = QDateTime::currentDateTimeUtc();
        touch(charger);
        qCInfo(lcOcpp).noquote() << "charge point connected:" << id;
        Q_EMIT chargerChanged(id);
    }
}

void CentralSystem::onSessionClosed(ChargerSession *session)
{
    const QString id = session->chargePointId();
    session->deleteLater();
    auto it = m_chargers.find(id);
    if (it == m_chargers.end() || it->second.session != session)
        return;
    it->second.session = nullptr;
    it->second.state.connected = false;
    it->second.state.online = false;
    it->second.state.booted = false;
    qCInfo(lcOcpp).noquote() << "charge point disconnected:" << id;
    Q_EMIT chargerChanged(id);
}

void CentralSystem::touch(Charger &charger)
{
    charger.sinceLastMessage->start();
    charger.state.lastSeen = QDateTime::currentDateTimeUtc();
    if (charger.state.connected && !charger.state.online) {
        charger.state.online = true;
        Q_EMIT chargerChanged(charger.state.chargePointId);
    }
}

void CentralSystem::checkLiveness()
{
    const qint64 limitMs = 2LL * m_heartbeatSeconds * 1000;
    for (auto &[id, charger] : m_chargers) {
        if (!charger.state.online || !charger.sinceLastMessage->isValid())
            continue;
        if (charger.sinceLastMessage->elapsed() > limitMs) {
            charger.state.online = false;
            qCInfo(lcOcpp).noquote()
                << "charge point" << id << "silent for two heartbeat intervals";
            Q_EMIT chargerChanged(id);
        }
    }
}

CallReply CentralSystem::handleCall(const QString &chargePointId, const QString &action,
                                    const QJsonObject &payload)
{
    auto it = m_chargers.find(chargePointId);
    if (it == m_chargers.end())
        return CallReply::error(errorcode::SecurityError, QStringLiteral("unknown charge point"));
    ChargerState &state = it->second.state;
    CallReply reply = CallReply::result({});

    if (action == QLatin1String("BootNotification")) {
        state.vendor = payload.value(QLatin1String("chargePointVendor")).toString();
        state.model = payload.value(QLatin1String("chargePointModel")).toString();
        state.serialNumber = payload.value(QLatin1String("chargePointSerialNumber")).toString();
        // The older field, deprecated in 1.6 but still the only one some chargers fill in.
        if (state.serialNumber.isEmpty())
            state.serialNumber = payload.value(QLatin1String("chargeBoxSerialNumber")).toString();
        state.firmwareVersion = payload.value(QLatin1String("firmwareVersion")).toString();
        state.booted = true;
        reply = CallReply::result(
            {{"status", "Accepted"}, {"currentTime", nowIso()}, {"interval", m_heartbeatSeconds}});
    } else if (action == QLatin1String("Heartbeat")) {
        state.lastHeartbeat = QDateTime::currentDateTimeUtc();
        reply = CallReply::result({{"currentTime", nowIso()}});
    } else if (action == QLatin1String("StatusNotification")) {
        const int connectorId = payload.value(QLatin1String("connectorId")).toInt();
        ConnectorState &c = state.connectors[connectorId];
        c.connectorId = connectorId;
        c.status = payload.value(QLatin1String("status")).toString();
        c.errorCode = payload.value(QLatin1String("errorCode")).toString();
        c.info = payload.value(QLatin1String("info")).toString();
        c.statusAt = payload.contains(QLatin1String("timestamp"))
            ? parseTime(payload.value(QLatin1String("timestamp")))
            : QDateTime::currentDateTimeUtc();
    } else if (action == QLatin1String("Authorize")) {
        reply = CallReply::result({{"idTagInfo", QJsonObject {{"status", "Accepted"}}}});
    } else if (action == QLatin1String("StartTransaction")) {
        const int connectorId = payload.value(QLatin1String("connectorId")).toInt();
        ConnectorState &c = state.connectors[connectorId];
        c.connectorId = connectorId;
        Transaction tx;
        tx.transactionId = m_nextTransactionId++;
        tx.connectorId = connectorId;
        tx.idTag = payload.value(QLatin1String("idTag")).toString();
        tx.meterStartWh
            = static_cast<qint64>(payload.value(QLatin1String("meterStart")).toDouble());
        tx.startedAt = parseTime(payload.value(QLatin1String("timestamp")));
        c.transaction = tx;
        c.energy = EnergyReading {tx.meterStartWh, tx.startedAt};
        c.power.reset();
        reply = CallReply::result({{"idTagInfo", QJsonObject {{"status", "Accepted"}}},
                                   {"transactionId", tx.transactionId}});
    } else if (action == QLatin1String("MeterValues")) {
        applyMeterValues(state, payload.value(QLatin1String("connectorId")).toInt(),
                         payload.value(QLatin1String("meterValue")).toArray());
    } else if (action == QLatin1String("StopTransaction")) {
        const int transactionId = payload.value(QLatin1String("transactionId")).toInt();
        for (ConnectorState &c : state.connectors) {
            if (!c.transaction || c.transaction->transactionId != transactionId)
                continue;
            applyMeterValues(state, c.connectorId,
                             payload.value(QLatin1String("transactionData")).toArray());
            const qint64 meterStop
                = static_cast<qint64>(payload.value(QLatin1String("meterStop")).toDouble());
            c.transaction->meterStopWh = meterStop;
            c.transaction->stoppedAt = parseTime(payload.value(QLatin1String("timestamp")));
            c.transaction->stopReason
                = payload.value(QLatin1String("reason")).toString(QStringLiteral("Local"));
            c.energy = EnergyReading {meterStop, c.transaction->stoppedAt};
            c.power.reset();
            break;
        }
        // An unknown transaction is still acknowledged, or the charger would retry forever.
        if (payload.contains(QLatin1String("idTag")))
            reply = CallReply::result({{"idTagInfo", QJsonObject {{"status", "Accepted"}}}});
    } else if (action == QLatin1String("DataTransfer")) {
        // No vendor extensions are implemented: the 1.6 answer for that is UnknownVendorId.
        reply = CallReply::result({{"status", "UnknownVendorId"}});
    }
    // DiagnosticsStatusNotification and FirmwareStatusNotification: acknowledged with {}.
    Q_EMIT chargerChanged(chargePointId);
    return reply;
}

void CentralSystem::applyMeterValues(ChargerState &state, int connectorId,
                                     const QJsonArray &meterValues)
{
    ConnectorState &c = state.connectors[connectorId];
    c.connectorId = connectorId;
    for (const QJsonValue &mv : meterValues) {
        const QJsonObject meterValue = mv.toObject();
        const QDateTime at = parseTime(meterValue.value(QLatin1String("timestamp")));
        for (const QJsonValue &sv : meterValue.value(QLatin1String("sampledValue")).toArray()) {
            const QJsonObject sampled = sv.toObject();
            // Per-phase values are parts; only the totals describe the charger.
            if (sampled.contains(QLatin1String("phase")))
                continue;
            const QString measurand
                = sampled.value(QLatin1String("measurand"))
                      .toString(QStringLiteral("Energy.Active.Import.Register"));
            const QString value = sampled.value(QLatin1String("value")).toString();
            if (measurand == QLatin1String("Energy.Active.Import.Register")) {
                const QString unit
                    = sampled.value(QLatin1String("unit")).toString(QStringLiteral("Wh"));
                std::optional<qint64> wh;
                if (unit == QLatin1String("Wh"))
                    wh = parseScaled(value, 0);
                else if (unit == QLatin1String("kWh"))
                    wh = parseScaled(value, 3);
                if (!wh) {
                    qCInfo(lcOcpp).noquote() << state.chargePointId << "unreadable energy" << unit;
                    continue;
                }
                if (!c.energy || c.energy->measuredAt <= at)
                    c.energy = EnergyReading {*wh, at};
            } else if (measurand == QLatin1String("Power.Active.Import")) {
                const QString unit
                    = sampled.value(QLatin1String("unit")).toString(QStringLiteral("W"));
                std::optional<double> watts = parseNumber(value);
                if (watts && unit == QLatin1String("kW"))
                    *watts *= 1000.0;
                else if (unit != QLatin1String("W"))
                    watts.reset();
                if (watts && (!c.power || c.power->measuredAt <= at))
                    c.power = PowerReading {*watts, at};
            } else if (measurand == QLatin1String("SoC")) {
                const std::optional<double> percent = parseNumber(value);
                if (percent && *percent >= 0.0 && *percent <= 100.0
                    && (!c.soc || c.soc->measuredAt <= at))
                    c.soc = SocReading {*percent, at};
            }
        }
    }
}

void CentralSystem::sendCommand(const QString &chargePointId, const QString &action,
                                const QJsonObject &payload, QObject *context, StatusCallback done)
{
    const auto it = m_chargers.find(chargePointId);
    if (it == m_chargers.end()) {
        done(makeError(ErrorCode::NotFound,
                       QStringLiteral("no paired charge point %1").arg(chargePointId)));
        return;
    }
    if (!it->second.session) {
        done(makeError(ErrorCode::Unavailable,
                       QStringLiteral("charge point %1 is not connected").arg(chargePointId)));
        return;
    }
    it->second.session->call(
        action, payload, m_callTimeoutMs, context,
        [action, done = std::move(done)](Result<QJsonObject> result) {
            if (!result.ok()) {
                done(result.error());
                return;
            }
            const QJsonValue status = result->value(QLatin1String("status"));
            if (!status.isString()) {
                done(makeError(ErrorCode::Internal,
                               action + QLatin1String(".conf without a status")));
                return;
            }
            done(status.toString());
        });
}

void CentralSystem::remoteStartTransaction(const QString &chargePointId,
                                           std::optional<int> connectorId, const QString &idTag,
                                           QObject *context, StatusCallback done)
{
    if (idTag.isEmpty() || idTag.size() > 20) {
        done(makeError(ErrorCode::InvalidArgument,
                       QStringLiteral("an idTag has 1 to 20 characters")));
        return;
    }
    QJsonObject payload {{"idTag", idTag}};
    if (connectorId)
        payload.insert(QStringLiteral("connectorId"), *connectorId);
    sendCommand(chargePointId, QStringLiteral("RemoteStartTransaction"), payload, context,
                std::move(done));
}

void CentralSystem::remoteStopTransaction(const QString &chargePointId, int transactionId,
                                          QObject *context, StatusCallback done)
{
    sendCommand(chargePointId, QStringLiteral("RemoteStopTransaction"),
                {{"transactionId", transactionId}}, context, std::move(done));
}

void CentralSystem::setChargingProfile(const QString &chargePointId, int connectorId,
                                       const ChargingProfile &profile, QObject *context,
                                       StatusCallback done)
{
    if (profile.periods.empty() || profile.periods.front().startPeriodSeconds != 0) {
        done(makeError(ErrorCode::InvalidArgument,
                       QStringLiteral("a charging schedule starts with a period at 0 s")));
        return;
    }
    sendCommand(chargePointId, QStringLiteral("SetChargingProfile"),
                {{"connectorId", connectorId}, {"csChargingProfiles", profile.toJson()}}, context,
                std::move(done));
}

void CentralSystem::changeConfiguration(const QString &chargePointId, const QString &key,
                                        const QString &value, QObject *context, StatusCallback done)
{
    if (key.isEmpty() || key.size() > 50 || value.size() > 500) {
        done(makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("a configuration key has 1 to 50 characters, a value at most 500")));
        return;
    }
    sendCommand(chargePointId, QStringLiteral("ChangeConfiguration"),
                {{"key", key}, {"value", value}}, context, std::move(done));
}

void CentralSystem::triggerMessage(const QString &chargePointId, const QString &requestedMessage,
                                   std::optional<int> connectorId, QObject *context,
                                   StatusCallback done)
{
    static const QStringList allowed {"BootNotification",
                                      "DiagnosticsStatusNotification",
                                      "FirmwareStatusNotification",
                                      "Heartbeat",
                                      "MeterValues",
                                      "StatusNotification"};
    if (!allowed.contains(requestedMessage)) {
        done(makeError(ErrorCode::InvalidArgument,
                       QStringLiteral("%1 cannot be triggered").arg(requestedMessage)));
        return;
    }
    QJsonObject payload {{"requestedMessage", requestedMessage}};
    if (connectorId)
        payload.insert(QStringLiteral("connectorId"), *connectorId);
    sendCommand(chargePointId, QStringLiteral("TriggerMessage"), payload, context, std::move(done));
}

} // namespace ovpp::core::ocpp
