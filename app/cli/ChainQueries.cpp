#include "ChainQueries.h"

#include "solana/ProgramIds.h"
#include "solana/TransactionDecoder.h"
#include "solana/pay/PaymentAmount.h"

#include <QDateTime>
#include <QJsonDocument>

namespace ovpp::cli::chain {

using namespace core;

namespace {

QString timeText(const std::optional<std::int64_t> &blockTime)
{
    if (!blockTime)
        return {};
    return QDateTime::fromSecsSinceEpoch(*blockTime, Qt::UTC).toString(Qt::ISODate);
}

QString tokenName(const QString &mint, const Cluster &cluster)
{
    auto key = PublicKey::fromBase58(mint);
    if (key.ok()) {
        const QString name = mintName(key.value(), cluster);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("tokens of mint %1").arg(mint);
}

QString lamportsText(const QJsonValue &value)
{
    const auto lamports = TransactionDecoder::toU64(value);
    return lamports ? solText(*lamports) : QStringLiteral("? SOL");
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

Outcome<QList<TokenAccount>> tokenAccounts(RpcClient &rpc, const Cluster &cluster,
                                           const PublicKey &owner)
{
    // Both programs at once; the client sends them concurrently.
    auto classic = rpc.getTokenAccountsByOwner(owner, {std::nullopt, programs::tokenProgram()});
    auto extended
        = rpc.getTokenAccountsByOwner(owner, {std::nullopt, programs::token2022Program()});
    auto first = await(classic);
    auto second = await(extended);
    if (!first.ok())
        return rpcFailure(first.error(), cluster);
    if (!second.ok())
        return rpcFailure(second.error(), cluster);
    return first.value() + second.value();
}

QJsonObject tokenAccountJson(const TokenAccount &account, const Cluster &cluster)
{
    const QString name = mintName(account.mint, cluster);
    return {{QStringLiteral("address"), account.address.toBase58()},
            {QStringLiteral("mint"), account.mint.toBase58()},
            {QStringLiteral("token"), name.isEmpty() ? QJsonValue() : QJsonValue(name)},
            {QStringLiteral("owner"), account.owner.toBase58()},
            {QStringLiteral("program"), account.program.toBase58()},
            {QStringLiteral("amount"), units(account.amount)},
            {QStringLiteral("decimals"), account.decimals},
            {QStringLiteral("uiAmount"),
             PaymentAmount::fromBaseUnits(account.amount, account.decimals)},
            {QStringLiteral("state"), account.state}};
}

QString tokenAccountLine(const TokenAccount &account, const Cluster &cluster)
{
    const QString name = mintName(account.mint, cluster);
    const QString amount = PaymentAmount::fromBaseUnits(account.amount, account.decimals);
    QString text = QStringLiteral("  %1  %2 %3")
                       .arg(account.address.toBase58(), amount,
                            name.isEmpty() ? QStringLiteral("tokens") : name);
    text += QStringLiteral("  (mint %1").arg(account.mint.toBase58());
    if (account.state != QLatin1String("initialized") && !account.state.isEmpty())
        text += QStringLiteral(", %1").arg(account.state);
    return text + u')';
}

Outcome<QList<HistoryEntry>> history(RpcClient &rpc, const Cluster &cluster,
                                     const PublicKey &address, int limit)
{
    SignaturesQuery query;
    query.limit = limit;
    auto signatures = await(rpc.getSignaturesForAddress(address, query));
    if (!signatures.ok())
        return rpcFailure(signatures.error(), cluster);
    // Ask for every transaction first, then collect: the requests travel together.
    QList<QFuture<Result<std::optional<FetchedTransaction>>>> pending;
    for (const SignatureInfo &info : signatures.value())
        pending.append(rpc.getTransaction(info.signature));
    QList<HistoryEntry> entries;
    for (qsizetype i = 0; i < pending.size(); ++i) {
        auto fetched = await(pending.at(i));
        if (!fetched.ok())
            return rpcFailure(fetched.error(), cluster);
        HistoryEntry entry;
        entry.info = signatures->at(i);
        entry.transaction = fetched.value();
        if (entry.transaction) {
            entry.instructions = TransactionDecoder::decodeInstructions(
                entry.transaction->transaction.message(), entry.transaction->loadedAddresses);
        }
        entries.append(entry);
    }
    return entries;
}

QString describeInstruction(const QJsonObject &instruction, const Cluster &cluster)
{
    const QString program = instruction.value(QStringLiteral("program")).toString();
    const QJsonValue parsed = instruction.value(QStringLiteral("parsed"));
    if (program == QLatin1String("spl-memo"))
        return QStringLiteral("memo \"%1\"").arg(parsed.toString());
    if (!parsed.isObject()) {
        return QStringLiteral("program %1: %2 account(s), data %3")
            .arg(instruction.value(QStringLiteral("programId")).toString())
            .arg(instruction.value(QStringLiteral("accounts")).toArray().size())
            .arg(instruction.value(QStringLiteral("data")).toString());
    }
    const QString type = parsed.toObject().value(QStringLiteral("type")).toString();
    const QJsonObject info = parsed.toObject().value(QStringLiteral("info")).toObject();
    const auto s = [&info](const char *key) {
        return info.value(QLatin1String(key)).toString();
    };
    if (program == QLatin1String("system")) {
        if (type == QLatin1String("transfer")) {
            return QStringLiteral("transfer %1 from %2 to %3")
                .arg(lamportsText(info.value(QStringLiteral("lamports"))), s("source"),
                     s("destination"));
        }
        if (type == QLatin1String("createAccount")) {
            return QStringLiteral("create account %1 with %2, owned by %3, paid by %4")
                .arg(s("newAccount"), lamportsText(info.value(QStringLiteral("lamports"))),
                     s("owner"), s("source"));
        }
    }
    if (program == QLatin1String("spl-token")) {
        const QString authority
            = info.contains(QStringLiteral("authority")) ? s("authority") : s("multisigAuthority");
        if (type == QLatin1String("transferChecked")) {
            const QJsonObject amount = info.value(QStringLiteral("tokenAmount")).toObject();
            return QStringLiteral("transfer %1 %2 from %3 to %4 (signed by %5)")
                .arg(amount.value(QStringLiteral("uiAmountString")).toString(),
                     tokenName(s("mint"), cluster), s("source"), s("destination"), authority);
        }
        if (type == QLatin1String("transfer")) {
            return QStringLiteral("transfer %1 base units from %2 to %3 (signed by %4)")
                .arg(s("amount"), s("source"), s("destination"), authority);
        }
    }
    if (program == QLatin1String("spl-associated-token-account")) {
        return QStringLiteral("%1 token account %2 of %3 for %4, paid by %5")
            .arg(type == QLatin1String("createIdempotent") ? QStringLiteral("create (if missing)")
                                                           : QStringLiteral("create"),
                 s("account"), s("wallet"), tokenName(s("mint"), cluster), s("source"));
    }
    if (program == QLatin1String("compute-budget")) {
        if (type == QLatin1String("setComputeUnitPrice"))
            return QStringLiteral("priority fee %1 micro-lamports per compute unit")
                .arg(compact(info.value(QStringLiteral("microLamports"))));
        if (type == QLatin1String("setComputeUnitLimit"))
            return QStringLiteral("compute unit limit %1")
                .arg(compact(info.value(QStringLiteral("units"))));
    }
    return QStringLiteral("%1 %2 %3").arg(program, type, compact(info));
}

QJsonObject historyJson(const HistoryEntry &entry)
{
    QJsonObject object {
        {QStringLiteral("signature"), entry.info.signature},
        {QStringLiteral("slot"), units(entry.info.slot)},
        {QStringLiteral("blockTime"),
         entry.info.blockTime ? QJsonValue(static_cast<qint64>(*entry.info.blockTime))
                              : QJsonValue()},
        {QStringLiteral("time"),
         entry.info.blockTime ? QJsonValue(timeText(entry.info.blockTime)) : QJsonValue()},
        {QStringLiteral("status"),
         entry.info.err ? QStringLiteral("failed") : QStringLiteral("ok")},
        {QStringLiteral("err"), entry.info.err ? QJsonValue(*entry.info.err) : QJsonValue()},
        {QStringLiteral("confirmationStatus"), entry.info.confirmationStatus},
        {QStringLiteral("instructions"), entry.instructions},
    };
    object.insert(QStringLiteral("fee"),
                  entry.transaction ? units(entry.transaction->fee) : QJsonValue());
    return object;
}

QStringList historyLines(const HistoryEntry &entry, const Cluster &cluster)
{
    QString header = entry.info.signature;
    header += QStringLiteral("  %1").arg(
        entry.info.err ? QStringLiteral("FAILED %1").arg(*entry.info.err) : QStringLiteral("ok"));
    if (entry.info.blockTime)
        header += QStringLiteral("  %1").arg(timeText(entry.info.blockTime));
    header += QStringLiteral("  slot %1").arg(entry.info.slot);
    if (entry.transaction)
        header += QStringLiteral("  fee %1").arg(solText(entry.transaction->fee));
    QStringList lines {header};
    if (!entry.transaction)
        lines.append(QStringLiteral("    (the node no longer has this transaction)"));
    for (const QJsonValue &instruction : entry.instructions)
        lines.append(QStringLiteral("    ") + describeInstruction(instruction.toObject(), cluster));
    return lines;
}

} // namespace ovpp::cli::chain
