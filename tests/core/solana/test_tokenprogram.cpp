// SPL Token builders: TransferChecked, InitializeMint2 and MintTo against golden.json (c) and
// (e), the freeze-authority and multisig variants, and Token-2022 as program id.

#include "SolanaTestData.h"
#include "solana/ProgramIds.h"
#include "solana/TokenProgram.h"

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

TEST(TokenProgram, TransferCheckedMatchesGoldenC)
{
    const QJsonObject in = inputs();
    const Instruction instruction = TokenProgram::transferChecked(
        key(in[u"payer_ata"]), key(in[u"mint_pubkey"]), key(in[u"recipient_ata"]),
        key(in[u"payer_pubkey"]), in[u"transfer_checked_amount"].toString().toULongLong(),
        static_cast<std::uint8_t>(in[u"decimals"].toInt()));
    const QJsonObject expected = goldenInstruction(3, 3);
    EXPECT_EQ(instruction.programId, programs::tokenProgram());
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(TokenProgram, InitializeMint2WithoutFreezeAuthorityMatchesGoldenE)
{
    const QJsonObject in = inputs();
    const Instruction instruction
        = TokenProgram::initializeMint2(key(in[u"mint_pubkey"]), 6, key(in[u"payer_pubkey"]));
    const QJsonObject expected = goldenInstruction(0, 1);
    EXPECT_EQ(instruction.data.size(), 35);
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(TokenProgram, InitializeMint2WithFreezeAuthorityIs67Bytes)
{
    const Instruction instruction
        = TokenProgram::initializeMint2(testKey(1), 9, testKey(2), testKey(3));
    ASSERT_EQ(instruction.data.size(), 67);
    EXPECT_EQ(instruction.data.left(2), QByteArray::fromHex("1409"));
    EXPECT_EQ(instruction.data.mid(2, 32), toByteArray(testKey(2).bytes()));
    EXPECT_EQ(instruction.data[34], '\x01');
    EXPECT_EQ(instruction.data.mid(35), toByteArray(testKey(3).bytes()));
}

TEST(TokenProgram, MintToMatchesGoldenE)
{
    const QJsonObject in = inputs();
    const Instruction instruction = TokenProgram::mintTo(
        key(in[u"mint_pubkey"]), key(in[u"payer_ata"]), key(in[u"payer_pubkey"]),
        in[u"mint_to_amount"].toString().toULongLong());
    const QJsonObject expected = goldenInstruction(0, 3);
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(TokenProgram, MultisigAuthorityIsNotASignerButItsMembersAre)
{
    const Instruction instruction = TokenProgram::transferChecked(
        testKey(1), testKey(2), testKey(3), testKey(4), 5, 0, {testKey(5), testKey(6)});
    EXPECT_EQ(
        instruction.accounts,
        (QList<AccountMeta> {AccountMeta::writable(testKey(1)), AccountMeta::readonly(testKey(2)),
                             AccountMeta::writable(testKey(3)), AccountMeta::readonly(testKey(4)),
                             AccountMeta::readonly(testKey(5), true),
                             AccountMeta::readonly(testKey(6), true)}));
    const Instruction mint
        = TokenProgram::mintTo(testKey(1), testKey(2), testKey(3), 7, {testKey(4)});
    EXPECT_FALSE(mint.accounts[2].isSigner);
    EXPECT_TRUE(mint.accounts[3].isSigner);
}

TEST(TokenProgram, Token2022UsesTheSameLayoutUnderItsOwnId)
{
    const Instruction classic
        = TokenProgram::transferChecked(testKey(1), testKey(2), testKey(3), testKey(4), 99, 2);
    const Instruction t22 = TokenProgram::transferChecked(
        testKey(1), testKey(2), testKey(3), testKey(4), 99, 2, {}, programs::token2022Program());
    EXPECT_EQ(t22.programId, programs::token2022Program());
    EXPECT_EQ(t22.data, classic.data);
    EXPECT_EQ(t22.accounts, classic.accounts);
    EXPECT_EQ(classic.data,
              QByteArray::fromHex("0c"
                                  "6300000000000000"
                                  "02"));
}
