#include "RpcClient.h"

#include "RpcJson.h"
#include "RpcLogging.h"
#include "RpcResultParser.h"

#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <cstring>

namespace ovpp::core {

struct RpcClient::Pending
{
    QByteArray body;
    QString methods; // for messages and logs
    bool retryAllowed = false;
    int attempts = 0;
    std::function<void(Result<QJsonDocument>)> done;
};

namespace {

QString commitmentName(Commitment commitment)
{
    switch (commitment) {
    case Commitment::Processed:
        return QStringLiteral("processed");
    case Commitment::Confirmed:
        return QStringLiteral("confirmed");
    case Commitment::Finalized:
        break;
    }
    return QStringLiteral("finalized");
}

// What the user may see of the endpoint: scheme, host and port. Paths and queries of paid
// providers often hold the API key.
QString endpointName(const QUrl &url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                  | QUrl::RemoveUserInfo)
        .toString();
}

// A request body that goes out at most once per attempt. Qt's HTTP layer silently re-sends a
// request whose connection dropped before any answer byte arrived (up to twice, whatever the
// method). For sendTransaction and requestAirdrop that would be a blind retry hidden from us,
// and for reads it would bypass the retry policy (no backoff, attempts not counted). Qt can
// only re-send what it can rewind; this device cannot be rewound, so Qt reports
// ContentReSendError instead (with DoNotBufferUploadDataAttribute set, Qt reads the device as
// it writes instead of copying it into a rewindable buffer first).
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override
    {
        return (m_data.size() - m_position) + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_position);
        if (n <= 0)
            return m_position >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

template<typename T> QFuture<Result<T>> readyFuture(Result<T> result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

// The `result` or error of one response object.
Result<QJsonValue> responseResult(const QJsonObject &response, const char *method)
{
    if (response.contains(QLatin1String("error")))
        return RpcResultParser::rpcError(response.value(QLatin1String("error")).toObject(), method);
    if (!response.contains(QLatin1String("result")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("RPC response to %1 has neither result nor error")
                             .arg(QLatin1String(method)));
    return response.value(QLatin1String("result"));
}

QJsonArray keysToJson(const QList<PublicKey> &keys)
{
    QJsonArray out;
    for (const PublicKey &key : keys)
        out.append(key.toBase58());
    return out;
}

} // namespace

RpcClient::RpcClient(const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_network(new QNetworkAccessManager(this))
{ }

RpcClient::~RpcClient() = default;

void RpcClient::setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_headers = headers;
}

QJsonObject RpcClient::commitmentConfig(bool atLeastConfirmed) const
{
    Commitment commitment = m_commitment;
    if (atLeastConfirmed && commitment == Commitment::Processed)
        commitment = Commitment::Confirmed;
    return QJsonObject {{QStringLiteral("commitment"), commitmentName(commitment)}};
}

void RpcClient::send(const std::shared_ptr<Pending> &pending)
{
    ++pending->attempts;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);
    // Every attempt is one that we count and schedule: no hidden re-sends by Qt (see OneShotBody).
    request.setHeader(QNetworkRequest::ContentLengthHeader, pending->body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotBody(pending->body, nullptr);
    QNetworkReply *reply = m_network->post(request, body);
    body->setParent(reply);
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_policy.timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply, timedOut] {
        reply->deleteLater();
        attemptFinished(pending, reply, *timedOut);
    });
}

