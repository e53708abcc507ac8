#include "Sender.h"

#include "PriorityFee.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/Transaction.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSend, "ovpp.send", QtInfoMsg)

namespace ovpp::core {

namespace {

using PreparePromise = std::shared_ptr<QPromise<Result<PreparedSend>>>;

void settle(const PreparePromise &promise, Result<PreparedSend> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

// Signed < Sent < Processed < Confirmed < Finalized: a status may only move a send forward (a
// lagging node answering "unknown" after "processed" changes nothing).
int progressRank(SendState state)
{
    switch (state) {
    case SendState::Signed:
        return 0;
    case SendState::Sent:
        return 1;
    case SendState::Processed:
        return 2;
    case SendState::Confirmed:
        return 3;
    case SendState::Finalized:
        return 4;
    case SendState::Failed:
    case SendState::Expired:
        return 5;
    }
    return 0;
}

SendState stateFromCommitment(const QString &confirmationStatus)
{
    if (confirmationStatus == QLatin1String("finalized"))
        return SendState::Finalized;
    if (confirmationStatus == QLatin1String("confirmed"))
        return SendState::Confirmed;
    return SendState::Processed;
}

// Still able to land, so worth re-broadcasting and able to expire.
bool isInFlight(SendState state)
{
    return state == SendState::Signed || state == SendState::Sent || state == SendState::Processed;
}

QString simulationFailure(const SimulationResult &simulation)
{
    // The last program lines carry the reason in the program's own words ("insufficient
    // lamports 10, need 1000000").
    QStringList tail = simulation.logs.mid(std::max<qsizetype>(0, simulation.logs.size() - 4));
    QString text = QStringLiteral("the transaction would fail: %1").arg(*simulation.err);
    if (!tail.isEmpty())
        text += QStringLiteral(" (program log: %1)").arg(tail.join(QStringLiteral(" | ")));
    return text + QStringLiteral(". Nothing was signed or sent.");
}

} // namespace

Sender::Sender(RpcClient *client, const QString &journalPath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journalPath)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &Sender::tick);
    m_clock.start();
}

Sender::~Sender() = default;

Result<void> Sender::open()
{
    return m_journal.open();
}

void Sender::setPollIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

