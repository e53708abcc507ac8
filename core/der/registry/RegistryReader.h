#pragma once

// Lists the devices a wallet registered, from the chain alone (docs/registry-format.md,
// "Reading"): getSignaturesForAddress(owner), paged back to the oldest entry; getTransaction
// for the successful ones whose memo summary mentions "ovpp:der:"; then every registry memo
// instruction signed by the owner, replayed oldest first, the latest statement per device id
// winning. Memos of other formats are ignored; registry memos of another version or malformed
// ones are counted, not fatal, so one bad memo cannot hide a wallet's devices.
//
// Threading: like RpcClient, use it on the client's thread (which runs an event loop). If the
// client is destroyed first, the listing's future ends up cancelled.

#include "RegistryLedger.h"
#include "common/Result.h"
#include "crypto/PublicKey.h"

#include <QFuture>
#include <QList>
#include <QPointer>

namespace ovpp::core {

class RpcClient;

class RegistryReader
{
public:
    // getTransaction requests in flight at once: RpcClient has no batch form for it, so the
    // reads overlap instead of running one after the other.
    static constexpr int DefaultParallelReads = 8;
    // History pages of 1000 signatures read at most; a bound on the work for a busy wallet.
    static constexpr int DefaultMaxPages = 20;

    explicit RegistryReader(RpcClient *client);

    void setParallelReads(int count) { m_parallelReads = count < 1 ? 1 : count; }
    void setMaxPages(int pages) { m_maxPages = pages < 1 ? 1 : pages; }

    // Errors: those of the RPC calls (Unavailable, InvalidArgument); NotFound when the node
    // lists a signature but cannot return its transaction. A failed read never yields a partial
    // list, because a missing retirement would show a retired device as active; the one bound
    // is maxPages of history, and a listing cut there says so (RegistryListing::truncated).
    QFuture<Result<RegistryListing>> listDevices(const PublicKey &owner) const;

private:
    QPointer<RpcClient> m_client;
    int m_parallelReads = DefaultParallelReads;
    int m_maxPages = DefaultMaxPages;
};

} // namespace ovpp::core
