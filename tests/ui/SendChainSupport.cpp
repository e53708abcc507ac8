#include "SendChainSupport.h"

#include "LocalnetProcess.h"
#include "RpcTestSupport.h"

#include <memory>

namespace ovpp::test::chain {

namespace {

std::unique_ptr<testing::LocalnetProcess> &localnet()
{
    static std::unique_ptr<testing::LocalnetProcess> process;
    return process;
}

core::RpcClient &client()
{
    static std::unique_ptr<core::RpcClient> rpc;
    if (!rpc || rpc->url() != rpcUrl())
        rpc = std::make_unique<core::RpcClient>(rpcUrl());
    return *rpc;
}

std::optional<core::PublicKey> key(const QString &address)
{
    auto parsed = core::PublicKey::fromBase58(address);
    if (!parsed)
        return std::nullopt;
    return parsed.value();
}

} // namespace

QString start()
{
    if (localnet())
        return {};
    localnet() = std::make_unique<testing::LocalnetProcess>();
    // Sends are final after 4 slots instead of 32: the same states, sooner.
    return localnet()->start({QStringLiteral("--finality-slots"), QStringLiteral("4")});
}

void stop()
{
    localnet().reset();
}

QUrl rpcUrl()
{
    return localnet() ? localnet()->rpcUrl() : QUrl();
}

QString usdeMint()
{
    return localnet() ? localnet()->usdeMint() : QString();
}

QString airdrop(const QString &address, std::uint64_t lamports)
{
    auto to = key(address);
    if (!to)
        return QStringLiteral("bad address");
    return testing::airdrop(client(), *to, lamports);
}

QString faucet(const QString &owner, std::uint64_t amount)
{
    auto to = key(owner);
    if (!to)
        return QStringLiteral("bad address");
    return testing::faucet(localnet()->faucetUrl(), *to, amount);
}

std::optional<std::uint64_t> balance(const QString &address)
{
    auto of = key(address);
    if (!of)
        return std::nullopt;
    auto lamports = testing::await(client().getBalance(*of));
    if (!lamports)
        return std::nullopt;
    return lamports.value();
}

std::optional<std::uint64_t> tokenBalance(const QString &owner, const QString &mint)
{
    auto of = key(owner);
    auto mintKey = key(mint);
    if (!of || !mintKey)
        return std::nullopt;
    core::TokenAccountFilter filter;
    filter.mint = *mintKey;
    auto accounts = testing::await(client().getTokenAccountsByOwner(*of, filter));
    if (!accounts || accounts->isEmpty())
        return std::nullopt;
    std::uint64_t total = 0;
    for (const core::TokenAccount &account : accounts.value())
        total += account.amount;
    return total;
}

std::optional<LandedTransaction> fetch(const QString &signature)
{
    auto fetched = testing::await(client().getTransaction(signature));
    if (!fetched || !fetched->has_value())
        return std::nullopt;
    const core::FetchedTransaction &transaction = **fetched;
    LandedTransaction landed;
    landed.fee = transaction.fee;
    landed.failed = transaction.err.has_value();
    const core::Message &message = transaction.transaction.message();
    auto keys = message.accountKeys(transaction.loadedAddresses);
    if (!keys)
        return std::nullopt;
    for (const core::PublicKey &accountKey : keys.value())
        landed.accountKeys.append(accountKey.toBase58());
    auto instructions = message.decompile(transaction.loadedAddresses);
    if (!instructions)
        return std::nullopt;
    for (const core::Instruction &instruction : instructions.value()) {
        LandedInstruction entry;
        entry.programId = instruction.programId.toBase58();
        for (const core::AccountMeta &meta : instruction.accounts)
            entry.accounts.append(meta.pubkey.toBase58());
        entry.data = instruction.data;
        landed.instructions.append(entry);
    }
    return landed;
}

} // namespace ovpp::test::chain
