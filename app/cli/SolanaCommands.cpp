#include "SolanaCommands.h"

#include "ChainSend.h"
#include "ChainSigner.h"
#include "ChainSupport.h"
#include "PasswordInput.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/SystemProgram.h"
#include "solana/Transaction.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/pay/SolanaPayUrl.h"
#include "solana/pay/TransferBuilder.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

namespace ovpp::cli {

using namespace core;

namespace {

const QString MemoOption = QStringLiteral("with-memo");
const QString SignOnlyOption = QStringLiteral("sign-only");
const QString BlockhashOption = QStringLiteral("blockhash");
const QString YesOption = QStringLiteral("yes");

// Airdrops are confirmed by polling; this bounds the wait (a hang guard, not a deadline anyone
// should meet: a localnet confirms within a second).
constexpr int AirdropPollMs = 300;
constexpr int AirdropMaxPolls = 400;

// The address an optional ADDRESS argument names, or else the signer's (--keypair or vault).
Outcome<PublicKey> addressOrSigner(const Invocation &in, qsizetype index)
{
    if (in.arguments.size() > index)
        return chain::address(in.arguments.at(index), QStringLiteral("the address"));
    auto signer = loadSigner(in, false);
    if (!signer.ok())
        return signer.failure();
    return signer->address;
}

Outcome<std::uint64_t> solAmount(const QString &text)
{
    auto lamports = PaymentAmount::toBaseUnits(text, PaymentAmount::SolDecimals);
    if (!lamports.ok()) {
        return userFailure(QStringLiteral("invalid-amount"),
                           QStringLiteral("'%1' is not an amount of SOL (digits with at most 9 "
                                          "decimals, like 1.5): %2")
                               .arg(text, lamports.error().detail));
    }
    return lamports.value();
}

void sleepMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// --- balance -----------------------------------------------------------------------------------

Outcome<void> balance(const Invocation &in)
{
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto address = addressOrSigner(in, 0);
    if (!address.ok())
        return address.failure();
    auto rpc = chain::client(cluster.value());
    auto lamports = chain::await(rpc->getBalance(address.value()));
    if (!lamports.ok())
        return chain::rpcFailure(lamports.error(), cluster.value());
    in.out.line(chain::solText(lamports.value()));
    in.out.document({{QStringLiteral("address"), address->toBase58()},
                     {QStringLiteral("lamports"), chain::units(lamports.value())},
                     {QStringLiteral("sol"), PaymentAmount::fromBaseUnits(lamports.value(), 9)}});
    return {};
}

// --- airdrop -----------------------------------------------------------------------------------

Outcome<void> airdrop(const Invocation &in)
{
    auto lamports = solAmount(in.arguments.at(0));
    if (!lamports.ok())
        return lamports.failure();
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto address = addressOrSigner(in, 1);
    if (!address.ok())
        return address.failure();
    auto rpc = chain::client(cluster.value());
    auto signature = chain::await(rpc->requestAirdrop(address.value(), lamports.value()));
    if (!signature.ok())
        return chain::rpcFailure(signature.error(), cluster.value());
    in.out.note(QStringLiteral("Signature: %1").arg(signature.value()));
    for (int poll = 0; poll < AirdropMaxPolls; ++poll) {
        auto statuses = chain::await(rpc->getSignatureStatuses({signature.value()}));
        if (!statuses.ok())
            return chain::rpcFailure(statuses.error(), cluster.value());
        const std::optional<SignatureStatus> &status = statuses->at(0);
        if (status && status->err) {
            return userFailure(
                QStringLiteral("transaction-failed"),
                QStringLiteral("the airdrop %1 failed: %2").arg(signature.value(), *status->err));
        }
        if (status
            && (status->confirmationStatus == QLatin1String("confirmed")
                || status->confirmationStatus == QLatin1String("finalized"))) {
            in.out.line(QStringLiteral("Airdropped %1 to %2")
                            .arg(chain::solText(lamports.value()), address->toBase58()));
            in.out.line(QStringLiteral("Signature: %1").arg(signature.value()));
            in.out.document({{QStringLiteral("address"), address->toBase58()},
                             {QStringLiteral("lamports"), chain::units(lamports.value())},
                             {QStringLiteral("signature"), signature.value()},
                             {QStringLiteral("state"), status->confirmationStatus}});
            return {};
        }
        sleepMs(AirdropPollMs);
    }
    return userFailure(QStringLiteral("not-confirmed"),
                       QStringLiteral("the airdrop %1 was not confirmed in time — check it later "
                                      "with 'ovpp confirm %1'")
                           .arg(signature.value()));
}

// --- transfer ----------------------------------------------------------------------------------

Outcome<void> signOnly(const Invocation &in, const PublicKey &recipient, std::uint64_t lamports)
{
    auto blockhash = Blockhash::fromBase58(in.line.value(BlockhashOption));
    if (!blockhash.ok()) {
        return userFailure(QStringLiteral("invalid-blockhash"),
                           QStringLiteral("--blockhash %1 is not a blockhash (32 bytes of "
                                          "base58): %2")
                               .arg(in.line.value(BlockhashOption), blockhash.error().detail));
    }
    auto price = chain::computeUnitPrice(in);
    if (!price.ok())
        return price.failure();
    auto signer = loadSigner(in, true);
    if (!signer.ok())
        return signer.failure();
    const Keypair &keypair = *signer->keypair;
    QList<Instruction> instructions;
    if (price.value() > 0) {
        // As the online send does (core::Sender): the limit, then the price, in front.
        instructions.append(ComputeBudgetProgram::setComputeUnitLimit(200'000));
        instructions.append(ComputeBudgetProgram::setComputeUnitPrice(price.value()));
    }
    instructions.append(SystemProgram::transfer(keypair.publicKey(), recipient, lamports));
    if (in.line.has(MemoOption))
        instructions.append(MemoProgram::memo(in.line.value(MemoOption)));
    auto message = Message::compile(keypair.publicKey(), instructions, blockhash.value());
    if (!message.ok())
        return failureFrom(message.error(), QStringLiteral("the transaction"));
    Transaction transaction(message.value());
    if (auto signed_ = transaction.sign(keypair); !signed_.ok())
        return failureFrom(signed_.error(), QStringLiteral("the transaction"));
    auto wire = transaction.toBase64();
    if (!wire.ok())
        return failureFrom(wire.error(), QStringLiteral("the transaction"));
    const QString base64 = QString::fromLatin1(wire.value());
    in.out.line(QStringLiteral("Signature: %1").arg(transaction.id()));
    in.out.line(QStringLiteral("Transaction: %1").arg(base64));
    in.out.document(
        {{QStringLiteral("signature"), transaction.id()}, {QStringLiteral("transaction"), base64}});
    return {};
}

Outcome<void> transfer(const Invocation &in)
{
    auto recipient = chain::address(in.arguments.at(0), QStringLiteral("the recipient"));
    if (!recipient.ok())
        return recipient.failure();
    auto lamports = solAmount(in.arguments.at(1));
    if (!lamports.ok())
        return lamports.failure();
    if (in.line.has(SignOnlyOption) != in.line.has(BlockhashOption)) {
        return usageFailure(QStringLiteral("--sign-only and --blockhash HASH go together: an "
                                           "offline transaction needs a recent blockhash from "
                                           "an online machine"));
    }
    if (in.line.has(SignOnlyOption))
        return signOnly(in, recipient.value(), lamports.value());

    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto signer = loadSigner(in, true);
    if (!signer.ok())
        return signer.failure();
    const Keypair &keypair = *signer->keypair;
    QList<Instruction> instructions {
        SystemProgram::transfer(keypair.publicKey(), recipient.value(), lamports.value())};
    if (in.line.has(MemoOption))
        instructions.append(MemoProgram::memo(in.line.value(MemoOption)));
    auto rpc = chain::client(cluster.value());
    auto sent = chain::sendAndFollow(in, *rpc, cluster.value(), keypair, instructions);
    if (!sent.ok())
        return sent.failure();
    in.out.line(QStringLiteral("Transferred %1 to %2")
                    .arg(chain::solText(lamports.value()), recipient->toBase58()));
    in.out.line(QStringLiteral("Signature: %1").arg(sent->signature));
    in.out.line(QStringLiteral("Status: %1, fee %2")
                    .arg(sendStateName(sent->state), chain::solText(sent->fee)));
    QJsonObject document = chain::sendJson(sent.value());
    document.insert(QStringLiteral("from"), keypair.publicKey().toBase58());
    document.insert(QStringLiteral("to"), recipient->toBase58());
    document.insert(QStringLiteral("lamports"), chain::units(lamports.value()));
    in.out.document(document);
    return {};
}

// --- confirm -----------------------------------------------------------------------------------

Outcome<void> confirmSignature(const Invocation &in)
{
    auto signature = chain::signature(in.arguments.at(0));
    if (!signature.ok())
        return signature.failure();
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto rpc = chain::client(cluster.value());
    auto statuses = chain::await(rpc->getSignatureStatuses({signature.value()}, true));
    if (!statuses.ok())
        return chain::rpcFailure(statuses.error(), cluster.value());
    const std::optional<SignatureStatus> &status = statuses->at(0);
    QJsonObject document {{QStringLiteral("signature"), signature.value()}};
    if (!status) {
        in.out.line(QStringLiteral("Not found"));
        document.insert(QStringLiteral("status"), QStringLiteral("not-found"));
    } else if (status->err) {
        in.out.line(QStringLiteral("Failed: %1 (slot %2)").arg(*status->err).arg(status->slot));
        document.insert(QStringLiteral("status"), QStringLiteral("failed"));
        document.insert(QStringLiteral("err"), *status->err);
        document.insert(QStringLiteral("slot"), chain::units(status->slot));
    } else {
        const QString state = status->confirmationStatus.isEmpty() ? QStringLiteral("processed")
                                                                   : status->confirmationStatus;
        in.out.line(QStringLiteral("%1 (slot %2)").arg(state).arg(status->slot));
        document.insert(QStringLiteral("status"), state);
        document.insert(QStringLiteral("slot"), chain::units(status->slot));
    }
    in.out.document(document);
    return {};
}

// --- pay ---------------------------------------------------------------------------------------

Outcome<void> pay(const Invocation &in)
{
    auto parsed = SolanaPayUrl::parseTransfer(in.arguments.at(0));
    if (!parsed.ok()) {
        return userFailure(QStringLiteral("invalid-payment-link"),
                           QStringLiteral("this is not a Solana Pay transfer request: %1")
                               .arg(parsed.error().detail));
    }
    const TransferRequest &request = parsed.value();
    if (!request.amount) {
        return userFailure(QStringLiteral("invalid-payment-link"),
                           QStringLiteral("the link does not say how much to pay — ask the "
                                          "payee for a link with an amount"));
    }
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto rpc = chain::client(cluster.value());

    std::optional<TransferBuilder::Token> token;
    QString unit = QStringLiteral("SOL");
    if (request.splToken) {
        auto mint = chain::fetchMint(*rpc, *request.splToken, cluster.value());
        if (!mint.ok())
            return mint.failure();
        token = TransferBuilder::Token {mint->decimals, mint->programId};
        const QString name = chain::mintName(*request.splToken, cluster.value());
        unit = name.isEmpty()
            ? QStringLiteral("tokens of mint %1").arg(request.splToken->toBase58())
            : name;
        // Paying creates nothing (as the reference wallet): the payee must have the account.
        auto ata = ProgramAddress::associatedTokenAddress(request.recipient, *request.splToken,
                                                          mint->programId);
        if (!ata.ok())
            return failureFrom(ata.error(), QStringLiteral("the recipient's token account"));
        auto account = chain::await(rpc->getAccountInfo(ata->address));
        if (!account.ok())
            return chain::rpcFailure(account.error(), cluster.value());
        if (!account.value()) {
            return userFailure(QStringLiteral("recipient-account-missing"),
                               QStringLiteral("the payee %1 has no %2 account yet, so this link "
                                              "cannot be paid — ask the payee to check it")
                                   .arg(request.recipient.toBase58(), unit));
        }
    }
    auto baseUnits = TransferBuilder::baseUnits(request, token ? token->decimals : 9);
    if (!baseUnits.ok()) {
        return userFailure(
            QStringLiteral("invalid-payment-link"),
            QStringLiteral("the link's amount cannot be paid: %1").arg(baseUnits.error().detail));
    }

    QJsonArray references;
    for (const PublicKey &reference : request.references)
        references.append(reference.toBase58());
    in.out.line(
        QStringLiteral("Pay %1 %2 to %3").arg(*request.amount, unit, request.recipient.toBase58()));
    if (request.label)
        in.out.line(QStringLiteral("  Label:     %1").arg(*request.label));
    if (request.message)
        in.out.line(QStringLiteral("  Message:   %1").arg(*request.message));
    if (request.memo)
        in.out.line(QStringLiteral("  Memo:      %1").arg(*request.memo));
    for (const PublicKey &reference : request.references)
        in.out.line(QStringLiteral("  Reference: %1").arg(reference.toBase58()));

    if (!in.line.has(YesOption)) {
        if (!input::stdinIsTerminal()) {
            return usageFailure(QStringLiteral("paying needs a yes at the terminal — add --yes "
                                               "to pay without asking"));
        }
        if (!chain::confirm(QStringLiteral("Pay %1 %2?").arg(*request.amount, unit)))
            return userFailure(QStringLiteral("cancelled"), QStringLiteral("not paid"));
    }
    auto signer = loadSigner(in, true);
    if (!signer.ok())
        return signer.failure();
    const Keypair &keypair = *signer->keypair;
    auto instructions = TransferBuilder::build(keypair.publicKey(), request, token);
    if (!instructions.ok())
        return failureFrom(instructions.error(), QStringLiteral("the payment"));
    auto sent = chain::sendAndFollow(in, *rpc, cluster.value(), keypair, instructions.value());
    if (!sent.ok())
        return sent.failure();
    in.out.line(QStringLiteral("Paid. Signature: %1").arg(sent->signature));
    in.out.line(QStringLiteral("Status: %1, fee %2")
                    .arg(sendStateName(sent->state), chain::solText(sent->fee)));
    QJsonObject document = chain::sendJson(sent.value());
    document.insert(QStringLiteral("recipient"), request.recipient.toBase58());
    document.insert(QStringLiteral("amount"), *request.amount);
    document.insert(QStringLiteral("baseUnits"), chain::units(baseUnits.value()));
    document.insert(QStringLiteral("splToken"),
                    request.splToken ? QJsonValue(request.splToken->toBase58()) : QJsonValue());
    document.insert(QStringLiteral("references"), references);
    document.insert(QStringLiteral("memo"),
                    request.memo ? QJsonValue(*request.memo) : QJsonValue());
    in.out.document(document);
    return {};
}

// --- the table ---------------------------------------------------------------------------------

const QString ClusterHelp = QStringLiteral(
    R"(  -u, --url URL           the cluster: m, d, t, l (mainnet-beta, devnet, testnet,
                          localnet), a cluster name, or an http(s) RPC URL; default l
  --usde-mint ADDRESS     the localnet's USDE mint (the sandbox prints it; or set
                          OVPP_USDE_MINT)
)");
const QString SignerHelp = QStringLiteral(
    R"(  --keypair FILE          sign with a solana-keygen keypair file, or else with:
  --vault FILE            a vault (default: the desktop app's "default" wallet)
  --account N             its account number from 'ovpp wallet list' (default 0)
  --password-file FILE    the vault's password from FILE instead of the prompt
  --use-keychain          the vault's key from the OS keychain instead
)");
const QString SendHelp = QStringLiteral(
    R"(  --with-compute-unit-price N  priority fee in micro-lamports per compute unit
                          (default: none)
  --commitment confirmed|finalized  how far to follow the transaction (default
                          confirmed)
)");

Command make(const QString &group, const QString &usage, const QString &summary,
             const QString &help, QStringList options, int minArguments, int maxArguments,
             std::function<Outcome<void>(const Invocation &)> run)
{
    Command command = makeCommand(group, QString(), usage, summary, help,
                                  options + chain::clusterOptions(), std::move(run));
    command.minArguments = minArguments;
    command.maxArguments = maxArguments;
    return command;
}

} // namespace

QList<Command> solanaCommands()
{
    const QStringList signer = signerOptions();
    const QStringList send = chain::sendOptions();
    return {
        make(QStringLiteral("balance"), QStringLiteral("[ADDRESS] [OPTIONS]"),
             QStringLiteral("print the SOL balance of an address (default: the signer's)"),
             QStringLiteral("Prints the balance exactly (\"1.5 SOL\"); JSON gives lamports.\n\n")
                 + ClusterHelp + SignerHelp,
             signer, 0, 1, balance),
        make(QStringLiteral("airdrop"), QStringLiteral("AMOUNT [ADDRESS] [OPTIONS]"),
             QStringLiteral("ask the cluster's faucet for AMOUNT SOL and wait for it"),
             QStringLiteral("Test clusters only (localnet, devnet, testnet).\n\n") + ClusterHelp
                 + SignerHelp,
             signer, 1, 2, airdrop),
        make(QStringLiteral("transfer"), QStringLiteral("RECIPIENT AMOUNT [OPTIONS]"),
             QStringLiteral("send AMOUNT SOL to RECIPIENT"),
             QStringLiteral(
                 "Simulates first (a transfer that would fail stops with the program's log),\n"
                 "shows the fee, signs, sends and follows the transaction.\n\n"
                 "  --with-memo TEXT        adds a memo\n"
                 "  --sign-only             sign offline and print the transaction instead of\n"
                 "                          sending it (no network at all); needs:\n"
                 "  --blockhash HASH        the recent blockhash to sign with\n")
                 + SendHelp + ClusterHelp + SignerHelp,
             signer + send + QStringList {MemoOption, SignOnlyOption, BlockhashOption}, 2, 2,
             transfer),
        make(QStringLiteral("confirm"), QStringLiteral("SIGNATURE [OPTIONS]"),
             QStringLiteral("print the status of a transaction"),
             QStringLiteral("processed, confirmed, finalized, failed (with the error) or not "
                            "found; exit 0 in each case.\n\n")
                 + ClusterHelp,
             {}, 1, 1, confirmSignature),
        make(QStringLiteral("pay"), QStringLiteral("URL [OPTIONS]"),
             QStringLiteral("pay a Solana Pay transfer request (a solana: link)"),
             QStringLiteral("Shows what the link asks for, then asks before paying it with its\n"
                            "references attached.\n\n"
                            "  --yes                   pay without asking\n")
                 + SendHelp + ClusterHelp + SignerHelp,
             signer + send + QStringList {YesOption}, 1, 1, pay),
    };
}

} // namespace ovpp::cli
