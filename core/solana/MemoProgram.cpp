#include "MemoProgram.h"

#include "ProgramIds.h"

namespace ovpp::core {

Instruction MemoProgram::memo(const QString &text, const QList<PublicKey> &signers)
{
    Instruction instruction {programs::memoProgram(), {}, text.toUtf8()};
    instruction.accounts.reserve(signers.size());
    for (const PublicKey &signer : signers)
        instruction.accounts.append(AccountMeta::readonly(signer, true));
    return instruction;
}

} // namespace ovpp::core
