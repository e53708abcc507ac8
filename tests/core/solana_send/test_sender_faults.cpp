// THE BIG ONE: 200 sends through the fault-injecting proxy (timeouts, 429, 500, malformed
// answers, resets, answers lost after the node acted) on a seeded schedule. Every send must end
// in a final state, none may be lost, none may land twice: the chain's balances must add up to
// the lamport, and every confirmed signature must be on chain exactly once.
#include "FaultProxy.h"
#include "LocalnetProcess.h"
#include "SendTestSupport.h"

#include <QSet>
#include <QTemporaryDir>

#include <memory>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

constexpr int SendCount = 200;
constexpr int Concurrency = 10;
constexpr std::uint64_t LamportsPerSol = 1'000'000'000;

TEST(SenderFaults, TwoHundredSendsThroughFaultsAddUpExactly)
{
    LocalnetProcess localnet;
    const QString started = localnet.start();
    ASSERT_TRUE(started.isEmpty()) << started.toStdString();
    FaultProxy proxy(localnet.rpcUrl());
    ASSERT_TRUE(proxy.listen());
    proxy.setRetryAfter("0");
    // At most 2 faults in a row, 5 attempts per read: reads always get through; sends (never
    // retried by the client) are re-broadcast by the Sender.
    proxy.setSchedule(
        FaultSchedule::seeded(20261124, 0.25, 2,
                              {Fault::Hold, Fault::TooManyRequests, Fault::ServerError,
                               Fault::Malformed, Fault::Reset, Fault::LostAfterForward}));

    RpcClient direct(localnet.rpcUrl()); // set-up and verification, no faults
    RpcClient client(proxy.url());
    RetryPolicy policy;
    policy.maxAttempts = 5;
    policy.baseDelayMs = 20;
    policy.maxDelayMs = 200;
    policy.timeoutMs = 1500; // a held request costs this much
    client.setRetryPolicy(policy);

    const Keypair payer = randomKeypair();
    const Keypair recipient = randomKeypair();
    ASSERT_EQ(airdrop(direct, payer.publicKey(), 50 * LamportsPerSol), QString());
    const std::uint64_t payerBefore = await(direct.getBalance(payer.publicKey())).value();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Sender sender(&client, dir.filePath(QStringLiteral("sends.sqlite")));
    sender.setPollIntervalMs(300);
    sender.setTargetState(SendState::Confirmed);
    ASSERT_TRUE(sender.open().ok());
    FinishedSends finished(&sender);

    // Distinct amounts: distinct messages, so distinct signatures even under one blockhash.
    QHash<QString, std::uint64_t> amountOf;
    int next = 0;
    int preparing = 0;
    int prepareRetries = 0;
    QStringList errors;
    QObject context;
    std::function<void(int)> start = [&](int index) {
        ++preparing;
        const std::uint64_t amount = 1'000'000 + static_cast<std::uint64_t>(index);
        sender.prepare(solTransfer(payer, recipient.publicKey(), amount))
            .then(&context, [&, index, amount](Result<PreparedSend> prepared) {
                --preparing;
                if (!prepared) {
                    if (prepared.error().code == ErrorCode::Unavailable) {
                        ++prepareRetries; // nothing signed yet: safe to prepare again
                        start(index);
                    } else {
                        errors.append(describe(prepared.error()));
                    }
                    return;
                }
                auto submitted = sender.submit(prepared.value(), payer);
                if (!submitted) {
                    errors.append(describe(submitted.error()));
                    return;
                }
                amountOf.insert(submitted->signature, amount);
            });
    };

    const QDeadlineTimer guard(600000); // a hang guard, not a measurement
    while (finished.size() < SendCount && errors.isEmpty() && !guard.hasExpired()) {
        while (next < SendCount && preparing + sender.activeCount() < Concurrency)
            start(next++);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    ASSERT_TRUE(errors.isEmpty()) << errors.join('\n').toStdString();
    ASSERT_EQ(finished.size(), SendCount) << "sends did not all reach a final state";
    ASSERT_EQ(amountOf.size(), SendCount); // distinct signatures

    // The faults really happened, sends included.
    const QList<Fault> faults = proxy.faults();
    for (Fault kind : {Fault::Hold, Fault::TooManyRequests, Fault::ServerError, Fault::Malformed,
                       Fault::Reset, Fault::LostAfterForward})
        EXPECT_TRUE(faults.contains(kind)) << faultName(kind).toStdString();
    int faultedSends = 0;
    for (const ProxyLogEntry &entry : proxy.log()) {
        if (entry.methods.contains(QStringLiteral("sendTransaction")) && entry.fault != Fault::None)
            ++faultedSends;
    }
    EXPECT_GT(faultedSends, 0);

    // Every send is final, journaled with that state; tally what must have moved.
    std::uint64_t received = 0;
    std::uint64_t spent = 0;
    int landed = 0;
    int rebroadcast = 0;
    QStringList signatures;
    for (const PendingSend &send : finished.all()) {
        ASSERT_TRUE(amountOf.contains(send.signature));
        signatures.append(send.signature);
        auto row = sender.journal().find(send.signature);
        ASSERT_TRUE(row.ok() && row->has_value());
        EXPECT_EQ((*row)->state, send.state);
        if (send.broadcasts > 1)
            ++rebroadcast;
        switch (send.state) {
        case SendState::Confirmed:
        case SendState::Finalized:
            received += amountOf.value(send.signature);
            spent += amountOf.value(send.signature) + send.fee;
            ++landed;
            break;
        case SendState::Failed:
            // Every transfer here is valid and funded: a failure is a bug (or a lost send).
            ADD_FAILURE() << "failed: " << send.error.toStdString();
            break;
        case SendState::Expired:
            break;
        default:
            ADD_FAILURE() << "not final: " << sendStateName(send.state).toStdString();
        }
    }
    ASSERT_EQ(sender.journal().all()->size(), SendCount);
    EXPECT_GT(landed, SendCount / 2); // a working pipeline lands most of them
    EXPECT_GT(rebroadcast, 0);

    // The chain agrees, to the lamport.
    pause(1500); // let the last confirmed ones settle; only balances are compared
    EXPECT_EQ(await(direct.getBalance(recipient.publicKey())).value(), received);
    EXPECT_EQ(await(direct.getBalance(payer.publicKey())).value(), payerBefore - spent);

    // Each signature's status matches what the Sender reported; the recipient's history holds
    // exactly the landed ones, each once.
    for (qsizetype start = 0; start < signatures.size(); start += 100) {
        const QStringList chunk = signatures.mid(start, 100);
        auto statuses = await(direct.getSignatureStatuses(chunk, true));
        ASSERT_TRUE(statuses.ok());
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const PendingSend send = finished.value(chunk.at(i));
            const auto &status = statuses->at(i);
            if (send.state == SendState::Confirmed || send.state == SendState::Finalized) {
                ASSERT_TRUE(status.has_value()) << chunk.at(i).toStdString();
                EXPECT_FALSE(status->err.has_value());
            } else if (send.state == SendState::Expired) {
                EXPECT_FALSE(status.has_value());
            }
        }
    }
    SignaturesQuery query;
    query.limit = 1000;
    auto history = await(direct.getSignaturesForAddress(recipient.publicKey(), query));
    ASSERT_TRUE(history.ok());
    QSet<QString> onChain;
    for (const SignatureInfo &info : history.value()) {
        EXPECT_FALSE(onChain.contains(info.signature)) << "landed twice";
        onChain.insert(info.signature);
    }
    EXPECT_EQ(onChain.size(), landed);
    for (const QString &signature : onChain)
        EXPECT_TRUE(amountOf.contains(signature));
}

} // namespace
