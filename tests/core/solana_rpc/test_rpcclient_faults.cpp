// RpcClient through the fault-injecting proxy in front of the sandbox localnet: which failures
// are retried (idempotent reads: 429, 500, resets, malformed answers, timeouts), that Retry-After
// sets the wait, that sends are never repeated, and how a timeout reads. Counts and order of
// attempts are asserted, never durations.
#include "FaultProxy.h"
#include "RpcTestSupport.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

struct Retried
{
    QString methods;
    int attempt = 0;
    int delayMs = 0;
};

class RpcFaults : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString problem = m_localnet.start();
        ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
        m_proxy = std::make_unique<FaultProxy>(m_localnet.rpcUrl());
        ASSERT_TRUE(m_proxy->listen());
        m_direct = std::make_unique<RpcClient>(m_localnet.rpcUrl());
        m_client = std::make_unique<RpcClient>(m_proxy->url());
        RetryPolicy policy;
        policy.baseDelayMs = 20;
        policy.maxDelayMs = 200;
        policy.maxAttempts = 5;
        policy.timeoutMs = 10000;
        m_client->setRetryPolicy(policy);
        QObject::connect(m_client.get(), &RpcClient::retryScheduled,
                         [this](const QString &methods, int attempt, int delayMs, const QString &) {
                             m_retries.append({methods, attempt, delayMs});
                         });
    }
    void TearDown() override
    {
        m_client.reset();
        m_direct.reset();
        m_proxy.reset();
        m_localnet.stop();
    }

    void setPolicy(int maxAttempts, int timeoutMs = 10000)
    {
        RetryPolicy policy = m_client->retryPolicy();
        policy.maxAttempts = maxAttempts;
        policy.timeoutMs = timeoutMs;
        m_client->setRetryPolicy(policy);
    }

    LocalnetProcess m_localnet;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<RpcClient> m_direct; // bypasses the proxy: what really happened
    std::unique_ptr<RpcClient> m_client;
    QList<Retried> m_retries;
};

std::string text(const Error &error)
{
    return error.detail.toStdString();
}

} // namespace

TEST_F(RpcFaults, ReadsRetryThroughEveryTransientFault)
{
    const Keypair key = randomKeypair();
    ASSERT_TRUE(airdrop(*m_direct, key.publicKey(), 777'000'000).isEmpty());
    const QList<Fault> script {Fault::TooManyRequests, Fault::ServerError, Fault::Reset,
                               Fault::Malformed};
    m_proxy->setSchedule(FaultSchedule::script(script));
    auto balance = await(m_client->getBalance(key.publicKey()));
    ASSERT_TRUE(balance.ok()) << text(balance.error());
    EXPECT_EQ(*balance, 777'000'000u);
    // Every fault cost exactly one attempt, then the fifth went through.
    QList<Fault> expected = script;
    expected.append(Fault::None);
    EXPECT_EQ(m_proxy->faults(), expected);
    ASSERT_EQ(m_retries.size(), 4);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(m_retries[i].attempt, i + 1);
        EXPECT_EQ(m_retries[i].methods, "getBalance");
    }
    for (const ProxyLogEntry &entry : m_proxy->log())
        EXPECT_EQ(entry.methods, QStringList {"getBalance"});
}

TEST_F(RpcFaults, RetryAfterSetsTheWait)
{
    m_proxy->setRetryAfter("2");
    m_proxy->setSchedule(FaultSchedule::script({Fault::TooManyRequests, Fault::TooManyRequests}));
    auto height = await(m_client->getBlockHeight());
    ASSERT_TRUE(height.ok()) << text(height.error());
    EXPECT_EQ(m_proxy->faults(),
              (QList<Fault> {Fault::TooManyRequests, Fault::TooManyRequests, Fault::None}));
    ASSERT_EQ(m_retries.size(), 2);
    // The backoff alone would be at most 200 ms here; the server asked for 2 s.
    for (const Retried &r : m_retries)
        EXPECT_GE(r.delayMs, 2000);
}

