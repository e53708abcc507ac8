#include "TransferBuilder.h"

#include "PaymentAmount.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/SystemProgram.h"
#include "solana/TokenProgram.h"

namespace ovpp::core {

Result<std::uint64_t> TransferBuilder::baseUnits(const TransferRequest &request,
                                                 std::uint8_t decimals)
{
    if (!request.amount)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the payment request has no amount"));
    return PaymentAmount::toBaseUnits(*request.amount, decimals);
}

Result<QList<Instruction>> TransferBuilder::build(const PublicKey &sender,
                                                  const TransferRequest &request,
                                                  const std::optional<Token> &token)
{
    Instruction transfer;
    if (request.splToken) {
        if (!token)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the mint's decimals are needed for a token payment"));
        auto amount = baseUnits(request, token->decimals);
        if (!amount)
            return amount.error();
        auto source
            = ProgramAddress::associatedTokenAddress(sender, *request.splToken, token->programId);
        if (!source)
            return source.error();
        auto destination = ProgramAddress::associatedTokenAddress(
            request.recipient, *request.splToken, token->programId);
        if (!destination)
            return destination.error();
        transfer = TokenProgram::transferChecked(source->address, *request.splToken,
                                                 destination->address, sender, amount.value(),
                                                 token->decimals, {}, token->programId);
    } else {
        auto lamports = baseUnits(request, PaymentAmount::SolDecimals);
        if (!lamports)
            return lamports.error();
        transfer = SystemProgram::transfer(sender, request.recipient, lamports.value());
    }
    // The payee finds the payment with getSignaturesForAddress(reference): the keys must be in
    // the transaction, and on this instruction so they cannot be confused with other accounts.
    for (const PublicKey &reference : request.references)
        transfer.accounts.append(AccountMeta::readonly(reference));

    QList<Instruction> instructions;
    if (request.memo)
        instructions.append(MemoProgram::memo(*request.memo));
    instructions.append(std::move(transfer));
    return instructions;
}

} // namespace ovpp::core
