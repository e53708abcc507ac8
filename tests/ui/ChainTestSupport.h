#pragma once

// Sender and RPC calls for the chain-session and read-side tests (the localnet itself is in
// SendChainSupport.h).

#include "solana/send/SendRequest.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace ovpp::ui {
class ChainSession;
}

namespace ovpp::test::chainsupport {

// Sender::prepare of a SOL transfer (plus a memo when `memo` is not empty) and wait; nullopt with
// `error` set on failure.
std::optional<core::PreparedSend> prepareTransfer(ui::ChainSession *chain, const QString &from,
                                                  const QString &to, std::uint64_t lamports,
                                                  const QString &memo, QString *error);
// Waits for the Sender's finished() of `signature`; the final state's name ("finalized", ...).
QString waitFinished(ui::ChainSession *chain, const QString &signature);

} // namespace ovpp::test::chainsupport
