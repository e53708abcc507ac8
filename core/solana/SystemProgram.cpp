#include "SystemProgram.h"

#include "LittleEndian.h"
#include "ProgramIds.h"

namespace ovpp::core {

Instruction SystemProgram::transfer(const PublicKey &from, const PublicKey &to,
                                    std::uint64_t lamports)
{
    QByteArray data;
    data.reserve(12);
    le::append<std::uint32_t>(data, Transfer);
    le::append<std::uint64_t>(data, lamports);
    return {programs::systemProgram(),
            {AccountMeta::writable(from, true), AccountMeta::writable(to)},
            data};
}

Instruction SystemProgram::createAccount(const PublicKey &from, const PublicKey &newAccount,
                                         std::uint64_t lamports, std::uint64_t space,
                                         const PublicKey &owner)
{
    QByteArray data;
    data.reserve(52);
    le::append<std::uint32_t>(data, CreateAccount);
    le::append<std::uint64_t>(data, lamports);
    le::append<std::uint64_t>(data, space);
    data.append(reinterpret_cast<const char *>(owner.bytes().data()), PublicKey::Size);
    return {programs::systemProgram(),
            {AccountMeta::writable(from, true), AccountMeta::writable(newAccount, true)},
            data};
}

} // namespace ovpp::core
