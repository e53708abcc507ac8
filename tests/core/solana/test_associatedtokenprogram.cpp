// Associated Token Account builders: Create with empty data (golden (e), @solana/spl-token) or
// with the explicit [0] tag (Rust interface), CreateIdempotent (golden (c)), and the account
// order of REFERENCE.md §2.4.

#include "SolanaTestData.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/ProgramIds.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

QJsonObject inputs()
{
    return golden()[u"solana_transactions"][u"inputs"].toObject();
}

QJsonObject goldenInstruction(int transaction, int instruction)
{
    return golden()[u"solana_transactions"][u"transactions"][transaction][u"instructions"]
                   [instruction]
                       .toObject();
}

QList<AccountMeta> metas(const QJsonValue &array)
{
    QList<AccountMeta> out;
    for (const QJsonValue &meta : array.toArray())
        out.append(
            {key(meta[u"pubkey"]), meta[u"isSigner"].toBool(), meta[u"isWritable"].toBool()});
    return out;
}

} // namespace

TEST(AssociatedTokenProgram, CreateWithEmptyDataMatchesGoldenE)
{
    const QJsonObject in = inputs();
    const Instruction instruction
        = AssociatedTokenProgram::create(key(in[u"payer_pubkey"]), key(in[u"payer_ata"]),
                                         key(in[u"payer_pubkey"]), key(in[u"mint_pubkey"]));
    const QJsonObject expected = goldenInstruction(0, 2);
    EXPECT_EQ(instruction.programId, programs::associatedTokenProgram());
    EXPECT_TRUE(instruction.data.isEmpty());
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(AssociatedTokenProgram, CreateWithExplicitTagSendsZero)
{
    const Instruction instruction = AssociatedTokenProgram::create(
        testKey(1), testKey(2), testKey(3), testKey(4), programs::tokenProgram(),
        AssociatedTokenProgram::CreateEncoding::ExplicitTag);
    EXPECT_EQ(instruction.data, QByteArray(1, '\0'));
    const Instruction empty
        = AssociatedTokenProgram::create(testKey(1), testKey(2), testKey(3), testKey(4));
    EXPECT_EQ(instruction.accounts, empty.accounts);
}

TEST(AssociatedTokenProgram, CreateIdempotentMatchesGoldenC)
{
    const QJsonObject in = inputs();
    const Instruction instruction = AssociatedTokenProgram::createIdempotent(
        key(in[u"payer_pubkey"]), key(in[u"recipient_ata"]), key(in[u"recipient_pubkey"]),
        key(in[u"mint_pubkey"]));
    const QJsonObject expected = goldenInstruction(3, 2);
    EXPECT_EQ(instruction.data, QByteArray(1, '\x01'));
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(AssociatedTokenProgram, Token2022GoesInTheLastAccount)
{
    const Instruction instruction = AssociatedTokenProgram::createIdempotent(
        testKey(1), testKey(2), testKey(3), testKey(4), programs::token2022Program());
    ASSERT_EQ(instruction.accounts.size(), 6);
    EXPECT_EQ(instruction.accounts[4], AccountMeta::readonly(programs::systemProgram()));
    EXPECT_EQ(instruction.accounts[5], AccountMeta::readonly(programs::token2022Program()));
}