TEST_F(RpcFaults, RetryAfterBeyondThePolicyFailsAtOnce)
{
    m_proxy->setRetryAfter("3600");
    m_proxy->setSchedule(FaultSchedule::script({Fault::TooManyRequests}));
    auto height = await(m_client->getBlockHeight());
    ASSERT_FALSE(height.ok());
    EXPECT_EQ(height.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(height.error().detail.contains("HTTP 429")) << text(height.error());
    EXPECT_TRUE(height.error().detail.contains("3600 s")) << text(height.error());
    EXPECT_EQ(m_proxy->log().size(), 1);
    EXPECT_TRUE(m_retries.isEmpty());
}

TEST_F(RpcFaults, GivesUpAfterMaxAttemptsWithTheLastProblem)
{
    setPolicy(3);
    m_proxy->setSchedule(FaultSchedule::script(QList<Fault>(5, Fault::ServerError)));
    auto height = await(m_client->getBlockHeight());
    ASSERT_FALSE(height.ok());
    EXPECT_EQ(height.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(height.error().detail.contains("HTTP 500")) << text(height.error());
    EXPECT_TRUE(height.error().detail.contains("after 3 attempts")) << text(height.error());
    EXPECT_FALSE(RpcClient::rpcErrorCode(height.error()).has_value());
    EXPECT_EQ(m_proxy->log().size(), 3);
    EXPECT_EQ(m_retries.size(), 2);
}

TEST_F(RpcFaults, TimeoutSurfacesAsAClearError)
{
    setPolicy(2, 300);
    m_proxy->setSchedule(FaultSchedule::script({Fault::Hold, Fault::Hold}));
    auto height = await(m_client->getBlockHeight());
    ASSERT_FALSE(height.ok());
    EXPECT_EQ(height.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(height.error().detail.contains("no answer from")) << text(height.error());
    EXPECT_TRUE(height.error().detail.contains("within 300 ms")) << text(height.error());
    EXPECT_TRUE(height.error().detail.contains("getBlockHeight")) << text(height.error());
    EXPECT_EQ(m_proxy->faults(), (QList<Fault> {Fault::Hold, Fault::Hold}));
}

TEST_F(RpcFaults, TimeoutThenSuccessWhenTheNodeRecovers)
{
    setPolicy(3, 300);
    m_proxy->setSchedule(FaultSchedule::script({Fault::Hold}));
    auto latest = await(m_client->getLatestBlockhash());
    ASSERT_TRUE(latest.ok()) << text(latest.error());
    EXPECT_EQ(m_proxy->faults(), (QList<Fault> {Fault::Hold, Fault::None}));
}

TEST_F(RpcFaults, SendIsNeverRetriedEvenOnA500)
{
    const Keypair payer = randomKeypair();
    ASSERT_TRUE(airdrop(*m_direct, payer.publicKey(), 1'000'000'000).isEmpty());
    auto latest = await(m_direct->getLatestBlockhash());
    ASSERT_TRUE(latest.ok());
    auto tx = signedTransfer(payer, randomKeypair().publicKey(), 1000, latest->blockhash);
    ASSERT_TRUE(tx.ok());
    m_proxy->setSchedule(FaultSchedule::script({Fault::ServerError}));
    auto sent = await(m_client->sendTransaction(*tx));
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(m_proxy->log().size(), 1);
    EXPECT_TRUE(m_retries.isEmpty());
    auto statuses = await(m_direct->getSignatureStatuses({tx->id()}));
    ASSERT_TRUE(statuses.ok());
    EXPECT_FALSE(statuses->first().has_value()); // the 500 came before the node saw it
}

TEST_F(RpcFaults, LostAnswerAfterSendDoesNotMeanALostTransaction)
{
    const Keypair payer = randomKeypair();
    ASSERT_TRUE(airdrop(*m_direct, payer.publicKey(), 1'000'000'000).isEmpty());
    auto latest = await(m_direct->getLatestBlockhash());
    ASSERT_TRUE(latest.ok());
    const PublicKey recipient = randomKeypair().publicKey();
    // Enough for a rent-exempt new account, or the node would refuse it.
    const std::uint64_t amount = 1'000'000;
    auto tx = signedTransfer(payer, recipient, amount, latest->blockhash);
    ASSERT_TRUE(tx.ok());
    m_proxy->setSchedule(FaultSchedule::script({Fault::LostAfterForward}));
    auto sent = await(m_client->sendTransaction(*tx));
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(sent.error().detail.contains("may have been processed")) << text(sent.error());
    EXPECT_TRUE(m_retries.isEmpty());
    // Exactly one copy went out: neither the client nor Qt's HTTP layer re-sent it.
    EXPECT_EQ(m_proxy->log().size(), 1);
    EXPECT_EQ(m_proxy->forwardedCount(), 1);
    // The node got it: this is why the send pipeline polls the status of the same signature
    // (and re-broadcasts the same bytes) instead of the client blindly sending again.
    const QString problem = waitConfirmed(*m_direct, tx->id());
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    // The pipeline's re-broadcast of the same bytes reports the landed transaction as sent.
    auto again = await(m_client->sendTransaction(*tx));
    ASSERT_TRUE(again.ok()) << text(again.error());
    EXPECT_EQ(*again, tx->id());
    auto balance = await(m_direct->getBalance(recipient));
    ASSERT_TRUE(balance.ok());
    EXPECT_EQ(*balance, amount);
}

TEST_F(RpcFaults, AirdropIsNotRetriedEither)
{
    m_proxy->setSchedule(FaultSchedule::script({Fault::Reset}));
    auto signature = await(m_client->requestAirdrop(randomKeypair().publicKey(), 1000));
    ASSERT_FALSE(signature.ok());
    EXPECT_TRUE(m_retries.isEmpty());
    EXPECT_EQ(m_proxy->log().size(), 1);
}

TEST_F(RpcFaults, BatchIsRetriedAsAWhole)
{
    m_proxy->setSchedule(FaultSchedule::script({Fault::ServerError}));
    auto tick = await(m_client->getSignatureStatusesAndBlockHeight({randomTransactionId()}));
    ASSERT_TRUE(tick.ok()) << text(tick.error());
    ASSERT_EQ(tick->statuses.size(), 1);
    EXPECT_FALSE(tick->statuses.first().has_value());
    ASSERT_EQ(m_proxy->log().size(), 2);
    const QStringList both {"getSignatureStatuses", "getBlockHeight"};
    EXPECT_EQ(m_proxy->log()[0].methods, both);
    EXPECT_EQ(m_proxy->log()[1].methods, both);
    ASSERT_EQ(m_retries.size(), 1);
    EXPECT_EQ(m_retries[0].methods, "getSignatureStatuses,getBlockHeight");
}

TEST_F(RpcFaults, SeededScheduleEveryReadSucceeds)
{
    // At most 2 faults in a row and 3 attempts per call: every read must get through, and
    // each fault must have cost exactly one retry.
    setPolicy(3);
    m_proxy->setSchedule(FaultSchedule::seeded(
        20261124, 0.5, 2,
        {Fault::TooManyRequests, Fault::ServerError, Fault::Reset, Fault::Malformed}));
    m_proxy->setRetryAfter("0");
    const int calls = 20;
    for (int i = 0; i < calls; ++i) {
        auto height = await(m_client->getBlockHeight());
        ASSERT_TRUE(height.ok()) << i << ": " << text(height.error());
    }
    EXPECT_EQ(m_proxy->forwardedCount(), calls);
    EXPECT_EQ(m_proxy->log().size() - calls, m_retries.size());
    EXPECT_GT(m_retries.size(), 0); // the seed does inject faults
}

TEST_F(RpcFaults, ExtraHeadersReachTheNode)
{
    m_client->setHeaders({{"X-Api-Key", "sandbox-key-1"}});
    auto height = await(m_client->getBlockHeight());
    ASSERT_TRUE(height.ok()) << text(height.error());
    ASSERT_EQ(m_proxy->log().size(), 1);
    EXPECT_EQ(m_proxy->log()[0].apiKeyHeader, "sandbox-key-1");
}

TEST_F(RpcFaults, UnreachableNodeIsUnavailable)
{
    // The proxy's port once it has stopped listening: nothing answers there.
    const QUrl url = m_proxy->url();
    m_proxy.reset();
    RpcClient client(url);
    RetryPolicy policy;
    policy.maxAttempts = 2;
    policy.baseDelayMs = 10;
    client.setRetryPolicy(policy);
    auto health = await(client.getHealth());
    ASSERT_FALSE(health.ok());
    EXPECT_EQ(health.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(health.error().detail.contains("could not talk to http://127.0.0.1:"))
        << text(health.error());
}

TEST_F(RpcFaults, DestroyingTheClientCancelsWhatIsInFlight)
{
    m_proxy->setSchedule(FaultSchedule::script({Fault::Hold}));
    QFuture<Result<std::uint64_t>> height = m_client->getBlockHeight();
    for (int i = 0; i < 1000 && m_proxy->log().isEmpty(); ++i)
        pause(10);
    ASSERT_EQ(m_proxy->log().size(), 1); // the request is out and held
    m_client.reset();
    pause(50);
    EXPECT_TRUE(height.isFinished());
    EXPECT_TRUE(height.isCanceled());
}
