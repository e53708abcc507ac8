#pragma once

// An asynchronous Solana JSON-RPC client over Qt Network (REFERENCE.md §4).
//
// Threading: an RpcClient belongs to the thread that created it, which must run an event loop;
// call it from that thread only. Every method returns at once with a QFuture that finishes on
// that thread; continue it with `.then(context, …)` so the continuation never runs on a deleted
// object. Destroying the client aborts what is in flight (those futures end up cancelled).
//
// Errors (Result's ErrorCode, see also rpcErrorCode()):
// - Unavailable: the node could not be reached or answered with HTTP 429/5xx, garbage, or
//   nothing within the timeout, after the retries below; also the node-side RPC errors that mean
//   "try later" (-32004, -32005 unhealthy, -32014, -32016). For a send this means "outcome
//   unknown": the transaction may have arrived.
// - InvalidArgument: the node understood the request and refused it with a JSON-RPC error
//   object (invalid params, -32002 preflight failure with the program logs, -32003 signature
//   verification failure, …), or its answer did not have the documented shape.
//
// Retries: idempotent reads are retried on transport errors, timeouts, malformed answers, HTTP
// 429 and 5xx, with exponential backoff and jitter, waiting at least as long as Retry-After
// asks. sendTransaction and requestAirdrop are never retried here: a "lost" answer does not
// mean a lost request, and the send pipeline above owns that decision — it re-broadcasts the
// very same signed bytes (same signature, so at most one can land) while it polls the status
// and the blockhash's last valid block height. Blind retries at this layer would hide from it
// how many copies went out, and would turn one airdrop into several.

#include "RetryPolicy.h"
#include "RpcTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace ovpp::core {

class RpcClient : public QObject
{
    Q_OBJECT

public:
    enum class Retry {
        Allowed, // idempotent: safe to ask again
        Never, // has effects (sendTransaction, requestAirdrop)
    };

    // Most a single getMultipleAccounts or getSignatureStatuses call may carry (node limits).
    static constexpr int MaxAccountsPerCall = 100;
    static constexpr int MaxSignaturesPerCall = 256;

    explicit RpcClient(const QUrl &url, QObject *parent = nullptr);
    ~RpcClient() override;

    QUrl url() const { return m_url; }
    // Extra HTTP headers on every request, e.g. a paid provider's API key. Never logged.
    void setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    // The commitment reads use (default: confirmed). Methods that do not accept `processed`
    // (getSignaturesForAddress, getTransaction) use confirmed instead.
    void setCommitment(Commitment commitment) { m_commitment = commitment; }
    Commitment commitment() const { return m_commitment; }

    QFuture<Result<LatestBlockhash>> getLatestBlockhash();
    QFuture<Result<std::uint64_t>> getBalance(const PublicKey &address);
    QFuture<Result<std::optional<OnChainAccount>>> getAccountInfo(const PublicKey &address);
    // More than MaxAccountsPerCall addresses are split into several calls sent as one batch;
    // the result has one entry (nullopt: no such account) per address, in order.
    QFuture<Result<QList<std::optional<OnChainAccount>>>>
    getMultipleAccounts(const QList<PublicKey> &addresses);
    QFuture<Result<QList<TokenAccount>>> getTokenAccountsByOwner(const PublicKey &owner,
                                                                 const TokenAccountFilter &filter);
    QFuture<Result<QList<SignatureInfo>>>
    getSignaturesForAddress(const PublicKey &address, const SignaturesQuery &query = {});
    // nullopt: the node does not know the transaction (yet).
    QFuture<Result<std::optional<FetchedTransaction>>> getTransaction(const QString &signature);
    // Sends signed wire bytes (always "encoding":"base64"); the result is the signature. Never
    // retried, see above. A preflight answer "AlreadyProcessed" (these very bytes landed
    // earlier, e.g. a re-broadcast after a lost answer) counts as sent: it returns the
    // transaction's signature, because reporting a landed payment as failed is worse.
    QFuture<Result<QString>> sendTransaction(const QByteArray &wire,
                                             const SendOptions &options = {});
    QFuture<Result<QString>> sendTransaction(const Transaction &transaction,
                                             const SendOptions &options = {});
    QFuture<Result<SimulationResult>> simulateTransaction(const QByteArray &wire,
                                                          const SimulateOptions &options = {});
    // One entry per signature (nullopt: unknown to the node), at most MaxSignaturesPerCall.
    QFuture<Result<QList<std::optional<SignatureStatus>>>>
    getSignatureStatuses(const QStringList &signatures, bool searchTransactionHistory = false);
    // getSignatureStatuses and getBlockHeight in one HTTP round trip (a JSON-RPC batch).
    QFuture<Result<StatusesAndHeight>>
    getSignatureStatusesAndBlockHeight(const QStringList &signatures);
    // The fee for these message bytes; nullopt when its blockhash is no longer valid.
    QFuture<Result<std::optional<std::uint64_t>>> getFeeForMessage(const QByteArray &messageBytes);
    QFuture<Result<QList<PrioritizationFee>>>
    getRecentPrioritizationFees(const QList<PublicKey> &writableAccounts = {});
    QFuture<Result<std::uint64_t>> getMinimumBalanceForRentExemption(std::uint64_t dataLength);
    QFuture<Result<QString>> requestAirdrop(const PublicKey &address, std::uint64_t lamports);
    QFuture<Result<std::uint64_t>> getBlockHeight();
    QFuture<Result<void>> getHealth();

    // Any method: the JSON-RPC `result`, or the error object mapped as described above.
    QFuture<Result<QJsonValue>> call(const QString &method, const QJsonArray &params, Retry retry);

    // The JSON-RPC error code inside an error this client produced from an error object
    // ("RPC error -32002: …"); nullopt for transport errors.
    static std::optional<int> rpcErrorCode(const Error &error);

signals:
    // A failed attempt of `methods` (comma-separated for a batch) will be retried after
    // `delayMs`; `attempt` is the number of attempts made so far. For progress display and logs.
    void retryScheduled(const QString &methods, int attempt, int delayMs, const QString &reason);

private:
    struct Pending;
    struct Request
    {
        QString method;
        QJsonArray params;
    };
    using BatchResults = std::vector<Result<QJsonValue>>;

    void send(const std::shared_ptr<Pending> &pending);
    void attemptFinished(const std::shared_ptr<Pending> &pending, QNetworkReply *reply,
                         bool timedOut);
    // `recover` may turn a JSON-RPC error object into a result (nullopt: it stays an error).
    using Recover = std::function<std::optional<QJsonValue>(const QJsonObject &error)>;
    void callRaw(const QString &method, const QJsonArray &params, Retry retry,
                 std::function<void(Result<QJsonValue>)> done, Recover recover = {});
    void batchRaw(const QList<Request> &requests, Retry retry,
                  std::function<void(Result<BatchResults>)> done);
    template<typename T, typename Parser>
    QFuture<Result<T>> single(const QString &method, const QJsonArray &params, Retry retry,
                              Parser parser, Recover recover = {});
    QJsonObject commitmentConfig(bool atLeastConfirmed = false) const;

    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    RetryPolicy m_policy;
    Commitment m_commitment = Commitment::Confirmed;
    QNetworkAccessManager *m_network = nullptr;
    qint64 m_nextId = 1;
};

} // namespace ovpp::core
