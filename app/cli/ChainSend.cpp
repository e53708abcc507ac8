#include "ChainSend.h"

#include "solana/send/Sender.h"

#include <QDir>
#include <QEventLoop>
#include <QStandardPaths>

namespace ovpp::cli::chain {

using namespace core;

namespace {

const QString PriceOption = QStringLiteral("with-compute-unit-price");
const QString CommitmentOption = QStringLiteral("commitment");

Outcome<SendState> targetState(const Invocation &in)
{
    const QString value = in.line.value(CommitmentOption);
    if (value.isEmpty() || value == QLatin1String("confirmed"))
        return SendState::Confirmed;
    if (value == QLatin1String("finalized"))
        return SendState::Finalized;
    return usageFailure(
        QStringLiteral("--commitment is confirmed or finalized, not %1").arg(value));
}

// The journal keeps every signed transaction before it leaves, as in the desktop app, so a
// send interrupted by a crash can still be looked up (ovpp confirm SIGNATURE).
QString journalPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("send-journal.sqlite"));
}

Failure prepareFailure(const Error &error, const Cluster &cluster)
{
    if (error.code != ErrorCode::InvalidArgument)
        return rpcFailure(error, cluster);
    const QString detail = error.detail;
    // The System program says "insufficient lamports", the Token program "insufficient funds";
    // a payer the chain has never seen cannot pay the fee.
    if (detail.contains(QLatin1String("insufficient"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("AccountNotFound"))
        || detail.contains(QLatin1String("InsufficientFundsForFee"))) {
        return userFailure(QStringLiteral("insufficient-funds"),
                           QStringLiteral("not enough funds: %1").arg(detail));
    }
    return userFailure(QStringLiteral("simulation-failed"), detail);
}

} // namespace

const QStringList &sendOptions()
{
    static const QStringList options {PriceOption, CommitmentOption};
    return options;
}

Outcome<std::uint64_t> computeUnitPrice(const Invocation &in)
{
    if (!in.line.has(PriceOption))
        return std::uint64_t {0};
    bool ok = false;
    const qulonglong price = in.line.value(PriceOption).toULongLong(&ok);
    if (!ok) {
        return usageFailure(QStringLiteral("--with-compute-unit-price is a whole number of "
                                           "micro-lamports per compute unit, not %1")
                                .arg(in.line.value(PriceOption)));
    }
    return std::uint64_t {price};
}

Outcome<PendingSend> sendAndFollow(const Invocation &in, RpcClient &rpc, const Cluster &cluster,
                                   const Keypair &signer, const QList<Instruction> &instructions)
{
    auto target = targetState(in);
    if (!target.ok())
        return target.failure();
    auto price = computeUnitPrice(in);
    if (!price.ok())
        return price.failure();

    Sender sender(&rpc, journalPath());
    if (auto opened = sender.open(); !opened.ok())
        return failureFrom(opened.error(), QStringLiteral("the send journal"));
    sender.setTargetState(target.value());

    SendRequest request;
    request.feePayer = signer.publicKey();
    request.instructions = instructions;
    request.computeUnitPrice = price.value();
    auto prepared = await(sender.prepare(request));
    if (!prepared.ok())
        return prepareFailure(prepared.error(), cluster);
    in.out.note(QStringLiteral("Fee: %1").arg(solText(prepared->fee)));

    auto submitted = sender.submit(prepared.value(), signer);
    if (!submitted.ok())
        return failureFrom(submitted.error(), QStringLiteral("the transaction"));
    const QString id = submitted->signature;
    in.out.note(QStringLiteral("Signature: %1").arg(id));

    std::optional<PendingSend> final;
    QEventLoop loop;
    QObject::connect(&sender, &Sender::stateChanged, &loop, [&](const PendingSend &send) {
        if (send.signature == id && !isFinalSendState(send.state))
            in.out.note(QStringLiteral("  %1").arg(sendStateName(send.state)));
    });
    QObject::connect(&sender, &Sender::finished, &loop, [&](const PendingSend &send) {
        if (send.signature != id)
            return;
        final = send;
        loop.quit();
    });
    if (!final)
        loop.exec();

    switch (final->state) {
    case SendState::Confirmed:
    case SendState::Finalized:
        return *final;
    case SendState::Expired:
        return userFailure(QStringLiteral("expired"),
                           QStringLiteral("transaction %1 expired before it landed (its "
                                          "blockhash is too old now); no money moved — run the "
                                          "command again")
                               .arg(id));
    default:
        return userFailure(QStringLiteral("transaction-failed"),
                           QStringLiteral("transaction %1 failed: %2 — nothing was "
                                          "transferred")
                               .arg(id, final->error));
    }
}

QJsonObject sendJson(const PendingSend &send)
{
    return {{QStringLiteral("signature"), send.signature},
            {QStringLiteral("state"), sendStateName(send.state)},
            {QStringLiteral("fee"), units(send.fee)},
            {QStringLiteral("slot"), units(send.slot)}};
}

} // namespace ovpp::cli::chain
