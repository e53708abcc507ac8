#pragma once

// The program ids and well-known accounts the wallet builds and decodes instructions for
// (REFERENCE.md §2). The base58 text is decoded at compile time, so a typo in an id is a build
// error rather than a wrong address at run time.

#include "crypto/PublicKey.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace ovpp::core::programs {

namespace detail {

// Compile-time base58 (Bitcoin alphabet) decoding of a 32-byte key. Not for user input: a bad
// character or length makes the constant expression ill-formed on purpose.
consteval PublicKey::Bytes key(std::string_view text)
{
    constexpr std::string_view alphabet
        = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    PublicKey::Bytes out {};
    for (const char c : text) {
        const std::size_t digit = alphabet.find(c);
        if (digit == std::string_view::npos)
            throw "character outside the base58 alphabet"; // not a constant expression: error
        unsigned carry = static_cast<unsigned>(digit);
        for (std::size_t i = out.size(); i-- > 0;) {
            carry += 58u * out[i];
            out[i] = static_cast<std::uint8_t>(carry & 0xffu);
            carry >>= 8;
        }
        if (carry != 0)
            throw "more than 32 bytes";
    }
    // Each leading '1' stands for one leading zero byte; the value must account for the rest.
    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1')
        ++ones;
    std::size_t zeros = 0;
    while (zeros < out.size() && out[zeros] == 0)
        ++zeros;
    if (zeros != ones && !(ones == out.size() && zeros == out.size()))
        throw "not the canonical base58 form of 32 bytes";
    return out;
}

} // namespace detail

// Programs.
inline const PublicKey &systemProgram()
{
    static const PublicKey id(detail::key("11111111111111111111111111111111"));
    return id;
}
inline const PublicKey &computeBudgetProgram()
{
    static const PublicKey id(detail::key("ComputeBudget111111111111111111111111111111"));
    return id;
}
inline const PublicKey &tokenProgram()
{
    static const PublicKey id(detail::key("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"));
    return id;
}
inline const PublicKey &token2022Program()
{
    static const PublicKey id(detail::key("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"));
    return id;
}
inline const PublicKey &associatedTokenProgram()
{
    static const PublicKey id(detail::key("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL"));
    return id;
}
// The memo program the wallet writes to (called "v2" in older docs, module v3 in
// solana-program/memo; the one Solana Pay uses).
inline const PublicKey &memoProgram()
{
    static const PublicKey id(detail::key("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr"));
    return id;
}
// Older memo deployments: decoded (the RPC parses them too), never written.
inline const PublicKey &memoV1Program()
{
    static const PublicKey id(detail::key("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo"));
    return id;
}
inline const PublicKey &memoV4Program()
{
    static const PublicKey id(detail::key("Memo4c2pN8afCj432Lb7RMVKi9PbQnnW7ewFFaV3oAH"));
    return id;
}
inline const PublicKey &addressLookupTableProgram()
{
    static const PublicKey id(detail::key("AddressLookupTab1e1111111111111111111111111"));
    return id;
}

// Accounts.
inline const PublicKey &nativeMint()
{
    static const PublicKey id(detail::key("So11111111111111111111111111111111111111112"));
    return id;
}
inline const PublicKey &sysvarRent()
{
    static const PublicKey id(detail::key("SysvarRent111111111111111111111111111111111"));
    return id;
}

} // namespace ovpp::core::programs
