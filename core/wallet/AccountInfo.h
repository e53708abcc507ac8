#pragma once

// What the rest of the app may know about an account: public facts only, a plain value.

#include "crypto/DerivationPath.h"
#include "crypto/PublicKey.h"

#include <QDateTime>
#include <QString>

namespace ovpp::core {

enum class AccountKind {
    Derived, // from a mnemonic stored in the vault, at `path`
    Imported, // a keypair file or base58 secret
    WatchOnly, // an address alone, no secret
};

struct AccountInfo
{
    QString id; // stable, random; survives renames and reordering
    QString label;
    PublicKey address;
    AccountKind kind = AccountKind::Derived;
    int seedIndex = -1; // which stored mnemonic, for Derived
    DerivationPath path; // for Derived
    QDateTime created;

    bool hasSecret() const { return kind != AccountKind::WatchOnly; }
};

} // namespace ovpp::core
