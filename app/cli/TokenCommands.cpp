#include "TokenCommands.h"

#include "ChainQueries.h"
#include "ChainSend.h"
#include "ChainSigner.h"
#include "ChainSupport.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/TokenProgram.h"
#include "solana/pay/PaymentAmount.h"

#include <QJsonArray>

namespace ovpp::cli {

using namespace core;

namespace {

const QString FundRecipientOption = QStringLiteral("fund-recipient");
const QString MemoOption = QStringLiteral("with-memo");

Outcome<PublicKey> ata(const PublicKey &wallet, const chain::MintInfo &mint)
{
    auto found = ProgramAddress::associatedTokenAddress(wallet, mint.address, mint.programId);
    if (!found.ok())
        return failureFrom(found.error(), QStringLiteral("the associated token account"));
    return found->address;
}

// --- transfer ----------------------------------------------------------------------------------

Outcome<void> transfer(const Invocation &in)
{
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto mintKey = chain::mint(in.arguments.at(0), cluster.value());
    if (!mintKey.ok())
        return mintKey.failure();
    const QString amountText = in.arguments.at(1);
    if (!PaymentAmount::isWellFormed(amountText)) {
        return userFailure(QStringLiteral("invalid-amount"),
                           QStringLiteral("'%1' is not an amount (digits with an optional "
                                          "fraction, like 2.5)")
                               .arg(amountText));
    }
    auto recipient = chain::address(in.arguments.at(2), QStringLiteral("the recipient"));
    if (!recipient.ok())
        return recipient.failure();

    auto rpc = chain::client(cluster.value());
    auto mint = chain::fetchMint(*rpc, mintKey.value(), cluster.value());
    if (!mint.ok())
        return mint.failure();
    auto amount = PaymentAmount::toBaseUnits(amountText, mint->decimals);
    if (!amount.ok()) {
        return userFailure(QStringLiteral("invalid-amount"),
                           QStringLiteral("'%1' does not fit this token (%2 decimals): %3")
                               .arg(amountText)
                               .arg(mint->decimals)
                               .arg(amount.error().detail));
    }
    QString unit = chain::mintName(mint->address, cluster.value());
    if (unit.isEmpty())
        unit = QStringLiteral("tokens of mint %1").arg(mint->address.toBase58());

    auto destination = ata(recipient.value(), mint.value());
    if (!destination.ok())
        return destination.failure();
    const bool fund = in.line.has(FundRecipientOption);
    if (!fund) {
        auto existing = chain::await(rpc->getAccountInfo(destination.value()));
        if (!existing.ok())
            return chain::rpcFailure(existing.error(), cluster.value());
        if (!existing.value()) {
            return userFailure(QStringLiteral("recipient-account-missing"),
                               QStringLiteral("the recipient %1 has no %2 account yet (%3) — add "
                                              "--fund-recipient to create it (you pay its rent, "
                                              "about 0.002 SOL)")
                                   .arg(recipient->toBase58(), unit, destination->toBase58()));
        }
    }

    auto signer = loadSigner(in, true);
    if (!signer.ok())
        return signer.failure();
    const Keypair &keypair = *signer->keypair;
    auto source = ata(keypair.publicKey(), mint.value());
    if (!source.ok())
        return source.failure();
    auto sourceAccount = chain::await(rpc->getAccountInfo(source.value()));
    if (!sourceAccount.ok())
        return chain::rpcFailure(sourceAccount.error(), cluster.value());
    if (!sourceAccount.value()) {
        return userFailure(QStringLiteral("insufficient-funds"),
                           QStringLiteral("%1 has no %2 account, so there is nothing to send")
                               .arg(keypair.publicKey().toBase58(), unit));
    }

    QList<Instruction> instructions;
    if (fund) {
        instructions.append(AssociatedTokenProgram::createIdempotent(
            keypair.publicKey(), destination.value(), recipient.value(), mint->address,
            mint->programId));
    }
    instructions.append(TokenProgram::transferChecked(
        source.value(), mint->address, destination.value(), keypair.publicKey(), amount.value(),
        mint->decimals, {}, mint->programId));
    if (in.line.has(MemoOption))
        instructions.append(MemoProgram::memo(in.line.value(MemoOption)));
    auto sent = chain::sendAndFollow(in, *rpc, cluster.value(), keypair, instructions);
    if (!sent.ok())
        return sent.failure();
    in.out.line(QStringLiteral("Transferred %1 %2 to %3")
                    .arg(PaymentAmount::fromBaseUnits(amount.value(), mint->decimals), unit,
                         recipient->toBase58()));
    in.out.line(QStringLiteral("Signature: %1").arg(sent->signature));
    in.out.line(QStringLiteral("Status: %1, fee %2")
                    .arg(sendStateName(sent->state), chain::solText(sent->fee)));
    QJsonObject document = chain::sendJson(sent.value());
    document.insert(QStringLiteral("mint"), mint->address.toBase58());
    document.insert(QStringLiteral("decimals"), mint->decimals);
    document.insert(QStringLiteral("amount"), chain::units(amount.value()));
    document.insert(QStringLiteral("from"), source->toBase58());
    document.insert(QStringLiteral("to"), destination->toBase58());
    document.insert(QStringLiteral("recipient"), recipient->toBase58());
    in.out.document(document);
    return {};
}

// --- accounts ----------------------------------------------------------------------------------

Outcome<void> accounts(const Invocation &in)
{
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    PublicKey owner;
    if (!in.arguments.isEmpty()) {
        auto address = chain::address(in.arguments.at(0), QStringLiteral("the address"));
        if (!address.ok())
            return address.failure();
        owner = address.value();
    } else {
        auto signer = loadSigner(in, false);
        if (!signer.ok())
            return signer.failure();
        owner = signer->address;
    }
    auto rpc = chain::client(cluster.value());
    auto found = chain::tokenAccounts(*rpc, cluster.value(), owner);
    if (!found.ok())
        return found.failure();
    QJsonArray list;
    if (found->isEmpty())
        in.out.line(QStringLiteral("%1 has no token accounts").arg(owner.toBase58()));
    for (const TokenAccount &account : found.value()) {
        in.out.line(chain::tokenAccountLine(account, cluster.value()));
        list.append(chain::tokenAccountJson(account, cluster.value()));
    }
    in.out.document(
        {{QStringLiteral("owner"), owner.toBase58()}, {QStringLiteral("accounts"), list}});
    return {};
}

} // namespace

QList<Command> tokenCommands()
{
    const QString cluster = QStringLiteral(
        R"(  -u, --url URL           the cluster: m, d, t, l or an http(s) RPC URL (default l)
  --usde-mint ADDRESS     the localnet's USDE mint (or set OVPP_USDE_MINT)
)");
    const QString signer = QStringLiteral(
        R"(  --keypair FILE          sign with a solana-keygen keypair file, or with a vault:
  --vault FILE, --account N, --password-file FILE, --use-keychain (as 'ovpp transfer')
)");
    Command send = makeCommand(
        QStringLiteral("token"), QStringLiteral("transfer"),
        QStringLiteral("MINT AMOUNT RECIPIENT [OPTIONS]"),
        QStringLiteral("send AMOUNT tokens of MINT (USDE, USDC or an address) to RECIPIENT"),
        QStringLiteral("TransferChecked with the mint's decimals read from the chain, from your\n"
                       "associated token account to the recipient's. RECIPIENT is a wallet "
                       "address.\n\n"
                       "  --fund-recipient        create the recipient's token account first "
                       "(idempotent)\n"
                       "  --with-memo TEXT        adds a memo\n"
                       "  --with-compute-unit-price N, --commitment confirmed|finalized\n")
            + cluster + signer,
        signerOptions() + chain::sendOptions() + chain::clusterOptions()
            + QStringList {FundRecipientOption, MemoOption},
        transfer);
    send.minArguments = 3;
    send.maxArguments = 3;
    Command list = makeCommand(
        QStringLiteral("token"), QStringLiteral("accounts"), QStringLiteral("[ADDRESS] [OPTIONS]"),
        QStringLiteral("list the token accounts of an address (default: the signer's)"),
        QStringLiteral("Each account with its mint and exact amount (JSON: base units).\n\n")
            + cluster + signer,
        signerOptions() + chain::clusterOptions(), accounts);
    list.maxArguments = 1;
    return {send, list};
}

} // namespace ovpp::cli
