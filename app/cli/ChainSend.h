#pragma once

// Sending from the command line, through core::Sender like the desktop app: prepare (fresh
// blockhash, fee, simulation: a failing send stops here with the program's logs) → show the
// fee → sign, journal and broadcast → follow until the chosen commitment, a failure, or the
// blockhash's expiry. Used by transfer, token transfer and pay.

#include "ChainSupport.h"
#include "crypto/Keypair.h"
#include "solana/Instruction.h"
#include "solana/send/PendingSend.h"

#include <QList>

#include <optional>

namespace ovpp::cli::chain {

// --with-compute-unit-price and --commitment.
const QStringList &sendOptions();

// The priority fee from --with-compute-unit-price (micro-lamports per compute unit; 0 when not
// given: no compute-budget instructions, as the Solana CLI).
Outcome<std::uint64_t> computeUnitPrice(const Invocation &in);

// Sends `instructions` paid and signed by `signer` and follows it. The result is the send in
// its final state: Confirmed or Finalized. Failed and Expired are failures saying what happened.
Outcome<core::PendingSend> sendAndFollow(const Invocation &in, core::RpcClient &rpc,
                                         const core::Cluster &cluster, const core::Keypair &signer,
                                         const QList<core::Instruction> &instructions);

// The JSON members every send reports: signature, state, fee, slot.
QJsonObject sendJson(const core::PendingSend &send);

} // namespace ovpp::cli::chain
