// libFuzzer target: arbitrary bytes as a Solana Pay URL (they come from QR codes and links, i.e.
// from strangers). Parsing must never crash; whatever parses as a transfer must encode to a URL
// that parses back to the same request, and its amount must convert (or fail cleanly) at any
// decimals; the transfer instructions must keep the documented shape.

#include "solana/pay/PaymentAmount.h"
#include "solana/pay/SolanaPayUrl.h"
#include "solana/pay/TransferBuilder.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace ovpp::core;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkTransfer(const TransferRequest &transfer)
{
    const QString url = SolanaPayUrl::encode(transfer);
    // Re-encoding can lengthen the text (raw UTF-8 becomes %XX) past the length limit.
    if (url.size() <= SolanaPayUrl::MaxLength) {
        auto again = SolanaPayUrl::parse(url);
        check(again.ok());
        check(again->kind == PaymentRequest::Kind::Transfer);
        check(again->transfer == transfer);
    }
    if (transfer.amount) {
        check(PaymentAmount::isWellFormed(*transfer.amount));
        for (const std::uint8_t decimals : {0, 6, 9, 19}) {
            auto units = PaymentAmount::toBaseUnits(*transfer.amount, decimals);
            if (units)
                check(PaymentAmount::toBaseUnits(PaymentAmount::fromBaseUnits(*units, decimals),
                                                 decimals)
                          .value()
                      == *units);
        }
    }
    const PublicKey sender;
    auto instructions = TransferBuilder::build(
        sender, transfer, TransferBuilder::Token {6, programs::tokenProgram()});
    if (instructions) {
        check(instructions->size() == (transfer.memo ? 2 : 1));
        const Instruction &last = instructions->back();
        check(last.accounts.size() >= transfer.references.size());
        const qsizetype offset = last.accounts.size() - transfer.references.size();
        for (qsizetype i = 0; i < transfer.references.size(); ++i) {
            check(last.accounts[offset + i].pubkey == transfer.references[i]);
            check(!last.accounts[offset + i].isSigner && !last.accounts[offset + i].isWritable);
        }
    }
}

void checkTransaction(const TransactionRequest &transaction)
{
    check(transaction.link.startsWith(QLatin1String("https:"), Qt::CaseInsensitive));
    const QString url = SolanaPayUrl::encode(transaction);
    if (url.size() <= SolanaPayUrl::MaxLength) {
        auto again = SolanaPayUrl::parse(url);
        check(again.ok());
        check(again->kind == PaymentRequest::Kind::Transaction);
        check(again->transaction == transaction);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // The decoders on their own, on anything.
    (void)SolanaPayUrl::formDecode(text);
    check(SolanaPayUrl::formDecode(SolanaPayUrl::formEncode(text))
          == QString::fromUtf8(text.toUtf8()));
    (void)PaymentAmount::normalized(text);

    auto request = SolanaPayUrl::parse(text);
    if (!request) {
        check(request.error().code == ErrorCode::InvalidArgument);
        return 0;
    }
    if (request->kind == PaymentRequest::Kind::Transfer)
        checkTransfer(request->transfer);
    else
        checkTransaction(request->transaction);
    return 0;
}
