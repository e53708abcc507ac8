#pragma once
// What a `solana:` URL asks for (REFERENCE.md §6). Plain data: SolanaPayUrl parses and encodes
// it, TransferBuilder turns a transfer request into instructions.

#include "crypto/PublicKey.h"

#include <QList>
#include <QString>

#include <optional>

namespace ovpp::core {

// `solana:<recipient>?amount=&spl-token=&reference=&label=&message=&memo=`
struct TransferRequest
{
    // A wallet address, never a token account: with splToken the wallet derives the ATA.
    PublicKey recipient;
    // Decimal text in user units (SOL or the token's UI units), already checked against the
    // spec's /^\d+(\.\d+)?$/ and normalized (no leading zeros, no trailing fraction zeros).
    // Kept as text because the token's decimals are only known once the mint is fetched;
    // PaymentAmount converts it. Absent: the wallet asks the user.
    std::optional<QString> amount;
    std::optional<PublicKey> splToken;
    // In URL order; each goes on the transfer instruction as a readonly non-signer key.
    QList<PublicKey> references;
    // Decoded UTF-8. An empty parameter counts as absent, as in the reference parser.
    std::optional<QString> label;
    std::optional<QString> message;
    std::optional<QString> memo;

    friend bool operator==(const TransferRequest &, const TransferRequest &) = default;
};

// `solana:<https link>`: the wallet fetches the transaction from the link (not implemented yet;
// recognised so the user gets a clear message instead of "recipient invalid").
struct TransactionRequest
{
    QString link; // absolute https URL, percent-decoded
    std::optional<QString> label;
    std::optional<QString> message;

    friend bool operator==(const TransactionRequest &, const TransactionRequest &) = default;
};

struct PaymentRequest
{
    enum class Kind {
        Transfer,
        Transaction,
    };
    Kind kind = Kind::Transfer;
    TransferRequest transfer; // when kind == Transfer
    TransactionRequest transaction; // when kind == Transaction

    friend bool operator==(const PaymentRequest &, const PaymentRequest &) = default;
};

} // namespace ovpp::core
