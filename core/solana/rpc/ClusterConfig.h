#pragma once

// The Solana clusters the app knows (resources/clusters.json, compiled in as
// :/ovpp/clusters.json): RPC and websocket URLs and the USDE/USDC mints of each. A mint may be
// absent (USDE is not issued on the public clusters yet; the localnet's comes from the sandbox
// at run time, see setMint()).

#include "common/Result.h"
#include "crypto/PublicKey.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ovpp::core {

struct Cluster
{
    QString name; // "mainnet-beta", "devnet", "testnet", "localnet", or "custom"
    QString moniker; // the Solana CLI's one-letter --url shorthand: m, d, t, l
    QUrl rpcUrl;
    QUrl wsUrl;
    std::optional<PublicKey> usdeMint;
    std::optional<PublicKey> usdcMint;
};

class ClusterConfig
{
public:
    // The built-in list. Internal error only if the compiled-in resource is broken.
    static Result<ClusterConfig> builtIn();
    // InvalidArgument naming the cluster and field that is wrong.
    static Result<ClusterConfig> fromJson(QByteArrayView json);

    const QList<Cluster> &clusters() const { return m_clusters; }
    // By name ("devnet") or moniker ("d"); NotFound otherwise.
    Result<Cluster> cluster(QStringView nameOrMoniker) const;
    // What `--url` accepts, like the Solana CLI: a cluster name, a moniker, or an http(s) URL
    // (a "custom" cluster whose websocket URL is derived: http→ws, https→wss, same host/port,
    // no mints). InvalidArgument for anything else.
    Result<Cluster> resolveUrl(QStringView urlOrMoniker) const;
    // Sets a mint at run time (the sandbox's USDE); `token` is "USDE" or "USDC".
    Result<void> setMint(QStringView clusterName, QStringView token, const PublicKey &mint);

private:
    QList<Cluster> m_clusters;
};

} // namespace ovpp::core
