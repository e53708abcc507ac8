// RegistryReader against the sandbox localnet (litesvm): real registration memos signed by the
// owner, sent and confirmed, then listed back from the chain.
#include "RpcTestSupport.h"
#include "der/registry/RegistryMemo.h"
#include "der/registry/RegistryReader.h"
#include "solana/MemoProgram.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

using namespace ovpp::core;
using namespace ovpp::testing;

namespace {

class RegistryLocalnet : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString problem = m_localnet.start();
        ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
        m_client = std::make_unique<RpcClient>(m_localnet.rpcUrl());
    }
    void TearDown() override
    {
        m_client.reset();
        m_localnet.stop();
    }

    Keypair funded()
    {
        Keypair key = randomKeypair();
        const QString problem = airdrop(*m_client, key.publicKey(), 1'000'000'000);
        EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
        return key;
    }

    // Signs `instructions` as `payer` (plus `cosigners`), sends them and waits for confirmation.
    void sendConfirmed(const Keypair &payer, const QList<Instruction> &instructions)
    {
        auto blockhash = await(m_client->getLatestBlockhash());
        ASSERT_TRUE(blockhash.ok()) << blockhash.error().detail.toStdString();
        auto message = Message::compile(payer.publicKey(), instructions, blockhash->blockhash);
        ASSERT_TRUE(message.ok()) << message.error().detail.toStdString();
        Transaction tx(message.value());
        ASSERT_TRUE(tx.sign(payer).ok());
        auto signature = await(m_client->sendTransaction(tx));
        ASSERT_TRUE(signature.ok()) << signature.error().detail.toStdString();
        EXPECT_EQ(signature.value(), tx.id());
        const QString problem = waitConfirmed(*m_client, signature.value());
        ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    }

    void publish(const Keypair &owner, const RegistryRecord &record)
    {
        auto ix = RegistryMemo::instruction(record, owner.publicKey());
        ASSERT_TRUE(ix.ok()) << ix.error().detail.toStdString();
        sendConfirmed(owner, {ix.value()});
    }

    LocalnetProcess m_localnet;
    std::unique_ptr<RpcClient> m_client;
};

RegistryRecord registration(const QString &id, const QString &kind, const QString &manufacturer,
                            const QString &model, const QString &serial)
{
    auto record = RegistryMemo::registration(id, kind, manufacturer, model, serial);
    EXPECT_TRUE(record.ok()) << record.error().detail.toStdString();
    return record.value();
}

} // namespace

TEST_F(RegistryLocalnet, ListsTheDevicesTheOwnerRegistered)
{
    const Keypair owner = funded();
    const Keypair stranger = funded();
    const RegistryRecord inverter = registration(
        QStringLiteral("inv-01"), QStringLiteral("inverter"), QStringLiteral("SunSpec Sim"),
        QStringLiteral("SIM-103"), QStringLiteral("SN-0001"));
    const RegistryRecord charger
        = registration(QStringLiteral("evse-7"), QStringLiteral("evcharger"),
                       QString::fromUtf8("L\xC3\xA4"
                                         "dtechnik; GmbH"),
                       QStringLiteral("AC-22"), QStringLiteral("CH 0042"));

    publish(owner, inverter);
    // A memo of someone else's format in the same wallet's history.
    sendConfirmed(owner,
                  {MemoProgram::memo(QStringLiteral("invoice 42 paid"), {owner.publicKey()})});
    publish(owner, charger);
    // A stranger pays the owner with a registry-looking memo of their own: in the owner's
    // history, but not signed by the owner.
    Instruction forged = MemoProgram::memo(
        QString::fromUtf8(
            RegistryMemo::encode(registration(QStringLiteral("fake"), QStringLiteral("battery"),
                                              QStringLiteral("X"), QStringLiteral("Y"),
                                              QStringLiteral("Z")))
                .value()),
        {stranger.publicKey()});
    sendConfirmed(stranger,
                  {SystemProgram::transfer(stranger.publicKey(), owner.publicKey(), 5000), forged});
    publish(owner, RegistryMemo::retirement(QStringLiteral("evse-7")).value());

    RegistryReader reader(m_client.get());
    auto listing = await(reader.listDevices(owner.publicKey()));
    ASSERT_TRUE(listing.ok()) << listing.error().detail.toStdString();
    ASSERT_EQ(listing->devices.size(), 2);
    // Ordered by device id.
    const RegisteredDevice &first = listing->devices[0];
    const RegisteredDevice &second = listing->devices[1];
    EXPECT_EQ(first.record, charger);
    EXPECT_TRUE(first.retired);
    EXPECT_EQ(second.record, inverter);
    EXPECT_FALSE(second.retired);
    EXPECT_GT(first.slot, 0u);
    EXPECT_GE(first.slot, second.slot);
    EXPECT_NE(first.signature, second.signature);
    EXPECT_EQ(listing->malformed, 0);
    EXPECT_EQ(listing->unsupportedVersions, 0);
    EXPECT_FALSE(listing->truncated);
    // Only transactions whose memo names the format are downloaded: the three registry memos
    // and the stranger's forgery (rejected after download), not the airdrop or the invoice.
    EXPECT_EQ(listing->transactionsRead, 4);

    // The stranger's own forgery counts for the stranger, who signed it.
    auto strangers = await(reader.listDevices(stranger.publicKey()));
    ASSERT_TRUE(strangers.ok()) << strangers.error().detail.toStdString();
    ASSERT_EQ(strangers->devices.size(), 1);
    EXPECT_EQ(strangers->devices[0].record.deviceId, QStringLiteral("fake"));

    // A wallet that registered nothing has nothing.
    auto nobody = await(reader.listDevices(randomKeypair().publicKey()));
    ASSERT_TRUE(nobody.ok()) << nobody.error().detail.toStdString();
    EXPECT_TRUE(nobody->devices.isEmpty());
    EXPECT_EQ(nobody->transactionsRead, 0);
}