QFuture<Result<PreparedSend>> Sender::prepare(const SendRequest &request)
{
    auto promise = std::make_shared<QPromise<Result<PreparedSend>>>();
    QFuture<Result<PreparedSend>> future = promise->future();
    promise->start();
    if (!m_client) {
        settle(promise, Error {ErrorCode::Internal, QStringLiteral("no RPC client")});
        return future;
    }
    if (request.instructions.isEmpty()) {
        settle(promise, Error {ErrorCode::InvalidArgument, QStringLiteral("nothing to send")});
        return future;
    }

    // Step 3: fee and simulation of the compiled message.
    auto priceAndSimulate = [this, promise](const PreparedSend &prepared) {
        if (!m_client) {
            settle(promise, Error {ErrorCode::Cancelled, QStringLiteral("the RPC client is gone")});
            return;
        }
        auto unsignedWire = Transaction(prepared.message).serialize();
        if (!unsignedWire) {
            settle(promise, unsignedWire.error());
            return;
        }
        m_client->getFeeForMessage(prepared.message.serialize())
            .then(this,
                  [this, promise, prepared,
                   wire = unsignedWire.value()](Result<std::optional<std::uint64_t>> fee) {
                      if (!fee) {
                          settle(promise, fee.error());
                          return;
                      }
                      if (!fee->has_value()) {
                          settle(promise,
                                 Error {ErrorCode::Unavailable,
                                        QStringLiteral("the blockhash expired while preparing "
                                                       "the send; prepare it again")});
                          return;
                      }
                      PreparedSend priced = prepared;
                      priced.fee = **fee;
                      SimulateOptions options;
                      options.sigVerify = false;
                      m_client->simulateTransaction(wire, options)
                          .then(this, [promise, priced](Result<SimulationResult> simulation) {
                              if (!simulation) {
                                  settle(promise, simulation.error());
                                  return;
                              }
                              if (simulation->err) {
                                  settle(promise,
                                         Error {ErrorCode::InvalidArgument,
                                                simulationFailure(simulation.value())});
                                  return;
                              }
                              PreparedSend done = priced;
                              done.unitsConsumed = simulation->unitsConsumed;
                              done.logs = simulation->logs;
                              settle(promise, done);
                          });
                  });
    };

    // Step 2: a fresh blockhash, then compile with the compute-budget instructions in front.
    auto compile = [this, promise, request, priceAndSimulate](std::uint64_t price) {
        if (!m_client) {
            settle(promise, Error {ErrorCode::Cancelled, QStringLiteral("the RPC client is gone")});
            return;
        }
        m_client->getLatestBlockhash().then(
            this, [promise, request, price, priceAndSimulate](Result<LatestBlockhash> latest) {
                if (!latest) {
                    settle(promise, latest.error());
                    return;
                }
                QList<Instruction> instructions;
                PreparedSend prepared;
                if (price > 0) {
                    instructions.append(
                        ComputeBudgetProgram::setComputeUnitLimit(request.computeUnitLimit));
                    instructions.append(ComputeBudgetProgram::setComputeUnitPrice(price));
                    prepared.computeUnitPrice = price;
                    prepared.computeUnitLimit = request.computeUnitLimit;
                }
                instructions.append(request.instructions);
                auto message = Message::compile(request.feePayer, instructions, latest->blockhash);
                if (!message) {
                    settle(promise, message.error());
                    return;
                }
                prepared.message = message.value();
                prepared.lastValidBlockHeight = latest->lastValidBlockHeight;
                priceAndSimulate(prepared);
            });
    };

    // Step 1: the priority fee, unless the caller chose one.
    if (request.computeUnitPrice) {
        compile(*request.computeUnitPrice);
        return future;
    }
    QList<PublicKey> writable;
    for (const Instruction &instruction : request.instructions) {
        for (const AccountMeta &meta : instruction.accounts) {
            if (meta.isWritable && !writable.contains(meta.pubkey))
                writable.append(meta.pubkey);
        }
    }
    m_client->getRecentPrioritizationFees(writable.mid(0, 128))
        .then(this, [compile](Result<QList<PrioritizationFee>> fees) {
            // A suggestion only: without it the send still works, just without priority.
            if (!fees)
                qCInfo(lcSend) << "no priority fee suggestion:" << fees.error().detail;
            compile(fees ? PriorityFee::suggest(fees.value()) : 0);
        });
    return future;
}

Result<PendingSend> Sender::submit(const PreparedSend &prepared, const Keypair &signer)
{
    if (!m_journal.isOpen())
        return Error {ErrorCode::Internal, QStringLiteral("the send journal is not open")};
    if (!m_client)
        return Error {ErrorCode::Internal, QStringLiteral("no RPC client")};
    Transaction transaction(prepared.message);
    auto signedOk = transaction.sign(signer);
    if (!signedOk)
        return signedOk.error();
    return submitSigned(prepared, transaction);
}

Result<PendingSend> Sender::submitSigned(const PreparedSend &prepared,
                                         const Transaction &transaction)
{
    if (!m_journal.isOpen())
        return Error {ErrorCode::Internal, QStringLiteral("the send journal is not open")};
    if (!m_client)
        return Error {ErrorCode::Internal, QStringLiteral("no RPC client")};
    // Signed elsewhere (the wallet worker): only bytes of the very message that was prepared,
    // fee-quoted and simulated may go out, and only with signatures that verify.
    if (transaction.messageBytes() != prepared.message.serialize())
        return Error {ErrorCode::InvalidArgument,
                      QStringLiteral("the signed transaction is not the prepared message")};
    if (!transaction.isFullySigned())
        return Error {ErrorCode::InvalidArgument,
                      QStringLiteral("the transaction needs signatures from other keys too")};
    if (auto verified = transaction.verifySignatures(); !verified)
        return verified.error();
    auto wire = transaction.serialize();
    if (!wire)
        return wire.error();

    PendingSend send;
    send.signature = transaction.id();
    send.wire = wire.value();
    send.lastValidBlockHeight = prepared.lastValidBlockHeight;
    send.state = SendState::Signed;
    send.fee = prepared.fee;
    send.createdAt = QDateTime::currentDateTimeUtc();
    send.updatedAt = send.createdAt;
    // The journal row is committed before the bytes leave: if we crash one instruction later,
    // the restarted app still knows what may be in flight.
    auto journaled = m_journal.insert(send);
    if (!journaled)
        return journaled.error();
    track(send, true);
    broadcast(send.signature);
    return send;
}

