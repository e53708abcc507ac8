#include "ChainSession.h"

#include "AppSettings.h"
#include "ChainSigning.h"
#include "UiLogging.h"
#include "solana/Transaction.h"
#include "solana/rpc/RpcClient.h"
#include "solana/send/Sender.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QPointer>
#include <QStandardPaths>

namespace ovpp::ui {

using core::Error;
using core::ErrorCode;

struct ChainSession::Private
{
    WalletSession *wallet = nullptr;
    AppSettings *settings = nullptr;
    QString journalPath;
    core::ClusterConfig config;
    core::Cluster cluster;
    QString usdeOverride; // OVPP_USDE_MINT, base58
    std::unique_ptr<core::RpcClient> rpc;
    std::unique_ptr<core::Sender> sender;
    QString sendsUnavailable;
};

namespace {

QString defaultJournalPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/sends.sqlite");
}

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

ChainSession::ChainSession(WalletSession *wallet, AppSettings *settings, const QString &journalPath,
                           QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->wallet = wallet;
    d->settings = settings;
    d->journalPath = journalPath.isEmpty() ? defaultJournalPath() : journalPath;
    auto config = core::ClusterConfig::builtIn();
    if (config.ok())
        d->config = config.value();
    else
        qCWarning(lcUi) << "built-in cluster list:" << core::describe(config.error());

    // The sandbox points the app at its localnet through the environment; it wins over the
    // settings so that a developer's saved choice cannot send the tour to devnet.
    d->usdeOverride = qEnvironmentVariable("OVPP_USDE_MINT");
    if (!d->usdeOverride.isEmpty()) {
        auto mint = core::PublicKey::fromBase58(d->usdeOverride);
        if (mint.ok())
            (void)d->config.setMint(u"localnet", u"USDE", mint.value());
        else
            qCWarning(lcUi) << "OVPP_USDE_MINT is not an address; ignored";
    }
    QString choice = qEnvironmentVariable("OVPP_RPC_URL");
    if (choice.isEmpty() && settings)
        choice = settings->network();
    if (choice.isEmpty())
        choice = QStringLiteral("devnet");
    auto resolved = d->config.resolveUrl(choice);
    if (!resolved.ok()) {
        qCWarning(lcUi) << "cluster" << choice
                        << "unusable, using devnet:" << core::describe(resolved.error());
        resolved = d->config.resolveUrl(u"devnet");
    }
    if (resolved.ok())
        d->cluster = resolved.value();
    if (d->cluster.name == QLatin1String("custom") && !d->usdeOverride.isEmpty()) {
        auto mint = core::PublicKey::fromBase58(d->usdeOverride);
        if (mint.ok())
            d->cluster.usdeMint = mint.value();
    }

    d->rpc = std::make_unique<core::RpcClient>(d->cluster.rpcUrl);
    d->rpc->setCommitment(core::Commitment::Confirmed);
    d->sender = std::make_unique<core::Sender>(d->rpc.get(), d->journalPath);
    if (auto opened = d->sender->open(); !opened.ok()) {
        d->sendsUnavailable = core::describe(opened.error());
        qCWarning(lcUi) << "send journal" << d->journalPath << ":" << d->sendsUnavailable;
        d->sender.reset();
    } else if (auto resumed = d->sender->resumePending(); resumed.ok() && resumed.value() > 0) {
        qCInfo(lcUi) << "resumed" << resumed.value() << "journaled sends";
    }
    qCInfo(lcUi) << "cluster:" << d->cluster.name << d->cluster.rpcUrl.toString();
}

ChainSession::~ChainSession()
{
    // The Sender follows sends through the RpcClient: it goes first.
    d->sender.reset();
    d->rpc.reset();
}

const core::Cluster &ChainSession::cluster() const
{
    return d->cluster;
}

core::Result<void> ChainSession::setCluster(const QString &urlOrMoniker)
{
    auto resolved = d->config.resolveUrl(urlOrMoniker);
    if (!resolved.ok())
        return resolved.error();
    core::Cluster cluster = resolved.value();
    if (cluster.name == QLatin1String("custom") && !d->usdeOverride.isEmpty()) {
        auto mint = core::PublicKey::fromBase58(d->usdeOverride);
        if (mint.ok())
            cluster.usdeMint = mint.value();
    }
    if (d->settings)
        d->settings->setNetwork(urlOrMoniker);
    d->sender.reset();
    d->rpc = std::make_unique<core::RpcClient>(cluster.rpcUrl);
    d->rpc->setCommitment(core::Commitment::Confirmed);
    d->cluster = cluster;
    d->sender = std::make_unique<core::Sender>(d->rpc.get(), d->journalPath);
    d->sendsUnavailable.clear();
    if (auto opened = d->sender->open(); !opened.ok()) {
        d->sendsUnavailable = core::describe(opened.error());
        d->sender.reset();
    } else {
        // Sends journaled on another cluster cannot land here; they expire harmlessly after
        // their blockhash's last valid height, and the journal keeps the record.
        (void)d->sender->resumePending();
    }
    emit clusterChanged();
    return {};
}

QString ChainSession::clusterLabel() const
{
    const QString &name = d->cluster.name;
    if (name == QLatin1String("mainnet-beta"))
        return tr("Mainnet");
    if (name == QLatin1String("devnet"))
        return tr("Devnet");
    if (name == QLatin1String("testnet"))
        return tr("Testnet");
    if (name == QLatin1String("localnet"))
        return tr("Localnet");
    const QUrl &url = d->cluster.rpcUrl;
    if (isLoopbackHost(url.host()))
        return tr("Localnet (%1)").arg(url.port(80));
    return url.host();
}

core::RpcClient *ChainSession::rpc() const
{
    return d->rpc.get();
}

core::Sender *ChainSession::sender() const
{
    return d->sender.get();
}

QString ChainSession::sendsUnavailableReason() const
{
    return d->sendsUnavailable;
}

void ChainSession::submit(const core::PreparedSend &prepared, const QString &accountId,
                          QObject *context,
                          std::function<void(core::Result<core::PendingSend>)> done)
{
    if (!d->wallet) {
        done(Error {ErrorCode::Internal, QStringLiteral("no wallet session")});
        return;
    }
    if (!chainsigning::isUnlocked(d->wallet)) {
        done(Error {ErrorCode::Locked, QStringLiteral("the wallet is locked")});
        return;
    }
    if (!d->sender) {
        done(Error {ErrorCode::Unavailable, d->sendsUnavailable});
        return;
    }
    // Signed on the wallet worker; only the signed transaction (public bytes) comes back, then
    // it is journaled and broadcast here, on the Sender's thread.
    chainsigning::sign(
        d->wallet, context, prepared.message, accountId,
        [self = QPointer<ChainSession>(this), prepared,
         done = std::move(done)](core::Result<core::Transaction> signedTx) {
            if (!signedTx.ok()) {
                done(signedTx.error());
                return;
            }
            if (!self || !self->d->sender) {
                done(Error {ErrorCode::Unavailable,
                            self ? self->d->sendsUnavailable : QStringLiteral("shutting down")});
                return;
            }
            done(self->d->sender->submitSigned(prepared, signedTx.value()));
        });
}

} // namespace ovpp::ui
