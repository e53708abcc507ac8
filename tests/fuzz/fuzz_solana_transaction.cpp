// libFuzzer target: arbitrary bytes as a wire transaction and as a bare message. Whatever the
// input, parsing must not crash or read out of bounds; whatever parses must serialize back to
// exactly the input (one byte form per transaction: the minimal compact-u16 rule), must decode
// into the jsonParsed form (which indexes accounts without further checks), and must decompile
// whenever it has no lookup tables.

#include "solana/Message.h"
#include "solana/ShortVec.h"
#include "solana/Transaction.h"
#include "solana/TransactionDecoder.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace ovpp::core;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool equalBytes(const QByteArray &bytes, const std::uint8_t *data, std::size_t size)
{
    return std::size_t(bytes.size()) == size
        && (size == 0 || std::memcmp(bytes.constData(), data, size) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::span<const std::uint8_t> input(data, size);

    if (auto decoded = shortvec::decode(input); decoded) {
        check(decoded->size >= 1 && decoded->size <= 3 && decoded->size <= size);
        check(shortvec::encode(decoded->value)
              == QByteArray(reinterpret_cast<const char *>(data), qsizetype(decoded->size)));
    }

    if (auto transaction = Transaction::deserialize(input); transaction) {
        check(equalBytes(transaction->serializeUnchecked(), data, size));
        check(transaction->size() == size);
        const QJsonObject json = TransactionDecoder::decodeTransaction(*transaction);
        check(json.contains(QLatin1String("message")));
        if (transaction->message().addressTableLookups().isEmpty())
            check(transaction->message().decompile().ok());
    }

    if (auto message = Message::deserialize(input); message) {
        check(equalBytes(message->serialize(), data, size));
        const QJsonArray instructions = TransactionDecoder::decodeInstructions(message.value());
        check(instructions.size() == message->instructions().size());
        // Only static keys can sign; looked-up accounts never do.
        for (int i = 0; i < message->accountCount(); ++i)
            check(!message->isSigner(i) || i < message->staticAccountKeys().size());
    }
    return 0;
}
