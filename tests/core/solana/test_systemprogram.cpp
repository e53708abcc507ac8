// System program builders: data bytes and account metas against golden.json (a) and (e) and
// the bincode layout of REFERENCE.md §2.1.

#include "SolanaTestData.h"
#include "solana/ProgramIds.h"
#include "solana/SystemProgram.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

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

TEST(SystemProgram, TransferMatchesGoldenA)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const Instruction instruction = SystemProgram::transfer(
        key(inputs[u"payer_pubkey"]), key(inputs[u"recipient_pubkey"]), 1'000'000);
    const QJsonObject expected = goldenInstruction(1, 0);
    EXPECT_EQ(instruction.programId, programs::systemProgram());
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}

TEST(SystemProgram, TransferEncodesTheFullU64)
{
    const Instruction instruction
        = SystemProgram::transfer(testKey(1), testKey(2), 0x0123456789abcdefULL);
    EXPECT_EQ(instruction.data,
              QByteArray::fromHex("02000000"
                                  "efcdab8967452301"));
}

TEST(SystemProgram, CreateAccountMatchesGoldenE)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const Instruction instruction = SystemProgram::createAccount(
        key(inputs[u"payer_pubkey"]), key(inputs[u"mint_pubkey"]),
        static_cast<std::uint64_t>(inputs[u"mint_rent_lamports"].toInteger()), 82,
        programs::tokenProgram());
    const QJsonObject expected = goldenInstruction(0, 0);
    EXPECT_EQ(instruction.data.size(), 52);
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.accounts, metas(expected[u"account_metas"]));
}