void RpcClient::attemptFinished(const std::shared_ptr<Pending> &pending, QNetworkReply *reply,
                                bool timedOut)
{
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString where = endpointName(m_url);

    bool retryable = true;
    std::optional<qint64> retryAfterMs;
    QString problem;
    if (timedOut) {
        problem
            = QStringLiteral("no answer from %1 within %2 ms").arg(where).arg(m_policy.timeoutMs);
    } else if (status == 0
               && (reply->error() == QNetworkReply::ContentReSendError
                   || reply->error() == QNetworkReply::RemoteHostClosedError)) {
        // Sent, then the connection dropped (Qt wanted to re-send, OneShotBody refused).
        problem = QStringLiteral("the connection to %1 closed before an answer arrived; the "
                                 "request may have been processed")
                      .arg(where);
    } else if (status == 0) {
        problem = QStringLiteral("could not talk to %1: %2").arg(where, reply->errorString());
    } else if (status == 429 || status >= 500) {
        problem = QStringLiteral("%1 answered HTTP %2 %3")
                      .arg(where)
                      .arg(status)
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        if (reply->hasRawHeader("Retry-After"))
            retryAfterMs = RetryPolicy::parseRetryAfterMs(reply->rawHeader("Retry-After"),
                                                          QDateTime::currentDateTimeUtc());
    } else if (status != 200) {
        // 401/403/404…: asking again will not help; most often a wrong URL or API key.
        retryable = false;
        problem = QStringLiteral("%1 answered HTTP %2 %3: %4; check the RPC URL and its API key")
                      .arg(where)
                      .arg(status)
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                           QString::fromUtf8(body.left(200)));
    } else {
        auto document = RpcJson::parse(body);
        if (document) {
            pending->done(std::move(document).value());
            return;
        }
        problem
            = QStringLiteral("malformed answer from %1: %2").arg(where, document.error().detail);
    }

    if (retryable && pending->retryAllowed && pending->attempts < m_policy.maxAttempts) {
        if (retryAfterMs && *retryAfterMs > m_policy.maxRetryAfterMs) {
            pending->done(
                makeError(ErrorCode::Unavailable,
                          QStringLiteral("%1: %2; it asks to wait %3 s before trying again")
                              .arg(pending->methods, problem)
                              .arg(*retryAfterMs / 1000)));
            return;
        }
        const int delay = m_policy.delayMs(
            pending->attempts, QRandomGenerator::global()->generateDouble(), retryAfterMs);
        qCInfo(lcRpc).noquote() << pending->methods << "attempt" << pending->attempts << "failed ("
                                << problem << "); retrying in" << delay << "ms";
        emit retryScheduled(pending->methods, pending->attempts, delay, problem);
        QTimer::singleShot(delay, this, [this, pending] { send(pending); });
        return;
    }
    qCWarning(lcRpc).noquote() << pending->methods << "failed after" << pending->attempts
                               << "attempt(s):" << problem;
    const QString attempts = pending->attempts > 1
        ? QStringLiteral(" (after %1 attempts)").arg(pending->attempts)
        : QString();
    pending->done(makeError(ErrorCode::Unavailable,
                            QStringLiteral("%1: %2%3").arg(pending->methods, problem, attempts)));
}

void RpcClient::callRaw(const QString &method, const QJsonArray &params, Retry retry,
                        std::function<void(Result<QJsonValue>)> done, Recover recover)
{
    const qint64 id = m_nextId++;
    QJsonObject request {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("method"), method},
                         {QStringLiteral("params"), params}};
    auto pending = std::make_shared<Pending>();
    pending->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    pending->methods = method;
    pending->retryAllowed = retry == Retry::Allowed;
    pending->done = [method, id, done = std::move(done),
                     recover = std::move(recover)](Result<QJsonDocument> document) {
        const QByteArray name = method.toLatin1();
        if (!document)
            return done(document.error());
        const QJsonObject response = document->object();
        if (!document->isObject()
            || (response.value(QLatin1String("id")).toInteger(-1) != id
                && !response.value(QLatin1String("id")).isNull())) {
            return done(makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("RPC response to %1 does not match the request").arg(method)));
        }
        if (recover && response.contains(QLatin1String("error"))) {
            if (auto value = recover(response.value(QLatin1String("error")).toObject()))
                return done(*value);
        }
        done(responseResult(response, name.constData()));
    };
    send(pending);
}

