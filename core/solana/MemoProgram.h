#pragma once

// Memo program: the data is the memo's UTF-8 text; optional signer accounts must all sign
// (REFERENCE.md §2.5). Written to MemoSq4gq… (the id Solana Pay uses).

#include "Instruction.h"
#include "crypto/PublicKey.h"

#include <QList>
#include <QString>

namespace ovpp::core {

class MemoProgram
{
public:
    static Instruction memo(const QString &text, const QList<PublicKey> &signers = {});

    MemoProgram() = delete;
};

} // namespace ovpp::core
