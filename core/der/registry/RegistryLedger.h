#pragma once

// Replays one owner's registry statements into the current state per device id. Feed it the
// owner's transactions in chain order, oldest first; it keeps only what the owner provably
// said: registry memos in successful transactions, through a memo program, with the owner both
// among the memo's accounts and a signer of the transaction. Anyone can mention an address in
// their own transaction (and so in its getSignaturesForAddress history); only its key can sign.

#include "RegisteredDevice.h"
#include "crypto/PublicKey.h"
#include "solana/Message.h"
#include "solana/Transaction.h"

#include <QList>
#include <QMap>
#include <QString>

#include <cstdint>
#include <optional>

namespace ovpp::core {

struct FetchedTransaction;

struct RegistryListing
{
    QList<RegisteredDevice> devices; // ordered by device id
    int unsupportedVersions = 0; // owner-signed registry memos of a version we do not know
    int malformed = 0; // owner-signed memos starting "ovpp:der:" that did not parse
    int transactionsRead = 0; // transactions fetched to build the listing
    bool truncated = false; // the history was longer than the reader was allowed to page
};

class RegistryLedger
{
public:
    explicit RegistryLedger(const PublicKey &owner);

    // `failed`: the transaction executed with an error; its memos have no effect.
    void addTransaction(const QString &signature, std::uint64_t slot,
                        std::optional<std::int64_t> blockTime, const Message &message,
                        const LoadedAddresses &loaded = {}, bool failed = false);
    void addTransaction(const FetchedTransaction &fetched);

    RegistryListing listing() const;

private:
    PublicKey m_owner;
    QMap<QString, RegisteredDevice> m_devices;
    int m_unsupported = 0;
    int m_malformed = 0;
};

} // namespace ovpp::core
