// Compute Budget builders: golden (c)'s limit and price, and the SDK's own unit-test values
// (limit 257 → 02 01 01 00 00, price u64::MAX → 03 ff×8), no accounts.

#include "SolanaTestData.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/ProgramIds.h"

#include <gtest/gtest.h>

#include <limits>

using namespace ovpp::core;
using namespace ovpp::test;

TEST(ComputeBudgetProgram, MatchesGoldenC)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const QJsonArray instructions
        = golden()[u"solana_transactions"][u"transactions"][3][u"instructions"].toArray();
    const Instruction limit = ComputeBudgetProgram::setComputeUnitLimit(
        static_cast<std::uint32_t>(inputs[u"compute_unit_limit"].toInt()));
    const Instruction price = ComputeBudgetProgram::setComputeUnitPrice(
        static_cast<std::uint64_t>(inputs[u"compute_unit_price_micro_lamports"].toInteger()));
    EXPECT_EQ(limit.programId, programs::computeBudgetProgram());
    EXPECT_EQ(limit.data, hex(instructions[0][u"data_hex"]));
    EXPECT_EQ(price.data, hex(instructions[1][u"data_hex"]));
    EXPECT_TRUE(limit.accounts.isEmpty());
    EXPECT_TRUE(price.accounts.isEmpty());
}

TEST(ComputeBudgetProgram, MatchesTheSdkUnitTestValues)
{
    EXPECT_EQ(ComputeBudgetProgram::setComputeUnitLimit(257).data,
              QByteArray::fromHex("0201010000"));
    EXPECT_EQ(
        ComputeBudgetProgram::setComputeUnitPrice(std::numeric_limits<std::uint64_t>::max()).data,
        QByteArray::fromHex("03ffffffffffffffff"));
}