TEST_F(RegistryLocalnet, ReadsWithOneRequestAtATimeToo)
{
    const Keypair owner = funded();
    for (int i = 0; i < 3; ++i)
        publish(owner,
                registration(QStringLiteral("m-%1").arg(i), QStringLiteral("meter"),
                             QStringLiteral("Acme"), QStringLiteral("E%1").arg(i),
                             QStringLiteral("S%1").arg(i)));
    RegistryReader reader(m_client.get());
    reader.setParallelReads(1);
    auto listing = await(reader.listDevices(owner.publicKey()));
    ASSERT_TRUE(listing.ok()) << listing.error().detail.toStdString();
    ASSERT_EQ(listing->devices.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(listing->devices[i].record.deviceId, QStringLiteral("m-%1").arg(i));
        EXPECT_EQ(listing->devices[i].record.model, QStringLiteral("E%1").arg(i));
    }
}

TEST_F(RegistryLocalnet, UnreachableNodeIsAnError)
{
    const Keypair owner = funded();
    const QUrl url = m_localnet.rpcUrl();
    m_localnet.stop();
    RpcClient client(url);
    RetryPolicy policy = client.retryPolicy();
    policy.maxAttempts = 1; // the failure, not the backoff, is what this test is about
    client.setRetryPolicy(policy);
    RegistryReader reader(&client);
    auto listing = await(reader.listDevices(owner.publicKey()));
    ASSERT_FALSE(listing.ok());
    EXPECT_EQ(listing.error().code, ErrorCode::Unavailable);
}

// The longest v1 memo (every field at its limit) is accepted by the memo program and read back.
TEST_F(RegistryLocalnet, LongestRegistrationLandsAndReadsBack)
{
    const Keypair owner = funded();
    RegistryRecord longest = registration(QString(64, u'i'), QString(24, u'k'), QString(64, u';'),
                                          QString(64, u'%'), QStringLiteral("s"));
    longest.serialHash.fill(0xff); // a 44-character sn
    ASSERT_EQ(static_cast<std::size_t>(RegistryMemo::encode(longest).value().size()),
              RegistryMemo::MaxMemoBytes);
    publish(owner, longest);

    RegistryReader reader(m_client.get());
    auto listing = await(reader.listDevices(owner.publicKey()));
    ASSERT_TRUE(listing.ok()) << listing.error().detail.toStdString();
    ASSERT_EQ(listing->devices.size(), 1);
    EXPECT_EQ(listing->devices[0].record, longest);

    auto fetched = await(m_client->getTransaction(listing->devices[0].signature));
    ASSERT_TRUE(fetched.ok());
    ASSERT_TRUE(fetched.value().has_value());
    if (fetched.value()->computeUnitsConsumed)
        std::printf("longest registration: %llu compute units\n",
                    static_cast<unsigned long long>(*fetched.value()->computeUnitsConsumed));
}
