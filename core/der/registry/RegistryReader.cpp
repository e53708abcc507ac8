#include "RegistryReader.h"

#include "RegistryMemo.h"
#include "solana/rpc/RpcClient.h"

#include <QPromise>

#include <memory>
#include <vector>

namespace ovpp::core {

namespace {

// One listing in progress. Continuations hold it through a shared_ptr; if the client goes away
// they are dropped, the last reference dies and ~QPromise cancels the listing's future.
struct Listing
{
    QPointer<RpcClient> client;
    PublicKey owner;
    int parallelReads = 1;
    int maxPages = 1;

    QPromise<Result<RegistryListing>> promise;
    bool done = false;
    int pages = 0;
    bool truncated = false;
    QList<SignatureInfo> history; // newest first, as the node lists it
    QStringList candidates; // oldest first
    std::vector<std::optional<FetchedTransaction>> fetched;
    int next = 0; // next candidate to request
    int received = 0;

    void fail(const Error &error)
    {
        if (done)
            return;
        done = true;
        promise.addResult(Result<RegistryListing>(error));
        promise.finish();
    }
};

void fetchNext(const std::shared_ptr<Listing> &listing);

void finishListing(const std::shared_ptr<Listing> &listing)
{
    RegistryLedger ledger(listing->owner);
    for (const auto &tx : listing->fetched)
        ledger.addTransaction(*tx);
    RegistryListing result = ledger.listing();
    result.transactionsRead = static_cast<int>(listing->fetched.size());
    result.truncated = listing->truncated;
    listing->done = true;
    listing->promise.addResult(Result<RegistryListing>(std::move(result)));
    listing->promise.finish();
}

void startFetching(const std::shared_ptr<Listing> &listing)
{
    // The memo summary getSignaturesForAddress returns ("[len] text; [len] text") names every
    // memo instruction's text, so transactions without a registry memo need no download.
    // Failed ones have no effect and are skipped too. The node lists newest first.
    for (auto it = listing->history.crbegin(); it != listing->history.crend(); ++it) {
        if (!it->err && it->memo && it->memo->contains(QLatin1String(RegistryMemo::Prefix)))
            listing->candidates.append(it->signature);
    }
    listing->fetched.resize(static_cast<std::size_t>(listing->candidates.size()));
    if (listing->candidates.isEmpty()) {
        finishListing(listing);
        return;
    }
    for (int i = 0; i < listing->parallelReads; ++i)
        fetchNext(listing);
}

void fetchNext(const std::shared_ptr<Listing> &listing)
{
    if (listing->done || !listing->client || listing->next >= listing->candidates.size())
        return;
    const int index = listing->next++;
    const QString signature = listing->candidates.at(index);
    listing->client->getTransaction(signature).then(
        listing->client.get(),
        [listing, index, signature](const Result<std::optional<FetchedTransaction>> &result) {
            if (listing->done)
                return;
            if (!result)
                return listing->fail(result.error());
            if (!result.value())
                return listing->fail(
                    makeError(ErrorCode::NotFound,
                              QStringLiteral("the node lists transaction %1 but does not return it")
                                  .arg(signature)));
            listing->fetched[static_cast<std::size_t>(index)] = *result.value();
            if (++listing->received == listing->candidates.size())
                return finishListing(listing);
            fetchNext(listing);
        });
}

void fetchPage(const std::shared_ptr<Listing> &listing, const QString &before)
{
    if (!listing->client)
        return;
    SignaturesQuery query;
    query.limit = 1000;
    query.before = before;
    listing->client->getSignaturesForAddress(listing->owner, query)
        .then(listing->client.get(),
              [listing, limit = query.limit](const Result<QList<SignatureInfo>> &page) {
                  if (!page)
                      return listing->fail(page.error());
                  ++listing->pages;
                  listing->history += page.value();
                  if (page->size() < limit)
                      return startFetching(listing);
                  if (listing->pages >= listing->maxPages) {
                      listing->truncated = true;
                      return startFetching(listing);
                  }
                  fetchPage(listing, page->last().signature);
              });
}

} // namespace

RegistryReader::RegistryReader(RpcClient *client)
    : m_client(client)
{ }

QFuture<Result<RegistryListing>> RegistryReader::listDevices(const PublicKey &owner) const
{
    auto listing = std::make_shared<Listing>();
    listing->client = m_client;
    listing->owner = owner;
    listing->parallelReads = m_parallelReads;
    listing->maxPages = m_maxPages;
    listing->promise.start();
    QFuture<Result<RegistryListing>> future = listing->promise.future();
    if (!m_client) {
        listing->fail(makeError(ErrorCode::Unavailable, QStringLiteral("no RPC client")));
        return future;
    }
    fetchPage(listing, {});
    return future;
}

} // namespace ovpp::core
