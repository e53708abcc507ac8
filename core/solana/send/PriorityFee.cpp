#include "PriorityFee.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace ovpp::core {

std::uint64_t PriorityFee::suggest(const QList<PrioritizationFee> &recent)
{
    std::vector<std::uint64_t> fees;
    fees.reserve(static_cast<std::size_t>(recent.size()));
    for (const PrioritizationFee &entry : recent) {
        if (entry.microLamportsPerComputeUnit > 0)
            fees.push_back(entry.microLamportsPerComputeUnit);
    }
    if (fees.empty())
        return 0;
    std::sort(fees.begin(), fees.end());
    const std::size_t mid = fees.size() / 2;
    std::uint64_t median = fees[mid];
    if (fees.size() % 2 == 0) {
        // The mean of the two middle values, rounded up, without overflowing.
        const std::uint64_t low = fees[mid - 1];
        median = low + (median - low) / 2 + (median - low) % 2;
    }
    return std::clamp(median, MinMicroLamports, MaxMicroLamports);
}

std::uint64_t PriorityFee::lamports(std::uint64_t microLamportsPerUnit, std::uint32_t unitLimit)
{
    // Split the price so that nothing overflows: r × limit < 10^6 × 2^32.
    const std::uint64_t whole = microLamportsPerUnit / 1'000'000;
    const std::uint64_t rest = microLamportsPerUnit % 1'000'000;
    const std::uint64_t restPart = (rest * unitLimit + 999'999) / 1'000'000;
    if (whole > (std::numeric_limits<std::uint64_t>::max() - restPart)
            / std::max<std::uint64_t>(unitLimit, 1))
        return std::numeric_limits<std::uint64_t>::max();
    return whole * unitLimit + restPart;
}

} // namespace ovpp::core
