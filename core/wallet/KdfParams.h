#pragma once

// Argon2id cost parameters. They are written into each vault's header, so a vault always opens
// with the parameters it was made with, and tests may use cheap ones.

#include <cstdint>

namespace ovpp::core {

struct KdfParams
{
    std::uint64_t opsLimit = 3;
    std::uint64_t memLimitBytes = 256ull << 20;

    // Chosen so that unlocking takes about 0.5–1 s on a 2-core desktop (measured: 0.55–0.75 s
    // for crypto_pwhash here); see docs/benchmarks.md.
    static KdfParams standard() { return {3, 256ull << 20}; }
    // libsodium's minimum; only for tests and benchmarks that must open vaults many times.
    static KdfParams minimumForTests() { return {1, 8192}; }
};

} // namespace ovpp::core
