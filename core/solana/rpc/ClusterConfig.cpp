#include "ClusterConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace ovpp::core {

namespace {

Error configError(const QString &what)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("cluster config: %1").arg(what));
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

Result<std::optional<PublicKey>> readMint(const QJsonObject &mints, const char *token,
                                          const QString &cluster)
{
    const QJsonValue value = mints.value(QLatin1String(token));
    if (value.isNull() || value.isUndefined())
        return std::optional<PublicKey>();
    auto key = PublicKey::fromBase58(value.toString());
    if (!key)
        return configError(QStringLiteral("%1 mint of %2: %3")
                               .arg(QLatin1String(token), cluster, key.error().detail));
    return std::optional<PublicKey>(key.value());
}

} // namespace

Result<ClusterConfig> ClusterConfig::builtIn()
{
    QFile file(QStringLiteral(":/ovpp/clusters.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QStringLiteral("built-in clusters.json missing"));
    auto config = fromJson(file.readAll());
    if (!config)
        return makeError(ErrorCode::Internal, config.error().detail);
    return config;
}

Result<ClusterConfig> ClusterConfig::fromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return configError(QStringLiteral("not JSON: %1").arg(parseError.errorString()));
    const QJsonValue list = document.object().value(QLatin1String("clusters"));
    if (!list.isArray() || list.toArray().isEmpty())
        return configError(QStringLiteral("no \"clusters\" array"));
    ClusterConfig config;
    for (const QJsonValue &item : list.toArray()) {
        const QJsonObject o = item.toObject();
        Cluster c;
        c.name = o.value(QLatin1String("name")).toString();
        c.moniker = o.value(QLatin1String("moniker")).toString();
        c.rpcUrl = QUrl(o.value(QLatin1String("rpcUrl")).toString(), QUrl::StrictMode);
        c.wsUrl = QUrl(o.value(QLatin1String("wsUrl")).toString(), QUrl::StrictMode);
        if (c.name.isEmpty())
            return configError(QStringLiteral("a cluster without a name"));
        if (!isHttpUrl(c.rpcUrl))
            return configError(QStringLiteral("rpcUrl of %1 is not an http(s) URL").arg(c.name));
        if (!c.wsUrl.isValid()
            || (c.wsUrl.scheme() != QLatin1String("ws")
                && c.wsUrl.scheme() != QLatin1String("wss")))
            return configError(QStringLiteral("wsUrl of %1 is not a ws(s) URL").arg(c.name));
        for (const Cluster &other : std::as_const(config.m_clusters)) {
            if (other.name == c.name || (!c.moniker.isEmpty() && other.moniker == c.moniker))
                return configError(QStringLiteral("%1 appears twice").arg(c.name));
        }
        const QJsonObject mints = o.value(QLatin1String("mints")).toObject();
        auto usde = readMint(mints, "USDE", c.name);
        if (!usde)
            return usde.error();
        auto usdc = readMint(mints, "USDC", c.name);
        if (!usdc)
            return usdc.error();
        c.usdeMint = usde.value();
        c.usdcMint = usdc.value();
        config.m_clusters.append(c);
    }
    return config;
}

Result<Cluster> ClusterConfig::cluster(QStringView nameOrMoniker) const
{
    for (const Cluster &c : m_clusters) {
        if (c.name == nameOrMoniker || (!c.moniker.isEmpty() && c.moniker == nameOrMoniker))
            return c;
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no cluster named \"%1\"").arg(nameOrMoniker));
}

Result<Cluster> ClusterConfig::resolveUrl(QStringView urlOrMoniker) const
{
    auto known = cluster(urlOrMoniker);
    if (known)
        return known;
    const QUrl url(urlOrMoniker.toString(), QUrl::StrictMode);
    if (!isHttpUrl(url))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is neither a cluster (mainnet-beta, devnet, "
                                        "testnet, localnet or m, d, t, l) nor an http(s) URL")
                             .arg(urlOrMoniker));
    Cluster custom;
    custom.name = QStringLiteral("custom");
    custom.rpcUrl = url;
    custom.wsUrl = url;
    custom.wsUrl.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                  : QStringLiteral("ws"));
    return custom;
}

Result<void> ClusterConfig::setMint(QStringView clusterName, QStringView token,
                                    const PublicKey &mint)
{
    for (Cluster &c : m_clusters) {
        if (c.name != clusterName)
            continue;
        if (token == QLatin1String("USDE"))
            c.usdeMint = mint;
        else if (token == QLatin1String("USDC"))
            c.usdcMint = mint;
        else
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown token \"%1\" (USDE or USDC)").arg(token));
        return {};
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no cluster named \"%1\"").arg(clusterName));
}

} // namespace ovpp::core