Result<int> Sender::resumePending()
{
    if (!m_journal.isOpen())
        return Error {ErrorCode::Internal, QStringLiteral("the send journal is not open")};
    auto pending = m_journal.pending();
    if (!pending)
        return pending.error();
    int resumed = 0;
    for (const PendingSend &send : pending.value()) {
        if (m_active.contains(send.signature))
            continue;
        // No preflight: the bytes may have gone out before the crash, and a preflight refusal
        // ("already processed", "blockhash not found") would say nothing new.
        track(send, false);
        ++resumed;
    }
    return resumed;
}

QList<PendingSend> Sender::active() const
{
    QList<PendingSend> sends;
    for (const auto &tracked : m_active)
        sends.append(tracked->send);
    return sends;
}

void Sender::track(const PendingSend &send, bool preflight)
{
    auto tracked = std::make_shared<Tracked>();
    tracked->send = send;
    tracked->preflight = preflight;
    m_active.insert(send.signature, tracked);
    if (!m_timer->isActive())
        m_timer->start();
}

void Sender::tick()
{
    if (m_active.isEmpty()) {
        m_timer->stop();
        return;
    }
    if (!m_client)
        return;
    const qint64 now = m_clock.elapsed();
    const QStringList signatures = m_active.keys();
    for (const QString &signature : signatures) {
        const auto it = m_active.constFind(signature);
        if (it == m_active.cend())
            continue;
        const std::shared_ptr<Tracked> tracked = it.value();
        if (tracked->needsLastCheck) {
            if (!tracked->lastCheckInFlight)
                lastCheck(signature);
            continue;
        }
        // Re-broadcasting is pointless (though harmless) once the blockhash is too old.
        const bool canLand
            = m_blockHeight == 0 || m_blockHeight <= tracked->send.lastValidBlockHeight;
        // "processed" can still be rolled back, so it is kept alive too.
        if (isInFlight(tracked->send.state) && !tracked->broadcastInFlight && canLand
            && (tracked->lastBroadcastMs < 0
                || now - tracked->lastBroadcastMs >= m_rebroadcastIntervalMs))
            broadcast(signature);
    }
    if (m_pollsInFlight == 0)
        poll();
}

void Sender::broadcast(const QString &signature)
{
    const auto it = m_active.constFind(signature);
    if (it == m_active.cend() || !m_client)
        return;
    const std::shared_ptr<Tracked> tracked = it.value();
    const bool preflight = tracked->preflight;
    tracked->preflight = false;
    tracked->broadcastInFlight = true;
    tracked->lastBroadcastMs = m_clock.elapsed();
    ++tracked->send.broadcasts;
    SendOptions options;
    // Only the first copy of a fresh submit goes through preflight (a clear refusal instead of
    // silence); re-broadcasts skip it, because "already processed" is then the expected answer.
    options.skipPreflight = !preflight;
    m_client->sendTransaction(tracked->send.wire, options)
        .then(this, [this, tracked, preflight](Result<QString> result) {
            tracked->broadcastInFlight = false;
            if (!m_active.contains(tracked->send.signature))
                return; // finished meanwhile
            if (result.ok() || result.error().code != ErrorCode::InvalidArgument) {
                // Unavailable means "outcome unknown": the bytes may have arrived, so this
                // counts as sent; the status polls tell.
                if (tracked->send.state == SendState::Signed)
                    setState(*tracked, SendState::Sent);
                else
                    persist(*tracked);
                return;
            }
            if (preflight) {
                // Refused before forwarding: unless a status shows up, nothing can land.
                qCInfo(lcSend) << "send" << tracked->send.signature
                               << "refused:" << result.error().detail;
                tracked->refusal = result.error().detail;
                tracked->needsLastCheck = true;
                persist(*tracked);
                lastCheck(tracked->send.signature);
                return;
            }
            persist(*tracked);
        });
}

