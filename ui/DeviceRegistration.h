#pragma once

// Registers a paired device on-chain: the registry memo (docs/registry-format.md) signed by
// the wallet account that owns the device, sent through the ChainSession.

#include "common/Result.h"
#include "crypto/PublicKey.h"
#include "der/network/PairedDevice.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ovpp::ui {

class ChainSession;

namespace deviceregistration {

// Prepares, signs (with `accountId` on the wallet worker) and broadcasts the registration of
// `device` owned by `owner`. `done` gets the transaction signature once it was handed to the
// node (the Sender then follows it to confirmation), or the error; it runs on `context`'s
// thread unless `context` is gone.
void submit(ChainSession *chain, const core::PublicKey &owner, const QString &accountId,
            const core::PairedDevice &device, QObject *context,
            std::function<void(core::Result<QString>)> done);

} // namespace deviceregistration
} // namespace ovpp::ui
