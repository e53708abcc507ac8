#include "AssociatedTokenProgram.h"

namespace ovpp::core {

namespace {

Instruction make(const PublicKey &payer, const PublicKey &associatedAccount,
                 const PublicKey &wallet, const PublicKey &mint, const PublicKey &tokenProgramId,
                 QByteArray data)
{
    return {programs::associatedTokenProgram(),
            {AccountMeta::writable(payer, true), AccountMeta::writable(associatedAccount),
             AccountMeta::readonly(wallet), AccountMeta::readonly(mint),
             AccountMeta::readonly(programs::systemProgram()),
             AccountMeta::readonly(tokenProgramId)},
            std::move(data)};
}

} // namespace

Instruction AssociatedTokenProgram::create(const PublicKey &payer,
                                           const PublicKey &associatedAccount,
                                           const PublicKey &wallet, const PublicKey &mint,
                                           const PublicKey &tokenProgramId, CreateEncoding encoding)
{
    QByteArray data;
    if (encoding == CreateEncoding::ExplicitTag)
        data.append(static_cast<char>(Create));
    return make(payer, associatedAccount, wallet, mint, tokenProgramId, data);
}

Instruction AssociatedTokenProgram::createIdempotent(const PublicKey &payer,
                                                     const PublicKey &associatedAccount,
                                                     const PublicKey &wallet, const PublicKey &mint,
                                                     const PublicKey &tokenProgramId)
{
    return make(payer, associatedAccount, wallet, mint, tokenProgramId,
                QByteArray(1, static_cast<char>(CreateIdempotent)));
}

} // namespace ovpp::core
