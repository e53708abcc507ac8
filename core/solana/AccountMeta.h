#pragma once

// One account an instruction touches, with what it may do to it. When a message is compiled the
// flags of every mention of the same key are OR-merged.

#include "crypto/PublicKey.h"

namespace ovpp::core {

struct AccountMeta
{
    PublicKey pubkey;
    bool isSigner = false;
    bool isWritable = false;

    static AccountMeta writable(const PublicKey &key, bool signer = false)
    {
        return {key, signer, true};
    }
    static AccountMeta readonly(const PublicKey &key, bool signer = false)
    {
        return {key, signer, false};
    }

    friend bool operator==(const AccountMeta &, const AccountMeta &) = default;
};

} // namespace ovpp::core
