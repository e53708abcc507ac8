#include "der/sunspec/SunSpecClient.h"

#include "der/sunspec/SunSpecDecoder.h"
#include "der/sunspec/SunSpecLogging.h"

#include <QModbusDataUnit>
#include <QModbusReply>
#include <QModbusTcpClient>
#include <QVariant>

#include <algorithm>

namespace ovpp::core {

namespace {

// Wraps a public callback so that it runs only while its context object lives.
template<typename T>
SunSpecClient::Callback<T> guarded(QObject *context, SunSpecClient::Callback<T> done)
{
    QPointer<QObject> ctx(context);
    const bool hasContext = context != nullptr;
    return [ctx, hasContext, done = std::move(done)](Result<T> result) {
        if (hasContext && !ctx)
            return;
        done(std::move(result));
    };
}

QString exceptionText(QModbusPdu::ExceptionCode code)
{
    switch (code) {
    case QModbusPdu::IllegalFunction:
        return QStringLiteral("illegal function");
    case QModbusPdu::IllegalDataAddress:
        return QStringLiteral("illegal data address");
    case QModbusPdu::IllegalDataValue:
        return QStringLiteral("illegal data value");
    case QModbusPdu::ServerDeviceFailure:
        return QStringLiteral("server device failure");
    case QModbusPdu::ServerDeviceBusy:
        return QStringLiteral("server device busy");
    case QModbusPdu::GatewayPathUnavailable:
        return QStringLiteral("gateway path unavailable");
    case QModbusPdu::GatewayTargetDeviceFailedToRespond:
        return QStringLiteral("gateway target device failed to respond");
    default:
        return QStringLiteral("exception %1").arg(int(code));
    }
}

} // namespace

struct SunSpecClient::Discovery
{
    Callback<SunSpecDeviceInfo> done;
    SunSpecDeviceInfo info;
    bool anyAnswer = false;
    QStringList probes; // what each base address said, for the error text
};

SunSpecClient::SunSpecClient(SunSpecEndpoint endpoint, SunSpecClientOptions options,
                             QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_modbus(new QModbusTcpClient(this))
{
    m_modbus->setTimeout(m_options.timeoutMs);
    // One attempt per request: retries would multiply the time a sleeping device costs us,
    // and the poller decides when to ask again.
    m_modbus->setNumberOfRetries(0);
    m_modbus->setConnectionParameter(QModbusDevice::NetworkAddressParameter, m_endpoint.host);
    m_modbus->setConnectionParameter(QModbusDevice::NetworkPortParameter, m_endpoint.port);
    connect(m_modbus, &QModbusDevice::stateChanged, this, &SunSpecClient::onStateChanged);
    connect(m_modbus, &QModbusDevice::errorOccurred, this, [this](QModbusDevice::Error error) {
        if (error == QModbusDevice::ConnectionError)
            m_lastConnectionError = m_modbus->errorString();
    });
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        connectFailed(QStringLiteral("no connection within %1 ms").arg(m_options.timeoutMs));
    });
}

SunSpecClient::~SunSpecClient()
{
    // Pending callbacks are dropped, never called on a half-destroyed object.
    m_queue.clear();
    disconnect(m_modbus, nullptr, this, nullptr);
    delete m_modbus;
}

QString SunSpecClient::where() const
{
    return QStringLiteral("%1:%2 unit %3")
        .arg(m_endpoint.host)
        .arg(m_endpoint.port)
        .arg(m_endpoint.unitId);
}

void SunSpecClient::disconnectFromDevice()
{
    m_connectTimer.stop();
    m_connecting = false;
    m_modbus->disconnectDevice();
}

// --- transport ---------------------------------------------------------------------------

void SunSpecClient::enqueue(quint32 address, quint16 count, OutcomeCallback done)
{
    m_queue.enqueue(Request {address, count, std::move(done)});
    schedulePump();
}

