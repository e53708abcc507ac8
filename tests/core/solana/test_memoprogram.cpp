// Memo builder: UTF-8 data (golden (b)'s memo with a non-ASCII character) and optional
// read-only signer accounts.

#include "SolanaTestData.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramIds.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

TEST(MemoProgram, MatchesGoldenB)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const Instruction instruction = MemoProgram::memo(inputs[u"memo_utf8"].toString());
    const QJsonObject expected
        = golden()[u"solana_transactions"][u"transactions"][2][u"instructions"][0].toObject();
    EXPECT_EQ(instruction.programId, programs::memoProgram());
    EXPECT_EQ(instruction.data, hex(inputs[u"memo_hex"]));
    EXPECT_EQ(instruction.data, hex(expected[u"data_hex"]));
    EXPECT_EQ(instruction.data.size(), 23);
    EXPECT_TRUE(instruction.accounts.isEmpty());
}

TEST(MemoProgram, SignersAreReadonlySignerAccounts)
{
    const Instruction instruction
        = MemoProgram::memo(QStringLiteral("hi"), {testKey(1), testKey(2)});
    EXPECT_EQ(instruction.accounts,
              (QList<AccountMeta> {AccountMeta::readonly(testKey(1), true),
                                   AccountMeta::readonly(testKey(2), true)}));
    EXPECT_EQ(instruction.data, QByteArray("hi"));
}
