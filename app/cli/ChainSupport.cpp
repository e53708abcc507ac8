#include "ChainSupport.h"

#include "solana/ProgramIds.h"
#include "solana/TransactionDecoder.h"
#include "solana/pay/PaymentAmount.h"

#include <QTextStream>

#include <cstdio>
#include <string>

namespace ovpp::cli::chain {

using namespace core;

namespace {

const QString UrlOption = QStringLiteral("url");
const QString UsdeMintOption = QStringLiteral("usde-mint");

// SPL mint layout: mint authority (COption<Pubkey>, 36 bytes), supply (u64), then decimals.
constexpr qsizetype MintDecimalsOffset = 44;
constexpr qsizetype MintMinimumSize = 82;

} // namespace

const QStringList &clusterOptions()
{
    static const QStringList options {UrlOption, UsdeMintOption};
    return options;
}

Outcome<Cluster> cluster(const Invocation &in)
{
    auto config = ClusterConfig::builtIn();
    if (!config.ok())
        return failureFrom(config.error(), QStringLiteral("the built-in cluster list"));
    const QString url = in.line.has(UrlOption) ? in.line.value(UrlOption) : QStringLiteral("l");
    // The sandbox makes its USDE mint at run time: the localnet (and a custom URL, which is
    // most often a local node too) learns it from the option or the environment.
    QString usde = in.line.value(UsdeMintOption);
    if (usde.isEmpty())
        usde = qEnvironmentVariable("OVPP_USDE_MINT");
    if (!usde.isEmpty()) {
        auto mint = PublicKey::fromBase58(usde);
        if (!mint.ok()) {
            return usageFailure(QStringLiteral("the USDE mint %1 (--usde-mint or OVPP_USDE_MINT) "
                                               "is not an address: %2")
                                    .arg(usde, mint.error().detail));
        }
        if (auto set = config->setMint(u"localnet", u"USDE", mint.value()); !set.ok())
            return failureFrom(set.error(), QStringLiteral("the USDE mint"));
    }
    auto resolved = config->resolveUrl(url);
    if (!resolved.ok()) {
        return usageFailure(QStringLiteral("--url %1 is neither a cluster (mainnet-beta, devnet, "
                                           "testnet, localnet or m, d, t, l) nor an http(s) URL")
                                .arg(url));
    }
    Cluster result = resolved.value();
    if (result.name == QLatin1String("custom") && !usde.isEmpty())
        result.usdeMint = PublicKey::fromBase58(usde).value();
    return result;
}

std::unique_ptr<RpcClient> client(const Cluster &cluster)
{
    auto rpc = std::make_unique<RpcClient>(cluster.rpcUrl);
    rpc->setCommitment(Commitment::Confirmed);
    return rpc;
}

Outcome<PublicKey> address(const QString &text, const QString &what)
{
    auto key = PublicKey::fromBase58(text);
    if (!key.ok()) {
        return userFailure(QStringLiteral("invalid-address"),
                           QStringLiteral("%1 '%2' is not a Solana address (%3) — check it, an "
                                          "address is 32 to 44 base58 characters")
                               .arg(what, text, key.error().detail));
    }
    return key.value();
}

Outcome<QString> signature(const QString &text)
{
    // A signature is 64 bytes of base58: 87 or 88 characters, never 0, O, I or l.
    static const QString alphabet
        = QStringLiteral("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
    bool valid = text.size() >= 64 && text.size() <= 88;
    for (const QChar c : text)
        valid = valid && alphabet.contains(c);
    if (!valid) {
        return userFailure(QStringLiteral("invalid-signature"),
                           QStringLiteral("'%1' is not a transaction signature (64 bytes of "
                                          "base58, 87 or 88 characters)")
                               .arg(text));
    }
    return text;
}

Outcome<PublicKey> mint(const QString &text, const Cluster &cluster)
{
    const QString upper = text.toUpper();
    if (upper == QLatin1String("USDE") || upper == QLatin1String("USDC")) {
        const auto &known = upper == QLatin1String("USDE") ? cluster.usdeMint : cluster.usdcMint;
        if (!known) {
            QString hint = QStringLiteral("give the mint's address instead");
            if (upper == QLatin1String("USDE")
                && (cluster.name == QLatin1String("localnet")
                    || cluster.name == QLatin1String("custom")))
                hint = QStringLiteral("the sandbox prints it as USDE_MINT: pass --usde-mint "
                                      "ADDRESS or set OVPP_USDE_MINT");
            return userFailure(
                QStringLiteral("unknown-mint"),
                QStringLiteral("%1 has no %2 mint configured — %3").arg(cluster.name, upper, hint));
        }
        return *known;
    }
    return address(text, QStringLiteral("the mint"));
}

QString mintName(const PublicKey &mint, const Cluster &cluster)
{
    if (cluster.usdeMint && *cluster.usdeMint == mint)
        return QStringLiteral("USDE");
    if (cluster.usdcMint && *cluster.usdcMint == mint)
        return QStringLiteral("USDC");
    return {};
}

Outcome<MintInfo> fetchMint(RpcClient &rpc, const PublicKey &mint, const Cluster &cluster)
{
    auto account = await(rpc.getAccountInfo(mint));
    if (!account.ok())
        return rpcFailure(account.error(), cluster);
    const std::optional<core::OnChainAccount> &info = account.value();
    if (!info) {
        return userFailure(QStringLiteral("not-found"),
                           QStringLiteral("there is no mint %1 on %2 — check the address and "
                                          "--url")
                               .arg(mint.toBase58(), cluster.name));
    }
    if ((info->owner != programs::tokenProgram() && info->owner != programs::token2022Program())
        || info->data.size() < MintMinimumSize) {
        return userFailure(QStringLiteral("not-a-mint"),
                           QStringLiteral("%1 is not an SPL token mint (its owner is %2)")
                               .arg(mint.toBase58(), info->owner.toBase58()));
    }
    MintInfo result;
    result.address = mint;
    result.programId = info->owner;
    result.decimals = static_cast<std::uint8_t>(info->data.at(MintDecimalsOffset));
    return result;
}

Failure rpcFailure(const Error &error, const Cluster &cluster)
{
    const QString url = cluster.rpcUrl.toString();
    switch (error.code) {
    case ErrorCode::Unavailable:
        return userFailure(QStringLiteral("unavailable"),
                           QStringLiteral("the Solana node at %1 did not answer (%2) — is it "
                                          "running? Check --url, or try again later")
                               .arg(url, error.detail));
    case ErrorCode::InvalidArgument:
        return userFailure(
            QStringLiteral("rpc-error"),
            QStringLiteral("the Solana node at %1 refused the request: %2").arg(url, error.detail));
    default:
        return failureFrom(error, QStringLiteral("the request to %1").arg(url));
    }
}

QString solText(std::uint64_t lamports)
{
    return PaymentAmount::fromBaseUnits(lamports, PaymentAmount::SolDecimals)
        + QStringLiteral(" SOL");
}

QJsonValue units(std::uint64_t value)
{
    return TransactionDecoder::u64Value(value);
}

bool confirm(const QString &question)
{
    const QByteArray prompt = (question + QStringLiteral(" [y/N] ")).toUtf8();
    std::fwrite(prompt.constData(), 1, static_cast<std::size_t>(prompt.size()), stderr);
    std::fflush(stderr);
    char buffer[64] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return false;
    const QString answer = QString::fromUtf8(buffer).trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

} // namespace ovpp::cli::chain