void Sender::poll()
{
    if (!m_client)
        return;
    QStringList signatures;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (!it.value()->needsLastCheck)
            signatures.append(it.key());
    }
    for (qsizetype start = 0; start < signatures.size(); start += RpcClient::MaxSignaturesPerCall) {
        const QStringList chunk = signatures.mid(start, RpcClient::MaxSignaturesPerCall);
        ++m_pollsInFlight;
        m_client->getSignatureStatusesAndBlockHeight(chunk).then(
            this, [this, chunk](Result<StatusesAndHeight> answer) {
                --m_pollsInFlight;
                if (!answer) // the next tick asks again
                    return;
                m_blockHeight = std::max(m_blockHeight, answer->blockHeight);
                for (qsizetype i = 0; i < chunk.size() && i < answer->statuses.size(); ++i)
                    applyStatus(chunk.at(i), answer->statuses.at(i), answer->blockHeight);
            });
    }
}

void Sender::lastCheck(const QString &signature)
{
    const auto it = m_active.constFind(signature);
    if (it == m_active.cend() || !m_client)
        return;
    const std::shared_ptr<Tracked> tracked = it.value();
    tracked->lastCheckInFlight = true;
    // With history: the transaction may have landed long enough ago to have left the recent
    // status cache.
    m_client->getSignatureStatuses({signature}, true)
        .then(this, [this, tracked](Result<QList<std::optional<SignatureStatus>>> answer) {
            tracked->lastCheckInFlight = false;
            const QString signature = tracked->send.signature;
            if (!m_active.contains(signature) || !answer || answer->isEmpty())
                return; // finished meanwhile, or ask again next tick
            const std::optional<SignatureStatus> &status = answer->first();
            if (status) {
                tracked->needsLastCheck = false;
                tracked->refusal.clear();
                applyStatus(signature, status, m_blockHeight);
                return;
            }
            if (!tracked->refusal.isEmpty())
                setState(*tracked, SendState::Failed, tracked->refusal);
            else
                setState(*tracked, SendState::Expired,
                         QStringLiteral("the blockhash expired before the transaction "
                                        "landed; no money moved"));
            finishIfDone(signature);
        });
}

void Sender::applyStatus(const QString &signature, const std::optional<SignatureStatus> &status,
                         std::uint64_t blockHeight)
{
    const auto it = m_active.constFind(signature);
    if (it == m_active.cend())
        return;
    const std::shared_ptr<Tracked> tracked = it.value();
    if (!status) {
        if (isInFlight(tracked->send.state) && blockHeight > tracked->send.lastValidBlockHeight)
            tracked->needsLastCheck = true; // decided on the next tick
        return;
    }
    const SendState seen = stateFromCommitment(status->confirmationStatus);
    tracked->send.slot = status->slot;
    if (status->err && progressRank(seen) >= progressRank(SendState::Confirmed)) {
        // Landed and failed: the fee was charged, the payment did not happen.
        setState(*tracked, SendState::Failed, *status->err);
    } else if (progressRank(seen) > progressRank(tracked->send.state)) {
        setState(*tracked, seen);
    }
    finishIfDone(signature);
}

void Sender::setState(Tracked &tracked, SendState state, const QString &error)
{
    tracked.send.state = state;
    if (!error.isEmpty())
        tracked.send.error = error;
    persist(tracked);
    const PendingSend copy = tracked.send;
    emit stateChanged(copy);
}

void Sender::persist(Tracked &tracked)
{
    auto stored = m_journal.update(tracked.send);
    if (!stored)
        qCWarning(lcSend) << "could not update the send journal:" << stored.error().detail;
    else
        tracked.send.updatedAt = QDateTime::currentDateTimeUtc();
}

void Sender::finishIfDone(const QString &signature)
{
    const auto it = m_active.constFind(signature);
    if (it == m_active.cend())
        return;
    const SendState state = it.value()->send.state;
    if (!isFinalSendState(state) && progressRank(state) < progressRank(m_target))
        return;
    const PendingSend copy = it.value()->send;
    m_active.remove(signature);
    emit finished(copy);
}

} // namespace ovpp::core