void RpcClient::batchRaw(const QList<Request> &requests, Retry retry,
                         std::function<void(Result<BatchResults>)> done)
{
    QJsonArray batch;
    QList<qint64> ids;
    QStringList names;
    for (const Request &r : requests) {
        const qint64 id = m_nextId++;
        ids.append(id);
        names.append(r.method);
        batch.append(QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), id},
                                  {QStringLiteral("method"), r.method},
                                  {QStringLiteral("params"), r.params}});
    }
    auto pending = std::make_shared<Pending>();
    pending->body = QJsonDocument(batch).toJson(QJsonDocument::Compact);
    pending->methods = names.join(QLatin1Char(','));
    pending->retryAllowed = retry == Retry::Allowed;
    pending->done = [ids, names, done = std::move(done)](Result<QJsonDocument> document) {
        if (!document)
            return done(document.error());
        if (document->isObject()) { // the whole batch was refused (e.g. parse error)
            const QJsonObject error = document->object().value(QLatin1String("error")).toObject();
            return done(error.isEmpty()
                            ? makeError(ErrorCode::InvalidArgument,
                                        QStringLiteral("RPC batch answered with one object"))
                            : RpcResultParser::rpcError(error, "batch"));
        }
        // Responses may come in any order: match them by id.
        QHash<qint64, QJsonObject> byId;
        for (const QJsonValue &item : document->array()) {
            const QJsonObject o = item.toObject();
            byId.insert(o.value(QLatin1String("id")).toInteger(-1), o);
        }
        BatchResults results;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QByteArray name = names.at(i).toLatin1();
            const auto it = byId.constFind(ids.at(i));
            if (it == byId.constEnd())
                return done(makeError(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("RPC batch answer lacks the %1 response").arg(names.at(i))));
            results.push_back(responseResult(*it, name.constData()));
        }
        done(std::move(results));
    };
    send(pending);
}

template<typename T, typename Parser>
QFuture<Result<T>> RpcClient::single(const QString &method, const QJsonArray &params, Retry retry,
                                     Parser parser, Recover recover)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    callRaw(
        method, params, retry,
        [promise, parser](Result<QJsonValue> result) {
            promise->addResult(result ? parser(result.value()) : Result<T>(result.error()));
            promise->finish();
        },
        std::move(recover));
    return future;
}

QFuture<Result<QJsonValue>> RpcClient::call(const QString &method, const QJsonArray &params,
                                            Retry retry)
{
    return single<QJsonValue>(method, params, retry,
                              [](const QJsonValue &v) { return Result<QJsonValue>(v); });
}

QFuture<Result<LatestBlockhash>> RpcClient::getLatestBlockhash()
{
    return single<LatestBlockhash>(QStringLiteral("getLatestBlockhash"),
                                   QJsonArray {commitmentConfig()}, Retry::Allowed,
                                   &RpcResultParser::latestBlockhash);
}

QFuture<Result<std::uint64_t>> RpcClient::getBalance(const PublicKey &address)
{
    return single<std::uint64_t>(
        QStringLiteral("getBalance"), QJsonArray {address.toBase58(), commitmentConfig()},
        Retry::Allowed,
        [](const QJsonValue &r) { return RpcResultParser::contextU64(r, "getBalance"); });
}

QFuture<Result<std::optional<OnChainAccount>>> RpcClient::getAccountInfo(const PublicKey &address)
{
    QJsonObject config = commitmentConfig();
    config.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    return single<std::optional<OnChainAccount>>(QStringLiteral("getAccountInfo"),
                                                 QJsonArray {address.toBase58(), config},
                                                 Retry::Allowed, &RpcResultParser::accountInfo);
}