void SunSpecClient::readBlock(quint32 address, quint32 count, OutcomeCallback done)
{
    if (count == 0 || quint64(address) + count > 0x10000) {
        // Answered from the event loop like every other outcome, so callers never see their
        // callback run inside their own call.
        const Outcome outcome {Outcome::Exception,
                               {},
                               QStringLiteral("registers %1..%2 are outside the Modbus address "
                                              "space")
                                   .arg(address)
                                   .arg(qint64(address) + count - 1)};
        QMetaObject::invokeMethod(
            this, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
        return;
    }
    auto collected = std::make_shared<QList<quint16>>();
    auto step = std::make_shared<std::function<void(quint32)>>();
    *step = [this, address, count, collected, step, done](quint32 offset) {
        const quint16 n = quint16(std::min<quint32>(kMaxRegistersPerRead, count - offset));
        enqueue(address + offset, n, [collected, step, done, offset, n, count](const Outcome &o) {
            if (o.kind != Outcome::Ok) {
                *step = nullptr; // break the self-reference
                done(o);
                return;
            }
            collected->append(o.values);
            if (offset + n >= count) {
                *step = nullptr;
                done(Outcome {Outcome::Ok, *collected, {}});
                return;
            }
            (*step)(offset + n);
        });
    };
    (*step)(0);
}

void SunSpecClient::schedulePump()
{
    // Always continue from the event loop, so that callbacks never re-enter the queue logic.
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

void SunSpecClient::pump()
{
    if (m_inFlight || m_queue.isEmpty())
        return;
    switch (m_modbus->state()) {
    case QModbusDevice::ConnectedState:
        break;
    case QModbusDevice::UnconnectedState:
        if (!m_backoffUntil.hasExpired()) {
            failQueued(Outcome {Outcome::Transport,
                                {},
                                QStringLiteral("%1 is unreachable; next attempt in %2 s")
                                    .arg(where())
                                    .arg((m_backoffUntil.remainingTime() + 999) / 1000)});
            return;
        }
        startConnect();
        return;
    default:
        return; // connecting or closing: onStateChanged() pumps again
    }

    const Request &req = m_queue.head();
    m_inFlight = true;
    const QModbusDataUnit unit(QModbusDataUnit::HoldingRegisters, int(req.address), req.count);
    QModbusReply *reply = m_modbus->sendReadRequest(unit, m_endpoint.unitId);
    if (!reply) {
        finishCurrent(Outcome {
            Outcome::Transport,
            {},
            QStringLiteral("cannot send to %1: %2").arg(where(), m_modbus->errorString())});
        return;
    }
    if (reply->isFinished()) {
        onReplyFinished(reply);
        return;
    }
    connect(reply, &QModbusReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void SunSpecClient::startConnect()
{
    m_connecting = true;
    m_lastConnectionError.clear();
    qCDebug(lcSunSpec) << "connecting to" << where();
    m_connectTimer.start(m_options.timeoutMs);
    if (!m_modbus->connectDevice())
        connectFailed(m_modbus->errorString());
}

void SunSpecClient::connectFailed(const QString &reason)
{
    if (!m_connecting)
        return;
    m_connecting = false;
    m_connectTimer.stop();
    if (m_modbus->state() != QModbusDevice::UnconnectedState)
        m_modbus->disconnectDevice();
    ++m_failures;
    const qint64 backoff = std::min<qint64>(
        qint64(m_options.initialBackoffMs) << std::min(m_failures - 1, 20), m_options.maxBackoffMs);
    m_backoffUntil.setRemainingTime(backoff);
    qCDebug(lcSunSpec) << "cannot connect to" << where() << reason << "- backing off" << backoff
                       << "ms";
    failQueued(Outcome {Outcome::Transport,
                        {},
                        QStringLiteral("cannot connect to %1 (%2); check the address, port and "
                                       "that Modbus TCP is enabled on the device")
                            .arg(where(), reason.isEmpty() ? QStringLiteral("refused") : reason)});
}

void SunSpecClient::onStateChanged(QModbusDevice::State state)
{
    if (state == QModbusDevice::ConnectedState) {
        m_connecting = false;
        m_connectTimer.stop();
        m_failures = 0;
        m_backoffUntil.setRemainingTime(0);
        qCDebug(lcSunSpec) << "connected to" << where();
        schedulePump();
    } else if (state == QModbusDevice::UnconnectedState) {
        if (m_connecting)
            connectFailed(m_lastConnectionError);
        else
            schedulePump(); // an in-flight reply fails on its own; later requests reconnect
    }
}

void SunSpecClient::onReplyFinished(QModbusReply *reply)
{
    reply->deleteLater();
    if (!m_inFlight || m_queue.isEmpty())
        return;
    const Request &req = m_queue.head();
    Outcome out;
    switch (reply->error()) {
    case QModbusDevice::NoError: {
        out.values = reply->result().values();
        if (out.values.size() != req.count) {
            out.kind = Outcome::Exception;
            out.detail = QStringLiteral("asked %1 for %2 registers at %3, got %4")
                             .arg(where())
                             .arg(req.count)
                             .arg(req.address)
                             .arg(out.values.size());
        }
        break;
    }
    case QModbusDevice::ProtocolError:
        out.kind = Outcome::Exception;
        out.detail = QStringLiteral("%1 refused to read registers %2..%3: %4")
                         .arg(where())
                         .arg(req.address)
                         .arg(req.address + req.count - 1)
                         .arg(exceptionText(reply->rawResult().exceptionCode()));
        break;
    case QModbusDevice::TimeoutError:
        out.kind = Outcome::Timeout;
        out.detail = QStringLiteral("no answer from %1 within %2 ms (is the unit id right?)")
                         .arg(where())
                         .arg(m_options.timeoutMs);
        break;
    default:
        out.kind = Outcome::Transport;
        out.detail
            = QStringLiteral("reading from %1 failed: %2").arg(where(), reply->errorString());
        break;
    }
    finishCurrent(out);
}

void SunSpecClient::finishCurrent(const Outcome &outcome)
{
    m_inFlight = false;
    if (m_queue.isEmpty())
        return;
    const Request req = m_queue.dequeue();
    schedulePump();
    req.done(outcome);
}

void SunSpecClient::failQueued(const Outcome &outcome)
{
    // Callbacks may enqueue more work; it runs on a later pump, against the new queue.
    QQueue<Request> failed;
    failed.swap(m_queue);
    m_inFlight = false;
    for (const auto &req : failed)
        req.done(outcome);
}

Error SunSpecClient::toError(const Outcome &outcome) const
{
    switch (outcome.kind) {
    case Outcome::Ok:
        break;
    case Outcome::Exception:
        return makeError(ErrorCode::NotFound, outcome.detail);
    case Outcome::Timeout:
    case Outcome::Transport:
        return makeError(ErrorCode::Unavailable, outcome.detail);
    }
    return makeError(ErrorCode::Internal, QStringLiteral("no error"));
}

void SunSpecClient::readRegisters(quint32 address, quint32 count, QObject *context,
                                  Callback<QList<quint16>> done)
{
    auto cb = guarded(context, std::move(done));
    readBlock(address, count, [this, cb](const Outcome &o) {
        if (o.kind == Outcome::Ok)
            cb(o.values);
        else
            cb(toError(o));
    });
}

// --- discovery ---------------------------------------------------------------------------

void SunSpecClient::discover(QObject *context, Callback<SunSpecDeviceInfo> done)
{
    auto d = std::make_shared<Discovery>();
    d->done = guarded(context, std::move(done));
    d->info.host = m_endpoint.host;
    d->info.port = m_endpoint.port;
    d->info.unitId = m_endpoint.unitId;
    probeBase(d, 0);
}

void SunSpecClient::probeBase(std::shared_ptr<Discovery> d, int index)
{
    constexpr int kBases = int(std::size(SunSpecDecoder::kBaseAddresses));
    if (index >= kBases) {
        if (!d->anyAnswer) {
            d->done(makeError(ErrorCode::Unavailable,
                              QStringLiteral("no answer from %1 within %2 ms (is the unit id "
                                             "right?)")
                                  .arg(where())
                                  .arg(m_options.timeoutMs)));
        } else {
            d->done(makeError(ErrorCode::NotFound,
                              QStringLiteral("%1 is not a SunSpec device: no SunS marker at "
                                             "40000, 0 or 50000 (%2)")
                                  .arg(where(), d->probes.join(QStringLiteral("; ")))));
        }
        return;
    }
    const quint32 base = SunSpecDecoder::kBaseAddresses[index];
    enqueue(base, 2, [this, d, index, base](const Outcome &o) {
        switch (o.kind) {
        case Outcome::Ok:
            d->anyAnswer = true;
            if (SunSpecDecoder::isMarker(o.values)) {
                qCDebug(lcSunSpec) << "SunS at" << base << "on" << where();
                d->info.baseAddress = base;
                walkChain(d, base + 2);
                return;
            }
            d->probes.append(QStringLiteral("%1: %2 %3")
                                 .arg(base)
                                 .arg(o.values.value(0), 4, 16, QLatin1Char('0'))
                                 .arg(o.values.value(1), 4, 16, QLatin1Char('0')));
            break;
        case Outcome::Exception:
            d->anyAnswer = true;
            d->probes.append(QStringLiteral("%1: refused").arg(base));
            break;
        case Outcome::Timeout:
            d->probes.append(QStringLiteral("%1: no answer").arg(base));
            break;
        case Outcome::Transport:
            d->done(toError(o));
            return;
        }
        probeBase(d, index + 1);
    });
}

void SunSpecClient::walkChain(std::shared_ptr<Discovery> d, quint32 address)
{
    auto malformed = [this, d](const QString &what) {
        d->done(makeError(
            ErrorCode::NotFound,
            QStringLiteral("%1 has a broken SunSpec model chain: %2").arg(where(), what)));
    };
    if (d->info.models.size() >= SunSpecDecoder::kMaxModels) {
        malformed(QStringLiteral("more than %1 models").arg(SunSpecDecoder::kMaxModels));
        return;
    }
    if (address + 1 > 0xFFFF) {
        malformed(QStringLiteral("it runs past the end of the address space"));
        return;
    }
    auto previous = [d]() {
        if (d->info.models.isEmpty())
            return QStringLiteral("the SunS marker");
        const auto &m = d->info.models.last();
        return QStringLiteral("model %1 at %2 (length %3)").arg(m.id).arg(m.address).arg(m.length);
    };
    enqueue(address, 2, [this, d, address, malformed, previous](const Outcome &o) {
        if (o.kind == Outcome::Timeout || o.kind == Outcome::Transport) {
            d->done(toError(o));
            return;
        }
        if (o.kind == Outcome::Exception) {
            // The end marker may be the very last register, without a length after it.
            enqueue(address, 1, [this, d, address, malformed, previous](const Outcome &end) {
                if (end.kind == Outcome::Ok && end.values.value(0) == SunSpecModelId::End) {
                    readCommon(d);
                    return;
                }
                if (end.kind == Outcome::Timeout || end.kind == Outcome::Transport) {
                    d->done(toError(end));
                    return;
                }
                malformed(
                    QStringLiteral("no model header at %1 after %2").arg(address).arg(previous()));
            });
            return;
        }
        const quint16 id = o.values[0];
        if (id == SunSpecModelId::End) {
            readCommon(d);
            return;
        }
        const quint16 length = o.values[1];
        d->info.models.append(SunSpecModelEntry {id, length, address});
        walkChain(d, address + 2 + length);
    });
}

void SunSpecClient::readCommon(std::shared_ptr<Discovery> d)
{
    if (d->info.models.isEmpty() || d->info.models.first().id != SunSpecModelId::Common) {
        d->done(makeError(ErrorCode::NotFound,
                          QStringLiteral("%1 has no common model (1) after SunS").arg(where())));
        return;
    }
    const SunSpecModelEntry common = d->info.models.first();
    readBlock(common.address, quint32(common.length) + 2, [this, d](const Outcome &o) {
        if (o.kind != Outcome::Ok) {
            d->done(toError(o));
            return;
        }
        auto decoded = SunSpecDecoder::decodeCommon(o.values);
        if (!decoded) {
            d->done(decoded.error());
            return;
        }
        d->info.common = std::move(decoded.value());
        m_info = d->info;
        qCInfo(lcSunSpec).noquote()
            << "found" << d->info.common.manufacturer << d->info.common.model << "at" << where()
            << "base" << d->info.baseAddress << "with" << d->info.models.size() << "models";
        d->done(d->info);
    });
}

// --- readings ----------------------------------------------------------------------------

void SunSpecClient::snapshotFailed(const Outcome &outcome, const Callback<SunSpecSnapshot> &done)
{
    if (outcome.kind == Outcome::Exception) {
        done(toError(outcome));
        return;
    }
    // Silence from a device we know: asleep for the night (or switched off). Log the
    // transition once, back off, and report it as a state rather than an error.
    if (!m_asleep)
        qCInfo(lcSunSpec).noquote()
            << where() << "stopped answering; treating it as asleep:" << outcome.detail;
    m_asleep = true;
    if (outcome.kind == Outcome::Timeout) {
        ++m_failures;
        m_backoffUntil.setRemainingTime(
            std::min<qint64>(qint64(m_options.initialBackoffMs) << std::min(m_failures - 1, 20),
                             m_options.maxBackoffMs));
        disconnectFromDevice();
    }
    SunSpecSnapshot s;
    s.responded = false;
    s.sleeping = true;
    done(s);
}

void SunSpecClient::readSnapshot(QObject *context, Callback<SunSpecSnapshot> done)
{
    auto cb = guarded(context, std::move(done));
    if (!m_info) {
        discover(this, [this, cb](Result<SunSpecDeviceInfo> info) {
            if (!info) {
                cb(info.error());
                return;
            }
            readSnapshot(this, cb);
        });
        return;
    }
    QList<SunSpecModelEntry> wanted;
    if (auto inv = m_info->inverterModel())
        wanted.append(*inv);
    if (auto mppt = m_info->findModel(SunSpecModelId::Mppt))
        wanted.append(*mppt);
    if (auto battery = m_info->findModel(SunSpecModelId::Battery))
        wanted.append(*battery);
    if (wanted.isEmpty()) {
        const Error error
            = makeError(ErrorCode::NotFound,
                        QStringLiteral("%1 has no inverter model (101-103, 111-113)").arg(where()));
        QMetaObject::invokeMethod(
            this, [cb, error] { cb(error); }, Qt::QueuedConnection);
        return;
    }

    auto snapshot = std::make_shared<SunSpecSnapshot>();
    auto finish = [this, snapshot, cb] {
        if (m_asleep)
            qCInfo(lcSunSpec).noquote() << where() << "answers again";
        m_asleep = false;
        snapshot->responded = true;
        snapshot->sleeping = snapshot->inverter && snapshot->inverter->sleeping();
        cb(*snapshot);
    };
    // `step` refers to itself to read one model after another; the cycle is broken only from
    // the read callbacks, never while `step` itself runs.
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [this, wanted, snapshot, step, cb, finish](int i) {
        const SunSpecModelEntry m = wanted[i];
        const bool last = i + 1 >= wanted.size();
        readBlock(m.address, quint32(m.length) + 2,
                  [this, m, i, last, snapshot, step, cb, finish](const Outcome &o) {
                      if (o.kind != Outcome::Ok) {
                          *step = nullptr;
                          snapshotFailed(o, cb);
                          return;
                      }
                      Error error;
                      bool failed = false;
                      auto take = [&](auto result, auto &slot) {
                          if (result)
                              slot = std::move(result.value());
                          else {
                              failed = true;
                              error = result.error();
                          }
                      };
                      if (m.id == SunSpecModelId::Mppt)
                          take(SunSpecDecoder::decodeMppt(o.values), snapshot->mppt);
                      else if (m.id == SunSpecModelId::Battery)
                          take(SunSpecDecoder::decodeBattery(o.values), snapshot->battery);
                      else
                          take(SunSpecDecoder::decodeInverter(o.values), snapshot->inverter);
                      if (failed) {
                          *step = nullptr;
                          cb(error);
                          return;
                      }
                      if (last) {
                          *step = nullptr;
                          finish();
                          return;
                      }
                      (*step)(i + 1);
                  });
    };
    (*step)(0);
}

} // namespace ovpp::core
