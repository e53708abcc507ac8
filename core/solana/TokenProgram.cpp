#include "TokenProgram.h"

#include "LittleEndian.h"

namespace ovpp::core {

namespace {

// The authority account signs itself, or is a multisig whose member keys sign after it.
void appendAuthority(QList<AccountMeta> &accounts, const PublicKey &authority,
                     const QList<PublicKey> &multisigSigners)
{
    accounts.append(AccountMeta::readonly(authority, multisigSigners.isEmpty()));
    for (const PublicKey &signer : multisigSigners)
        accounts.append(AccountMeta::readonly(signer, true));
}

} // namespace

Instruction TokenProgram::transferChecked(const PublicKey &source, const PublicKey &mint,
                                          const PublicKey &destination, const PublicKey &owner,
                                          std::uint64_t amount, std::uint8_t decimals,
                                          const QList<PublicKey> &multisigSigners,
                                          const PublicKey &programId)
{
    QByteArray data;
    data.reserve(10);
    data.append(static_cast<char>(TransferChecked));
    le::append<std::uint64_t>(data, amount);
    data.append(static_cast<char>(decimals));
    Instruction instruction {programId,
                             {AccountMeta::writable(source), AccountMeta::readonly(mint),
                              AccountMeta::writable(destination)},
                             data};
    appendAuthority(instruction.accounts, owner, multisigSigners);
    return instruction;
}

Instruction TokenProgram::initializeMint2(const PublicKey &mint, std::uint8_t decimals,
                                          const PublicKey &mintAuthority,
                                          const std::optional<PublicKey> &freezeAuthority,
                                          const PublicKey &programId)
{
    QByteArray data;
    data.reserve(67);
    data.append(static_cast<char>(InitializeMint2));
    data.append(static_cast<char>(decimals));
    data.append(reinterpret_cast<const char *>(mintAuthority.bytes().data()), PublicKey::Size);
    // COption<Pubkey> in the token program's own packing: one tag byte, the key only if Some
    // (unlike the 4-byte tag inside account state).
    if (freezeAuthority) {
        data.append('\x01');
        data.append(reinterpret_cast<const char *>(freezeAuthority->bytes().data()),
                    PublicKey::Size);
    } else {
        data.append('\x00');
    }
    return {programId, {AccountMeta::writable(mint)}, data};
}

Instruction TokenProgram::mintTo(const PublicKey &mint, const PublicKey &destination,
                                 const PublicKey &mintAuthority, std::uint64_t amount,
                                 const QList<PublicKey> &multisigSigners,
                                 const PublicKey &programId)
{
    QByteArray data;
    data.reserve(9);
    data.append(static_cast<char>(MintTo));
    le::append<std::uint64_t>(data, amount);
    Instruction instruction {
        programId, {AccountMeta::writable(mint), AccountMeta::writable(destination)}, data};
    appendAuthority(instruction.accounts, mintAuthority, multisigSigners);
    return instruction;
}

} // namespace ovpp::core
