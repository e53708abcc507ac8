#pragma once
// The instructions that pay a Solana Pay transfer request, shaped like the reference
// createTransfer (REFERENCE.md §6, §9.1 #8): [memo?, transfer], the transfer last, every
// reference appended in order to the transfer's accounts as a readonly non-signer, and the memo
// (if any) immediately before the transfer. No RPC here: the caller supplies the mint's
// decimals and token program, read from the chain.

#include "PaymentRequest.h"
#include "common/Result.h"
#include "solana/Instruction.h"
#include "solana/ProgramIds.h"

#include <QList>

#include <cstdint>
#include <optional>

namespace ovpp::core {

class TransferBuilder
{
public:
    struct Token
    {
        std::uint8_t decimals = 0; // the mint's, from chain, never from the URL
        PublicKey programId = programs::tokenProgram(); // Token or Token-2022
    };

    // `sender` pays and signs. The request must have an amount (the wallet asks the user for
    // one when the URL has none and fills it in). For an SPL request `token` is required and
    // the transfer is TransferChecked from the sender's ATA to the recipient's ATA (the
    // recipient's must exist: paying creates nothing, like the reference). InvalidArgument for
    // a missing amount, too many decimals, an amount over u64, or a missing `token`.
    static Result<QList<Instruction>> build(const PublicKey &sender, const TransferRequest &request,
                                            const std::optional<Token> &token = std::nullopt);

    // The amount of the request in base units (lamports, or token units with `decimals`).
    static Result<std::uint64_t> baseUnits(const TransferRequest &request, std::uint8_t decimals);

    TransferBuilder() = delete;
};

} // namespace ovpp::core
