// The program id constants are decoded from base58 at compile time by our own consteval
// decoder; compare each with the run-time decoder and REFERENCE.md §2's table.

#include "SolanaTestData.h"
#include "solana/ProgramIds.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

TEST(ProgramIds, MatchTheirBase58Text)
{
    const struct
    {
        const PublicKey &id;
        const char *text;
    } cases[] = {
        {programs::systemProgram(), "11111111111111111111111111111111"},
        {programs::computeBudgetProgram(), "ComputeBudget111111111111111111111111111111"},
        {programs::tokenProgram(), "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"},
        {programs::token2022Program(), "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"},
        {programs::associatedTokenProgram(), "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL"},
        {programs::memoProgram(), "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr"},
        {programs::memoV1Program(), "Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo"},
        {programs::memoV4Program(), "Memo4c2pN8afCj432Lb7RMVKi9PbQnnW7ewFFaV3oAH"},
        {programs::addressLookupTableProgram(), "AddressLookupTab1e1111111111111111111111111"},
        {programs::nativeMint(), "So11111111111111111111111111111111111111112"},
        {programs::sysvarRent(), "SysvarRent111111111111111111111111111111111"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(c.id.toBase58(), QLatin1String(c.text));
        EXPECT_EQ(c.id, key(QString::fromLatin1(c.text)));
    }
}

TEST(ProgramIds, MatchTheGoldenInputs)
{
    const QJsonObject ids = golden()[u"solana_transactions"][u"inputs"][u"program_ids"].toObject();
    ASSERT_EQ(ids.size(), 5);
    EXPECT_EQ(programs::systemProgram(), key(ids[u"system"]));
    EXPECT_EQ(programs::tokenProgram(), key(ids[u"token"]));
    EXPECT_EQ(programs::associatedTokenProgram(), key(ids[u"associated_token"]));
    EXPECT_EQ(programs::memoProgram(), key(ids[u"memo_v2"]));
    EXPECT_EQ(programs::computeBudgetProgram(), key(ids[u"compute_budget"]));
}

TEST(ProgramIds, SystemProgramIsAllZeroBytes)
{
    for (const std::uint8_t byte : programs::systemProgram().bytes())
        EXPECT_EQ(byte, 0);
}

// The consteval decoder itself, on values with leading zero bytes and the largest key.
TEST(ProgramIds, CompileTimeDecoderHandlesEdgeValues)
{
    constexpr auto one = programs::detail::key("11111111111111111111111111111112");
    EXPECT_EQ(one[31], 1);
    for (int i = 0; i < 31; ++i)
        EXPECT_EQ(one[i], 0) << i;
    constexpr auto max = programs::detail::key("JEKNVnkbo3jma5nREBBJCDoXFVeKkD56V3xKrvRmWxFG");
    for (const std::uint8_t byte : max)
        EXPECT_EQ(byte, 0xff);
    PublicKey::Bytes leadingZero {};
    leadingZero[1] = 0x42;
    leadingZero[31] = 0x07;
    constexpr auto decoded = programs::detail::key("121NW9mP77cVoSJCrJ4Xh84Sd3Qrb7xSntVB7AiLsCaa");
    EXPECT_EQ(decoded, leadingZero);
    EXPECT_EQ(PublicKey(decoded).toBase58(),
              QStringLiteral("121NW9mP77cVoSJCrJ4Xh84Sd3Qrb7xSntVB7AiLsCaa"));
}
