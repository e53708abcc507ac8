#pragma once

// What every Solana command of `ovpp` needs: the cluster from `--url` (Solana CLI monikers),
// an RPC client for it, a way to wait for the client's futures (the CLI is one command per run,
// so it simply runs the event loop until the answer is there), addresses from arguments, the
// USDE/USDC names for mints, exact SOL text, and failures that say what to do.

#include "Command.h"
#include "crypto/PublicKey.h"
#include "solana/rpc/ClusterConfig.h"
#include "solana/rpc/RpcClient.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QString>

#include <cstdint>
#include <memory>

namespace ovpp::cli::chain {

// Waits (running the event loop) until `future` has its result. A cancelled future (the client
// went away) becomes a Cancelled error instead of a crash.
template<typename T> core::Result<T> await(QFuture<core::Result<T>> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<core::Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (future.isCanceled() || future.resultCount() == 0)
        return core::makeError(core::ErrorCode::Cancelled,
                               QStringLiteral("the request was cancelled"));
    return future.result();
}

// The options every Solana command accepts: --url, --usde-mint.
const QStringList &clusterOptions();

// The cluster `--url` names (default: l, the localnet), with the localnet's USDE mint from
// --usde-mint or OVPP_USDE_MINT set.
Outcome<core::Cluster> cluster(const Invocation &in);

// An RPC client for the cluster. Reads use "confirmed".
std::unique_ptr<core::RpcClient> client(const core::Cluster &cluster);

// An address given as an argument; `what` names it ("the recipient").
Outcome<core::PublicKey> address(const QString &text, const QString &what);

// A transaction signature (base58 of 64 bytes).
Outcome<QString> signature(const QString &text);

// A mint: USDE, USDC (the cluster's, from its configuration) or a base58 address.
Outcome<core::PublicKey> mint(const QString &text, const core::Cluster &cluster);
// "USDE" / "USDC" for the cluster's known mints, empty otherwise.
QString mintName(const core::PublicKey &mint, const core::Cluster &cluster);

struct MintInfo
{
    core::PublicKey address;
    core::PublicKey programId; // Token or Token-2022
    std::uint8_t decimals = 0;
};
// The mint's decimals and token program, read from the chain.
Outcome<MintInfo> fetchMint(core::RpcClient &rpc, const core::PublicKey &mint,
                            const core::Cluster &cluster);

// A failed RPC call as the user should read it: unreachable node, refused request, ...
Failure rpcFailure(const core::Error &error, const core::Cluster &cluster);

// "1.5 SOL", exact.
QString solText(std::uint64_t lamports);
// A JSON integer for lamports and token base units (a string beyond 2^53, never a rounded
// double).
QJsonValue units(std::uint64_t value);

// A yes/no question at the terminal; false when the answer is not yes.
bool confirm(const QString &question);

} // namespace ovpp::cli::chain
