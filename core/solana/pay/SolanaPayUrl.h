#pragma once
// Parsing and encoding of Solana Pay URLs, following @solana/pay 0.2.6 parseURL/encodeURL
// (REFERENCE.md §6; vectors in golden.json "solana_pay"). The text comes from a QR code or a
// link, i.e. from a stranger: every failure is InvalidArgument with the reference's reason
// ("recipient invalid", "amount invalid", ...) and never echoes more than the field name.

#include "PaymentRequest.h"
#include "common/Result.h"

#include <QString>
#include <QStringView>

namespace ovpp::core {

class SolanaPayUrl
{
public:
    // Longer URLs are rejected, as by the reference parser.
    static constexpr qsizetype MaxLength = 2048;

    // Either kind of request. A path containing ':' or '%' is a transaction request (its link
    // must be https); anything else must be a base58 recipient. Query values are
    // application/x-www-form-urlencoded: both '+' and "%20" decode to a space. The first
    // occurrence of a parameter wins, except `reference`, which may repeat.
    static Result<PaymentRequest> parse(QStringView url);

    // Like parse(), but a transaction request is an Unavailable error saying that the wallet
    // does not support them yet (what the send flow shows).
    static Result<TransferRequest> parseTransfer(QStringView url);

    // The reference's encodeURL: parameters in the order amount, spl-token, reference...,
    // label, message, memo; spaces as '+'; absent or empty text left out.
    static QString encode(const TransferRequest &request);
    // A link with a query, fragment, '%', whitespace or non-ASCII is percent-encoded whole so
    // that it survives parsing unchanged; a plain one is written as is
    // ("solana:https://example.com/pay").
    static QString encode(const TransactionRequest &request);

    // application/x-www-form-urlencoded decoding of one name or value ('+' is a space; a '%'
    // not followed by two hex digits stays literal; the bytes are read as UTF-8).
    static QString formDecode(QStringView text);
    // URLSearchParams' serializer: everything but ALPHA DIGIT *-._ as %XX, space as '+'.
    static QString formEncode(QStringView text);

    SolanaPayUrl() = delete;
};

} // namespace ovpp::core