QFuture<Result<QList<std::optional<OnChainAccount>>>>
RpcClient::getMultipleAccounts(const QList<PublicKey> &addresses)
{
    using Accounts = QList<std::optional<OnChainAccount>>;
    if (addresses.isEmpty())
        return readyFuture(Result<Accounts>(Accounts {}));
    QJsonObject config = commitmentConfig();
    config.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    QList<Request> requests;
    for (qsizetype i = 0; i < addresses.size(); i += MaxAccountsPerCall)
        requests.append({QStringLiteral("getMultipleAccounts"),
                         QJsonArray {keysToJson(addresses.mid(i, MaxAccountsPerCall)), config}});
    auto promise = std::make_shared<QPromise<Result<Accounts>>>();
    promise->start();
    QFuture<Result<Accounts>> future = promise->future();
    const qsizetype expected = addresses.size();
    batchRaw(requests, Retry::Allowed, [promise, expected](Result<BatchResults> results) {
        Result<Accounts> out = Accounts {};
        if (!results) {
            out = results.error();
        } else {
            for (const Result<QJsonValue> &chunk : results.value()) {
                auto parsed = chunk ? RpcResultParser::multipleAccounts(chunk.value())
                                    : Result<Accounts>(chunk.error());
                if (!parsed) {
                    out = parsed.error();
                    break;
                }
                out->append(parsed.value());
            }
            if (out && out->size() != expected)
                out = makeError(ErrorCode::InvalidArgument,
                                QStringLiteral("getMultipleAccounts answered %1 accounts for %2")
                                    .arg(out->size())
                                    .arg(expected));
        }
        promise->addResult(std::move(out));
        promise->finish();
    });
    return future;
}

QFuture<Result<QList<TokenAccount>>>
RpcClient::getTokenAccountsByOwner(const PublicKey &owner, const TokenAccountFilter &filter)
{
    if (filter.mint.has_value() == filter.programId.has_value())
        return readyFuture(Result<QList<TokenAccount>>(makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("getTokenAccountsByOwner needs either a mint or a program id"))));
    const QJsonObject selector = filter.mint
        ? QJsonObject {{QStringLiteral("mint"), filter.mint->toBase58()}}
        : QJsonObject {{QStringLiteral("programId"), filter.programId->toBase58()}};
    QJsonObject config = commitmentConfig();
    config.insert(QStringLiteral("encoding"), QStringLiteral("jsonParsed"));
    return single<QList<TokenAccount>>(QStringLiteral("getTokenAccountsByOwner"),
                                       QJsonArray {owner.toBase58(), selector, config},
                                       Retry::Allowed, &RpcResultParser::tokenAccounts);
}

QFuture<Result<QList<SignatureInfo>>>
RpcClient::getSignaturesForAddress(const PublicKey &address, const SignaturesQuery &query)
{
    if (query.limit < 1 || query.limit > 1000)
        return readyFuture(Result<QList<SignatureInfo>>(
            makeError(ErrorCode::InvalidArgument,
                      QStringLiteral("getSignaturesForAddress: limit must be 1 to 1000"))));
    QJsonObject config = commitmentConfig(true);
    config.insert(QStringLiteral("limit"), query.limit);
    if (!query.before.isEmpty())
        config.insert(QStringLiteral("before"), query.before);
    if (!query.until.isEmpty())
        config.insert(QStringLiteral("until"), query.until);
    return single<QList<SignatureInfo>>(QStringLiteral("getSignaturesForAddress"),
                                        QJsonArray {address.toBase58(), config}, Retry::Allowed,
                                        &RpcResultParser::signatures);
}

QFuture<Result<std::optional<FetchedTransaction>>>
RpcClient::getTransaction(const QString &signature)
{
    QJsonObject config = commitmentConfig(true);
    config.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    // Without it a v0 transaction is an error (-32015) instead of a result.
    config.insert(QStringLiteral("maxSupportedTransactionVersion"), 0);
    return single<std::optional<FetchedTransaction>>(QStringLiteral("getTransaction"),
                                                     QJsonArray {signature, config}, Retry::Allowed,
                                                     &RpcResultParser::transaction);
}

