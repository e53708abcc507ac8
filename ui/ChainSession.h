#pragma once

// The app's link to the Solana cluster (not visible to QML): which cluster, the RpcClient, the
// Sender with its journal, the token mints, and signing with a wallet account. One per app,
// on the GUI thread (RpcClient and Sender are asynchronous; nothing here blocks).
//
// The cluster comes from the settings (AppSettings::network(), a name or moniker) unless the
// environment overrides it, which is how the sandbox points the app at its localnet:
//   OVPP_RPC_URL=http://127.0.0.1:8899   a custom RPC URL (the localnet's, usually)
//   OVPP_USDE_MINT=<base58>              the sandbox's USDE mint (made at run time)
//
// Journaled sends are resumed when the session starts (Sender::resumePending), so a send that
// was in flight when the app stopped reaches its final state and the user sees it.

#include "common/Result.h"
#include "solana/rpc/ClusterConfig.h"
#include "solana/send/PendingSend.h"
#include "solana/send/SendRequest.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace ovpp::core {
class RpcClient;
class Sender;
} // namespace ovpp::core

namespace ovpp::ui {

class AppSettings;
class WalletSession;

class ChainSession : public QObject
{
    Q_OBJECT

public:
    // `journalPath` empty: <AppDataLocation>/sends.sqlite.
    ChainSession(WalletSession *wallet, AppSettings *settings, const QString &journalPath = {},
                 QObject *parent = nullptr);
    ~ChainSession() override;

    const core::Cluster &cluster() const;
    // A cluster name, moniker (m, d, t, l) or an http(s) URL (ClusterConfig::resolveUrl);
    // remembered in the settings. Rebuilds the RpcClient and Sender (sends in flight on the old
    // cluster stay in the journal and resume when the user returns to it).
    core::Result<void> setCluster(const QString &urlOrMoniker);
    // "Localnet", "Devnet", ... or the custom URL's host, for the status line.
    QString clusterLabel() const;

    core::RpcClient *rpc() const;
    // The journal is open and pending sends resumed; null only if the journal could not be
    // opened (then sendsUnavailableReason() says why and nothing can be sent).
    core::Sender *sender() const;
    QString sendsUnavailableReason() const;

    // Signs `prepared` with the wallet account `accountId` on the wallet worker (the secret key
    // never leaves the worker), then journals and broadcasts it through the Sender on this
    // thread. `done` runs on this thread unless `context` is gone. Errors: Locked, WatchOnly,
    // NotFound (no such account), or the Sender's.
    void submit(const core::PreparedSend &prepared, const QString &accountId, QObject *context,
                std::function<void(core::Result<core::PendingSend>)> done);

signals:
    void clusterChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ovpp::ui
