#include "ChainInspectCommands.h"

#include "ChainQueries.h"
#include "ChainSigner.h"
#include "ChainSupport.h"
#include "solana/Transaction.h"
#include "solana/TransactionDecoder.h"
#include "solana/pay/PaymentAmount.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ovpp::cli {

using namespace core;

namespace {

const QString LimitOption = QStringLiteral("limit");
constexpr int DefaultHistoryLimit = 10;
constexpr int MaxHistoryLimit = 1000;

Outcome<int> limit(const Invocation &in)
{
    if (!in.line.has(LimitOption))
        return DefaultHistoryLimit;
    bool ok = false;
    const int value = in.line.value(LimitOption).toInt(&ok);
    if (!ok || value < 1 || value > MaxHistoryLimit) {
        return usageFailure(QStringLiteral("--limit is a number from 1 to %1, not %2")
                                .arg(MaxHistoryLimit)
                                .arg(in.line.value(LimitOption)));
    }
    return value;
}

// --- history -----------------------------------------------------------------------------------

Outcome<void> history(const Invocation &in)
{
    auto count = limit(in);
    if (!count.ok())
        return count.failure();
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    PublicKey address;
    if (!in.arguments.isEmpty()) {
        auto given = chain::address(in.arguments.at(0), QStringLiteral("the address"));
        if (!given.ok())
            return given.failure();
        address = given.value();
    } else {
        auto signer = loadSigner(in, false);
        if (!signer.ok())
            return signer.failure();
        address = signer->address;
    }
    auto rpc = chain::client(cluster.value());
    auto entries = chain::history(*rpc, cluster.value(), address, count.value());
    if (!entries.ok())
        return entries.failure();
    QJsonArray list;
    if (entries->isEmpty())
        in.out.line(QStringLiteral("No transactions for %1").arg(address.toBase58()));
    for (const chain::HistoryEntry &entry : entries.value()) {
        for (const QString &line : chain::historyLines(entry, cluster.value()))
            in.out.line(line);
        list.append(chain::historyJson(entry));
    }
    in.out.document(
        {{QStringLiteral("address"), address.toBase58()}, {QStringLiteral("transactions"), list}});
    return {};
}

// --- inspect -----------------------------------------------------------------------------------

Outcome<void> inspect(const Invocation &in)
{
    auto count = limit(in);
    if (!count.ok())
        return count.failure();
    auto address = chain::address(in.arguments.at(0), QStringLiteral("the address"));
    if (!address.ok())
        return address.failure();
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto rpc = chain::client(cluster.value());
    auto lamports = chain::await(rpc->getBalance(address.value()));
    if (!lamports.ok())
        return chain::rpcFailure(lamports.error(), cluster.value());
    auto tokens = chain::tokenAccounts(*rpc, cluster.value(), address.value());
    if (!tokens.ok())
        return tokens.failure();
    auto entries = chain::history(*rpc, cluster.value(), address.value(), count.value());
    if (!entries.ok())
        return entries.failure();

    in.out.line(QStringLiteral("Address:  %1 (%2)").arg(address->toBase58(), cluster->name));
    in.out.line(QStringLiteral("Balance:  %1").arg(chain::solText(lamports.value())));
    in.out.line(QStringLiteral("Token accounts:%1")
                    .arg(tokens->isEmpty() ? QStringLiteral(" none") : QString()));
    QJsonArray tokenList;
    for (const TokenAccount &account : tokens.value()) {
        in.out.line(chain::tokenAccountLine(account, cluster.value()));
        tokenList.append(chain::tokenAccountJson(account, cluster.value()));
    }
    in.out.line(QStringLiteral("Recent transactions:%1")
                    .arg(entries->isEmpty() ? QStringLiteral(" none") : QString()));
    QJsonArray historyList;
    for (const chain::HistoryEntry &entry : entries.value()) {
        for (const QString &line : chain::historyLines(entry, cluster.value()))
            in.out.line(QStringLiteral("  ") + line);
        historyList.append(chain::historyJson(entry));
    }
    in.out.document({{QStringLiteral("address"), address->toBase58()},
                     {QStringLiteral("cluster"), cluster->name},
                     {QStringLiteral("lamports"), chain::units(lamports.value())},
                     {QStringLiteral("sol"), PaymentAmount::fromBaseUnits(lamports.value(), 9)},
                     {QStringLiteral("tokenAccounts"), tokenList},
                     {QStringLiteral("transactions"), historyList}});
    return {};
}

// --- tx decode ---------------------------------------------------------------------------------

Outcome<void> decode(const Invocation &in)
{
    auto transaction = Transaction::fromBase64(in.arguments.at(0).toLatin1());
    if (!transaction.ok()) {
        return userFailure(QStringLiteral("invalid-transaction"),
                           QStringLiteral("these are not the bytes of a Solana transaction "
                                          "(base64 of the wire format): %1")
                               .arg(transaction.error().detail));
    }
    const QJsonObject decoded = TransactionDecoder::decodeTransaction(transaction.value());
    if (in.out.json()) {
        in.out.document(decoded);
        return {};
    }
    // People get the jsonParsed document too (it is what explorers show), plus a summary.
    const Cluster none;
    in.out.line(QStringLiteral("Signature: %1").arg(transaction->id()));
    const QJsonArray instructions = decoded.value(QStringLiteral("message"))
                                        .toObject()
                                        .value(QStringLiteral("instructions"))
                                        .toArray();
    for (const QJsonValue &instruction : instructions)
        in.out.line(QStringLiteral("  ")
                    + chain::describeInstruction(instruction.toObject(), none));
    in.out.line(
        QString::fromUtf8(QJsonDocument(decoded).toJson(QJsonDocument::Indented)).trimmed());
    return {};
}

} // namespace

