#pragma once

// One journaled send: the signed bytes exactly as they went out, the block height after which
// they can no longer land, and where the send stands. A plain value struct (rows of the journal,
// payload of the Sender's signals).

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace ovpp::core {

enum class SendState {
    Signed, // journaled, the bytes may or may not have left yet (a crash here is resumable)
    Sent, // broadcast at least once, no status seen yet
    Processed, // seen by the node at "processed" (can still be rolled back)
    Confirmed, // seen at "confirmed": the money moved (final for most callers)
    Finalized, // rooted: final
    Failed, // landed with an error (the fee was charged, the transfer did not happen), or
            // refused by the node's preflight (nothing was forwarded)
    Expired, // the blockhash expired and the last status check found nothing: no money moved
};

// "signed", "sent", … as stored in the journal.
QString sendStateName(SendState state);
// The inverse; nullopt for an unknown name.
std::optional<SendState> sendStateFromName(QStringView name);
// No further change can happen (Finalized, Failed, Expired).
bool isFinalSendState(SendState state);

struct PendingSend
{
    QString signature; // base58 of signature 0: the transaction id
    QByteArray wire; // the signed transaction bytes (re-broadcast verbatim, never re-signed)
    std::uint64_t lastValidBlockHeight = 0;
    SendState state = SendState::Signed;
    QString error; // the transaction error (compact JSON) or the node's refusal, when Failed
    std::uint64_t fee = 0; // lamports, as getFeeForMessage quoted it
    std::uint64_t slot = 0; // where it landed, once known
    int broadcasts = 0; // how many times the bytes were handed to the node
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
};

} // namespace ovpp::core
