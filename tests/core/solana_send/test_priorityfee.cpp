// The priority fee suggestion (median of non-zero recent fees, clamped) and the lamports a
// price and limit cost.
#include "solana/send/PriorityFee.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

QList<PrioritizationFee> fees(std::initializer_list<std::uint64_t> values)
{
    QList<PrioritizationFee> list;
    std::uint64_t slot = 100;
    for (std::uint64_t value : values)
        list.append(PrioritizationFee {slot++, value});
    return list;
}

} // namespace

TEST(PriorityFee, NoFeesOrOnlyZerosSuggestNone)
{
    EXPECT_EQ(PriorityFee::suggest({}), 0u);
    EXPECT_EQ(PriorityFee::suggest(fees({0, 0, 0})), 0u);
}

TEST(PriorityFee, MedianIgnoresZeroSlots)
{
    // Without the zeros the median would be 0.
    EXPECT_EQ(PriorityFee::suggest(fees({0, 0, 0, 0, 300, 100, 200})), 200u);
}

TEST(PriorityFee, EvenCountTakesMeanOfMiddleRoundedUp)
{
    EXPECT_EQ(PriorityFee::suggest(fees({10, 40, 20, 30})), 25u);
    EXPECT_EQ(PriorityFee::suggest(fees({10, 21})), 16u);
}

TEST(PriorityFee, ClampedToCap)
{
    EXPECT_EQ(PriorityFee::suggest(
                  fees({PriorityFee::MaxMicroLamports * 50, PriorityFee::MaxMicroLamports * 80})),
              PriorityFee::MaxMicroLamports);
    EXPECT_EQ(PriorityFee::suggest(fees({UINT64_MAX, UINT64_MAX - 1})),
              PriorityFee::MaxMicroLamports);
}

TEST(PriorityFee, LamportsRoundUp)
{
    EXPECT_EQ(PriorityFee::lamports(0, 200'000), 0u);
    EXPECT_EQ(PriorityFee::lamports(1, 200'000), 1u); // 0.2 lamports rounds up to 1
    EXPECT_EQ(PriorityFee::lamports(10'000, 50'000), 500u);
    EXPECT_EQ(PriorityFee::lamports(1'000'001, 1'000'000), 1'000'001u);
    EXPECT_EQ(PriorityFee::lamports(UINT64_MAX, UINT32_MAX), UINT64_MAX); // saturates
}