QList<Command> chainInspectCommands()
{
    const QString cluster = QStringLiteral(
        R"(  -u, --url URL           the cluster: m, d, t, l or an http(s) RPC URL (default l)
  --usde-mint ADDRESS     the localnet's USDE mint, to name it (or set OVPP_USDE_MINT)
)");
    const QString limitHelp
        = QStringLiteral("  --limit N               how many recent transactions (default 10)\n");
    Command historyCommand = makeCommand(
        QStringLiteral("history"), QString(), QStringLiteral("[ADDRESS] [OPTIONS]"),
        QStringLiteral("list recent transactions of an address, decoded"),
        QStringLiteral("Newest first: status, time, fee and each instruction in words "
                       "(JSON: the RPC's\njsonParsed shape). Without ADDRESS, the signer's "
                       "(--keypair or --vault/--account).\n\n")
            + limitHelp + cluster,
        signerOptions() + chain::clusterOptions() + QStringList {LimitOption}, history);
    historyCommand.maxArguments = 1;
    Command inspectCommand = makeCommand(
        QStringLiteral("inspect"), QString(), QStringLiteral("ADDRESS [OPTIONS]"),
        QStringLiteral("show any address read-only: SOL, token accounts, recent history"),
        QStringLiteral("For support desks: needs no vault and no key.\n\n") + limitHelp + cluster,
        chain::clusterOptions() + QStringList {LimitOption}, inspect);
    inspectCommand.minArguments = 1;
    inspectCommand.maxArguments = 1;
    Command decodeCommand = makeCommand(
        QStringLiteral("tx"), QStringLiteral("decode"), QStringLiteral("BASE64"),
        QStringLiteral("decode a transaction's bytes (offline)"),
        QStringLiteral("Any legacy or v0 transaction, from any wallet. JSON output is the RPC's\n"
                       "getTransaction jsonParsed \"transaction\" field plus \"version\".\n"),
        {}, decode);
    decodeCommand.minArguments = 1;
    decodeCommand.maxArguments = 1;
    return {historyCommand, inspectCommand, decodeCommand};
}

} // namespace ovpp::cli
