#pragma once

// Signing a message with a wallet account on the wallet worker, for ChainSession: the one
// place that touches the account's secret key, kept apart from the RPC and send code.

#include "common/Result.h"
#include "solana/Message.h"
#include "solana/Transaction.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ovpp::ui {

class WalletSession;

namespace chainsigning {

// Errors: Locked, WatchOnly, NotFound (no such account), or signing's. `done` runs on the GUI
// thread unless `context` is gone; the keypair never leaves the worker.
void sign(WalletSession *wallet, QObject *context, const core::Message &message,
          const QString &accountId, std::function<void(core::Result<core::Transaction>)> done);

// Unlocked right now (checked on the GUI thread before a job is queued).
bool isUnlocked(const WalletSession *wallet);

} // namespace chainsigning
} // namespace ovpp::ui
