#pragma once

// Signing a message with a wallet account on the wallet worker, for ChainSession. In a file of
// its own because the wallet's core::AccountInfo and the RPC's core::AccountInfo share a name
// and cannot meet in one translation unit (ChainSession.cpp needs the Sender, hence the RPC).

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