QFuture<Result<QString>> RpcClient::sendTransaction(const QByteArray &wire,
                                                    const SendOptions &options)
{
    // The node's default encoding is base58: always say base64.
    QJsonObject config {
        {QStringLiteral("encoding"), QStringLiteral("base64")},
        {QStringLiteral("skipPreflight"), options.skipPreflight},
        {QStringLiteral("preflightCommitment"), commitmentName(options.preflightCommitment)}};
    if (options.maxRetries)
        config.insert(QStringLiteral("maxRetries"), *options.maxRetries);
    Recover alreadyProcessed = [wire](const QJsonObject &error) -> std::optional<QJsonValue> {
        const QJsonValue err
            = error.value(QLatin1String("data")).toObject().value(QLatin1String("err"));
        if (error.value(QLatin1String("code")).toInt() != -32002
            || err.toString() != QLatin1String("AlreadyProcessed"))
            return std::nullopt;
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(wire.constData());
        auto tx = Transaction::deserialize({bytes, static_cast<std::size_t>(wire.size())});
        if (!tx)
            return std::nullopt;
        return QJsonValue(tx->id());
    };
    return single<QString>(
        QStringLiteral("sendTransaction"),
        QJsonArray {QString::fromLatin1(wire.toBase64()), config}, Retry::Never,
        [](const QJsonValue &r) { return RpcResultParser::signature(r, "sendTransaction"); },
        std::move(alreadyProcessed));
}

QFuture<Result<QString>> RpcClient::sendTransaction(const Transaction &transaction,
                                                    const SendOptions &options)
{
    if (!transaction.isFullySigned())
        return readyFuture(Result<QString>(
            makeError(ErrorCode::InvalidArgument,
                      QStringLiteral("sendTransaction: the transaction is not fully signed"))));
    auto wire = transaction.serialize();
    if (!wire)
        return readyFuture(Result<QString>(wire.error()));
    return sendTransaction(wire.value(), options);
}

QFuture<Result<SimulationResult>> RpcClient::simulateTransaction(const QByteArray &wire,
                                                                 const SimulateOptions &options)
{
    if (options.sigVerify && options.replaceRecentBlockhash)
        return readyFuture(Result<SimulationResult>(
            makeError(ErrorCode::InvalidArgument,
                      QStringLiteral("simulateTransaction: sigVerify and replaceRecentBlockhash "
                                     "cannot be combined"))));
    QJsonObject config = commitmentConfig();
    config.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    config.insert(QStringLiteral("sigVerify"), options.sigVerify);
    config.insert(QStringLiteral("replaceRecentBlockhash"), options.replaceRecentBlockhash);
    return single<SimulationResult>(QStringLiteral("simulateTransaction"),
                                    QJsonArray {QString::fromLatin1(wire.toBase64()), config},
                                    Retry::Allowed, &RpcResultParser::simulation);
}

QFuture<Result<QList<std::optional<SignatureStatus>>>>
RpcClient::getSignatureStatuses(const QStringList &signatures, bool searchTransactionHistory)
{
    using Statuses = QList<std::optional<SignatureStatus>>;
    if (signatures.size() > MaxSignaturesPerCall)
        return readyFuture(Result<Statuses>(
            makeError(ErrorCode::InvalidArgument,
                      QStringLiteral("getSignatureStatuses takes at most %1 signatures")
                          .arg(MaxSignaturesPerCall))));
    return single<Statuses>(QStringLiteral("getSignatureStatuses"),
                            QJsonArray {QJsonArray::fromStringList(signatures),
                                        QJsonObject {{QStringLiteral("searchTransactionHistory"),
                                                      searchTransactionHistory}}},
                            Retry::Allowed, &RpcResultParser::signatureStatuses);
}

