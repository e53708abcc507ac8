#pragma once

// Shared helpers of the RPC client tests: wait for a QFuture while the event loop runs, fund
// keys, and build a signed SOL transfer with core/solana.

#include "LocalnetProcess.h"
#include "crypto/Base58.h"
#include "crypto/Keypair.h"
#include "solana/SystemProgram.h"
#include "solana/rpc/RpcClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThread>

#include <gtest/gtest.h>

#include <array>

namespace ovpp::testing {

// Runs the event loop until `future` finishes. The deadline only guards against a hang (a
// failing test instead of a stuck CI job); nothing asserts how long anything took.
template<typename T> T await(QFuture<T> future)
{
    const QDeadlineTimer deadline(90000);
    while (!future.isFinished()) {
        if (deadline.hasExpired())
            qFatal("an RPC future did not finish within 90 s");
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return future.result();
}

// Lets the event loop run for about `ms` (polling intervals only).
inline void pause(int ms)
{
    const QDeadlineTimer until(ms);
    while (!until.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
}

inline core::Keypair randomKeypair()
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &b : seed)
        b = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Keypair::fromSeed(seed);
}

// A well-formed signature no node has seen.
inline QString randomTransactionId()
{
    std::array<std::uint8_t, 64> bytes {};
    for (auto &b : bytes)
        b = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::base58::encode(bytes);
}

// Polls until the node reports `signature` at least confirmed (or failed). Empty on success.
inline QString waitConfirmed(core::RpcClient &client, const QString &signature)
{
    for (int poll = 0; poll < 300; ++poll) {
        auto statuses = await(client.getSignatureStatuses({signature}));
        if (!statuses.ok())
            return statuses.error().detail;
        const auto &status = statuses->first();
        if (status && status->err)
            return QStringLiteral("transaction failed: %1").arg(*status->err);
        if (status
            && (status->confirmationStatus == QLatin1String("confirmed")
                || status->confirmationStatus == QLatin1String("finalized")))
            return {};
        pause(100);
    }
    return QStringLiteral("not confirmed after 300 polls");
}

inline QString airdrop(core::RpcClient &client, const core::PublicKey &to, std::uint64_t lamports)
{
    auto signature = await(client.requestAirdrop(to, lamports));
    if (!signature.ok())
        return signature.error().detail;
    return waitConfirmed(client, signature.value());
}

// POST /faucet {owner, amount}: mints sandbox USDE to the owner's associated token account.
inline QString faucet(const QUrl &faucetUrl, const core::PublicKey &owner, std::uint64_t amount)
{
    QNetworkAccessManager network;
    QNetworkRequest request(faucetUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body {{"owner", owner.toBase58()}, {"amount", QString::number(amount)}};
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    const QDeadlineTimer deadline(60000);
    while (!reply->isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const QByteArray answer = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status == 200
        ? QString()
        : QStringLiteral("faucet: HTTP %1 %2").arg(status).arg(QString::fromUtf8(answer));
}

inline core::Result<core::Transaction> signedTransfer(const core::Keypair &from,
                                                      const core::PublicKey &to,
                                                      std::uint64_t lamports,
                                                      const core::Blockhash &blockhash)
{
    auto message = core::Message::compile(
        from.publicKey(), {core::SystemProgram::transfer(from.publicKey(), to, lamports)},
        blockhash);
    if (!message)
        return message.error();
    core::Transaction tx(message.value());
    auto signedOk = tx.sign(from);
    if (!signedOk)
        return signedOk.error();
    return tx;
}

} // namespace ovpp::testing
