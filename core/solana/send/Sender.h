#pragma once

// The safe send pipeline. Sending must never lose money nor move it twice:
//
//   prepare():  priority fee suggestion → fresh blockhash → compile → getFeeForMessage (the fee
//               the user sees) → simulateTransaction (a failing send stops here with the
//               program's own words; nothing is signed, nothing is journaled).
//   submit():   sign → JOURNAL the signature, the wire bytes and lastValidBlockHeight in the
//               SQLite journal and commit → only then hand the bytes to the node.
//   follow-up:  every poll interval, getSignatureStatuses + getBlockHeight in one round trip;
//               every re-broadcast interval, the SAME signed bytes again (same signature, so at
//               most one copy can ever land) until the send is confirmed, or until the block
//               height passes lastValidBlockHeight. Then one last status check (with history):
//               still unknown means the transaction can never land — "expired", no money moved.
//               The Sender never re-signs with a new blockhash on its own; that is the user's
//               decision (prepare and submit again).
//
// Final states: Finalized, Failed (with the error) and Expired; tracking also stops at the
// target commitment (setTargetState, default Finalized). After a crash or restart,
// resumePending() picks up every journaled send that had not reached a final state.
//
// Threading: lives on the thread of its RpcClient (an event loop must run); call it there.

#include "PendingSend.h"
#include "SendJournal.h"
#include "SendRequest.h"
#include "common/Result.h"
#include "crypto/Keypair.h"
#include "solana/Transaction.h"
#include "solana/rpc/RpcClient.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QTimer;

namespace ovpp::core {

class Sender : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPollIntervalMs = 500;
    static constexpr int DefaultRebroadcastIntervalMs = 2000;

    // `client` must outlive the Sender. The journal is opened by open().
    Sender(RpcClient *client, const QString &journalPath, QObject *parent = nullptr);
    ~Sender() override;

    // Opens the journal; nothing can be submitted before. IoError when the file cannot be used.
    Result<void> open();
    const SendJournal &journal() const { return m_journal; }

    void setPollIntervalMs(int ms);
    void setRebroadcastIntervalMs(int ms) { m_rebroadcastIntervalMs = ms; }
    // Stop following a send once it reaches this state (Confirmed or Finalized).
    void setTargetState(SendState state) { m_target = state; }

    // Builds, prices and simulates; see the top. InvalidArgument with the simulation error and
    // logs when the transaction would fail; Unavailable when the node cannot be reached or the
    // blockhash expired while preparing (prepare again).
    QFuture<Result<PreparedSend>> prepare(const SendRequest &request);
    // Signs with `signer` (the fee payer, and every other required signer must be it), journals
    // and broadcasts. The returned send is in state Signed; follow it with stateChanged and
    // finished. Nothing leaves the machine when this returns an error.
    Result<PendingSend> submit(const PreparedSend &prepared, const Keypair &signer);
    // The same for a transaction signed elsewhere (the wallet worker, so the secret key never
    // reaches this thread): it must carry exactly the prepared message and valid signatures
    // (InvalidArgument otherwise), then it is journaled and broadcast like submit().
    Result<PendingSend> submitSigned(const PreparedSend &prepared, const Transaction &transaction);
    // Follows every journaled send that is not final (after a crash or restart): the same bytes
    // are re-broadcast while they can still land. Returns how many sends were picked up.
    Result<int> resumePending();

    // Sends being followed right now.
    QList<PendingSend> active() const;
    int activeCount() const { return static_cast<int>(m_active.size()); }

signals:
    // Every change of state of a followed send (progress for the UI).
    void stateChanged(const ovpp::core::PendingSend &send);
    // The send reached a final state or the target state; it is no longer followed.
    void finished(const ovpp::core::PendingSend &send);

private:
    struct Tracked
    {
        PendingSend send;
        bool preflight = false; // the first broadcast of a fresh submit goes through preflight
        bool broadcastInFlight = false;
        bool lastCheckInFlight = false;
        bool needsLastCheck = false;
        QString refusal; // the node's preflight refusal, reported if the last check finds nothing
        qint64 lastBroadcastMs = -1;
    };

    void track(const PendingSend &send, bool preflight);
    void tick();
    void broadcast(const QString &signature);
    void poll();
    void lastCheck(const QString &signature);
    void applyStatus(const QString &signature, const std::optional<SignatureStatus> &status,
                     std::uint64_t blockHeight);
    void setState(Tracked &tracked, SendState state, const QString &error = {});
    void persist(Tracked &tracked);
    void finishIfDone(const QString &signature);

    QPointer<RpcClient> m_client;
    SendJournal m_journal;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    int m_rebroadcastIntervalMs = DefaultRebroadcastIntervalMs;
    SendState m_target = SendState::Finalized;
    // shared_ptr: a slot connected to our signals may submit more (rehashing the table)
    QHash<QString, std::shared_ptr<Tracked>> m_active;
    int m_pollsInFlight = 0;
    std::uint64_t m_blockHeight = 0;
};

} // namespace ovpp::core
