#include "ChainSigning.h"

#include "WalletSession.h"

namespace ovpp::ui::chainsigning {

using core::Error;
using core::ErrorCode;

void sign(WalletSession *wallet, QObject *context, const core::Message &message,
          const QString &accountId, std::function<void(core::Result<core::Transaction>)> done)
{
    wallet->run(
        context,
        [message, accountId](WalletCore &core) -> core::Result<core::Transaction> {
            if (!core.wallet)
                return Error {ErrorCode::Locked, QStringLiteral("the wallet is locked")};
            // The Keypair (SecretBytes inside) is wiped when it goes out of scope, here.
            auto keypair = core.wallet->keypair(accountId);
            if (!keypair.ok())
                return keypair.error();
            core::Transaction transaction(message);
            if (auto signedOk = transaction.sign(keypair.value()); !signedOk.ok())
                return signedOk.error();
            return transaction;
        },
        [done = std::move(done)](core::Result<core::Transaction> signedTx) {
            done(std::move(signedTx));
        });
}

bool isUnlocked(const WalletSession *wallet)
{
    return wallet && wallet->state() == WalletSession::State::Unlocked;
}

} // namespace ovpp::ui::chainsigning
