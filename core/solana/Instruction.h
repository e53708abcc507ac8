#pragma once

// An instruction before compilation: the program to run, the accounts it reads or writes, and
// its opaque data. The builders (SystemProgram, TokenProgram, ...) return these.

#include "AccountMeta.h"
#include "crypto/PublicKey.h"

#include <QByteArray>
#include <QList>

namespace ovpp::core {

struct Instruction
{
    PublicKey programId;
    QList<AccountMeta> accounts;
    QByteArray data;

    friend bool operator==(const Instruction &, const Instruction &) = default;
};

} // namespace ovpp::core