QFuture<Result<StatusesAndHeight>>
RpcClient::getSignatureStatusesAndBlockHeight(const QStringList &signatures)
{
    if (signatures.size() > MaxSignaturesPerCall)
        return readyFuture(Result<StatusesAndHeight>(
            makeError(ErrorCode::InvalidArgument,
                      QStringLiteral("getSignatureStatuses takes at most %1 signatures")
                          .arg(MaxSignaturesPerCall))));
    const QList<Request> requests {
        {QStringLiteral("getSignatureStatuses"),
         QJsonArray {QJsonArray::fromStringList(signatures),
                     QJsonObject {{QStringLiteral("searchTransactionHistory"), false}}}},
        {QStringLiteral("getBlockHeight"), QJsonArray {commitmentConfig()}}};
    auto promise = std::make_shared<QPromise<Result<StatusesAndHeight>>>();
    promise->start();
    QFuture<Result<StatusesAndHeight>> future = promise->future();
    batchRaw(requests, Retry::Allowed, [promise](Result<BatchResults> results) {
        Result<StatusesAndHeight> out = StatusesAndHeight {};
        if (!results) {
            out = results.error();
        } else {
            const Result<QJsonValue> &statusesJson = results->at(0);
            const Result<QJsonValue> &heightJson = results->at(1);
            auto statuses = statusesJson
                ? RpcResultParser::signatureStatuses(statusesJson.value())
                : Result<QList<std::optional<SignatureStatus>>>(statusesJson.error());
            auto height = heightJson ? RpcResultParser::u64(heightJson.value(), "getBlockHeight")
                                     : Result<std::uint64_t>(heightJson.error());
            if (!statuses)
                out = statuses.error();
            else if (!height)
                out = height.error();
            else
                out = StatusesAndHeight {statuses.value(), height.value()};
        }
        promise->addResult(std::move(out));
        promise->finish();
    });
    return future;
}

QFuture<Result<std::optional<std::uint64_t>>>
RpcClient::getFeeForMessage(const QByteArray &messageBytes)
{
    return single<std::optional<std::uint64_t>>(
        QStringLiteral("getFeeForMessage"),
        QJsonArray {QString::fromLatin1(messageBytes.toBase64()), commitmentConfig()},
        Retry::Allowed, [](const QJsonValue &r) {
            return RpcResultParser::contextOptionalU64(r, "getFeeForMessage");
        });
}

QFuture<Result<QList<PrioritizationFee>>>
RpcClient::getRecentPrioritizationFees(const QList<PublicKey> &writableAccounts)
{
    QJsonArray params;
    if (!writableAccounts.isEmpty())
        params.append(keysToJson(writableAccounts));
    return single<QList<PrioritizationFee>>(QStringLiteral("getRecentPrioritizationFees"), params,
                                            Retry::Allowed, &RpcResultParser::prioritizationFees);
}

QFuture<Result<std::uint64_t>>
RpcClient::getMinimumBalanceForRentExemption(std::uint64_t dataLength)
{
    return single<std::uint64_t>(QStringLiteral("getMinimumBalanceForRentExemption"),
                                 QJsonArray {static_cast<qint64>(dataLength), commitmentConfig()},
                                 Retry::Allowed, [](const QJsonValue &r) {
                                     return RpcResultParser::u64(
                                         r, "getMinimumBalanceForRentExemption");
                                 });
}

QFuture<Result<QString>> RpcClient::requestAirdrop(const PublicKey &address, std::uint64_t lamports)
{
    if (lamports > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max()))
        return readyFuture(Result<QString>(
            makeError(ErrorCode::InvalidArgument, QStringLiteral("airdrop amount too large"))));
    return single<QString>(
        QStringLiteral("requestAirdrop"),
        QJsonArray {address.toBase58(), static_cast<qint64>(lamports), commitmentConfig()},
        Retry::Never,
        [](const QJsonValue &r) { return RpcResultParser::signature(r, "requestAirdrop"); });
}

QFuture<Result<std::uint64_t>> RpcClient::getBlockHeight()
{
    return single<std::uint64_t>(
        QStringLiteral("getBlockHeight"), QJsonArray {commitmentConfig()}, Retry::Allowed,
        [](const QJsonValue &r) { return RpcResultParser::u64(r, "getBlockHeight"); });
}

QFuture<Result<void>> RpcClient::getHealth()
{
    return single<void>(
        QStringLiteral("getHealth"), QJsonArray {}, Retry::Allowed,
        [](const QJsonValue &r) -> Result<void> {
            if (r.toString() == QLatin1String("ok"))
                return {};
            return makeError(
                ErrorCode::Unavailable,
                QStringLiteral("getHealth: node reports %1").arg(r.toVariant().toString()));
        });
}

std::optional<int> RpcClient::rpcErrorCode(const Error &error)
{
    static const QRegularExpression pattern(QStringLiteral("^RPC error (-?\\d+):"));
    const auto match = pattern.match(error.detail);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

} // namespace ovpp::core
