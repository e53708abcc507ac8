// RegistryLedger: replaying an owner's transactions into devices — which memos count (owner
// signed, successful, a registry memo of a known version) and how updates, retirements and
// re-registrations combine. Transactions are compiled locally with core/solana.
#include "crypto/Keypair.h"
#include "der/registry/RegistryLedger.h"
#include "der/registry/RegistryMemo.h"
#include "solana/MemoProgram.h"
#include "solana/Message.h"
#include "solana/ProgramIds.h"
#include "solana/SystemProgram.h"

#include <gtest/gtest.h>

#include <array>

using namespace ovpp::core;

namespace {

PublicKey key(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed {};
    seed[0] = n;
    return Keypair::fromSeed(seed).publicKey();
}

RegistryRecord registration(const QString &id, const QString &model)
{
    return RegistryMemo::registration(id, QStringLiteral("inverter"), QStringLiteral("Acme"), model,
                                      QStringLiteral("SER-") + id)
        .value();
}

Instruction memoOf(const RegistryRecord &record, const PublicKey &owner)
{
    return RegistryMemo::instruction(record, owner).value();
}

Message compiled(const PublicKey &payer, const QList<Instruction> &instructions)
{
    auto message = Message::compile(payer, instructions, Blockhash());
    EXPECT_TRUE(message.ok()) << message.error().detail.toStdString();
    return message.value();
}

class Ledger : public ::testing::Test
{
protected:
    void add(const QList<Instruction> &instructions, bool failed = false,
             const PublicKey *payer = nullptr)
    {
        ++m_slot;
        m_ledger.addTransaction(QStringLiteral("sig%1").arg(m_slot), m_slot, 1700000000 + m_slot,
                                compiled(payer ? *payer : m_owner, instructions), {}, failed);
    }

    PublicKey m_owner = key(1);
    PublicKey m_other = key(2);
    RegistryLedger m_ledger {m_owner};
    std::uint64_t m_slot = 100;
};

} // namespace

TEST_F(Ledger, ListsOwnerSignedRegistrationsById)
{
    add({memoOf(registration(QStringLiteral("b"), QStringLiteral("M2")), m_owner)});
    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M1")), m_owner)});
    const RegistryListing listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 2);
    EXPECT_EQ(listing.devices[0].record, registration(QStringLiteral("a"), QStringLiteral("M1")));
    EXPECT_EQ(listing.devices[0].signature, QStringLiteral("sig102"));
    EXPECT_EQ(listing.devices[0].slot, 102u);
    EXPECT_EQ(listing.devices[0].blockTime, 1700000102);
    EXPECT_FALSE(listing.devices[0].retired);
    EXPECT_EQ(listing.devices[1].record.deviceId, QStringLiteral("b"));
    EXPECT_EQ(listing.malformed, 0);
    EXPECT_EQ(listing.unsupportedVersions, 0);
}

TEST_F(Ledger, LaterRegistrationUpdatesAndRetirementFlags)
{
    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M1")), m_owner)});
    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M1-rev2")), m_owner)});
    auto listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_EQ(listing.devices[0].record.model, QStringLiteral("M1-rev2"));

    add({memoOf(RegistryMemo::retirement(QStringLiteral("a")).value(), m_owner)});
    listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_TRUE(listing.devices[0].retired);
    // The retired device keeps the details it was last registered with.
    EXPECT_EQ(listing.devices[0].record.model, QStringLiteral("M1-rev2"));
    EXPECT_EQ(listing.devices[0].record.action, RegistryRecord::Action::Register);
    EXPECT_EQ(listing.devices[0].signature, QStringLiteral("sig103"));

    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M3")), m_owner)});
    listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_FALSE(listing.devices[0].retired);
    EXPECT_EQ(listing.devices[0].record.model, QStringLiteral("M3"));
}

TEST_F(Ledger, RetirementWithoutRegistrationIsListedRetiredWithoutDetails)
{
    add({memoOf(RegistryMemo::retirement(QStringLiteral("ghost")).value(), m_owner)});
    const auto listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_TRUE(listing.devices[0].retired);
    EXPECT_EQ(listing.devices[0].record.deviceId, QStringLiteral("ghost"));
    EXPECT_TRUE(listing.devices[0].record.kind.isEmpty());
}

TEST_F(Ledger, InstructionsOfOneTransactionApplyInOrder)
{
    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M1")), m_owner),
         memoOf(RegistryMemo::retirement(QStringLiteral("a")).value(), m_owner)});
    auto listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_TRUE(listing.devices[0].retired);
}

TEST_F(Ledger, IgnoresMemosTheOwnerDidNotSign)
{
    // Someone else pays the owner and writes a registry memo naming the owner as a reader would
    // see it: the owner is in the transaction (so in its history) but signs nothing.
    Instruction forged = MemoProgram::memo(
        QString::fromUtf8(
            RegistryMemo::encode(registration(QStringLiteral("x"), QStringLiteral("M"))).value()),
        {m_other});
    forged.accounts.append(AccountMeta::readonly(m_owner, false));
    add({SystemProgram::transfer(m_other, m_owner, 1), forged}, false, &m_other);
    // The owner co-signs, but the memo lists only the other signer.
    add({SystemProgram::transfer(m_owner, m_other, 1),
         memoOf(registration(QStringLiteral("y"), QStringLiteral("M")), m_other)},
        false, &m_other);
    EXPECT_TRUE(m_ledger.listing().devices.isEmpty());
}

TEST_F(Ledger, IgnoresFailedTransactionsAndOtherPrograms)
{
    add({memoOf(registration(QStringLiteral("a"), QStringLiteral("M")), m_owner)}, true);
    // The memo bytes sent to a program that is not a memo program.
    Instruction notMemo = memoOf(registration(QStringLiteral("b"), QStringLiteral("M")), m_owner);
    notMemo.programId = programs::systemProgram();
    add({notMemo});
    EXPECT_TRUE(m_ledger.listing().devices.isEmpty());
}

TEST_F(Ledger, ForeignMemosAreIgnoredBadRegistryMemosCounted)
{
    add({MemoProgram::memo(QStringLiteral("thanks for lunch"), {m_owner})});
    add({MemoProgram::memo(QStringLiteral("ovpp:der:1;op=zap;id=a"), {m_owner})});
    add({MemoProgram::memo(QStringLiteral("ovpp:der:2;op=reg;id=a"), {m_owner})});
    add({memoOf(registration(QStringLiteral("ok"), QStringLiteral("M")), m_owner)});
    const auto listing = m_ledger.listing();
    ASSERT_EQ(listing.devices.size(), 1);
    EXPECT_EQ(listing.devices[0].record.deviceId, QStringLiteral("ok"));
    EXPECT_EQ(listing.malformed, 1);
    EXPECT_EQ(listing.unsupportedVersions, 1);
}

TEST_F(Ledger, AcceptsOlderMemoProgramDeployments)
{
    Instruction v1 = memoOf(registration(QStringLiteral("old"), QStringLiteral("M")), m_owner);
    v1.programId = programs::memoV1Program();
    add({v1});
    ASSERT_EQ(m_ledger.listing().devices.size(), 1);
}
