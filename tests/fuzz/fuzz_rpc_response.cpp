// libFuzzer target: arbitrary bytes as a JSON-RPC response body from a node (untrusted: any
// node, or anything in between, can send anything). RpcJson::parse and every RpcResultParser
// function must fail cleanly instead of crashing, and the integers they accept must be exact.

#include "solana/rpc/RpcJson.h"
#include "solana/rpc/RpcResultParser.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace ovpp::core;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void parseAll(const QJsonValue &result)
{
    (void)RpcResultParser::contextValue(result, "fuzz");
    (void)RpcResultParser::latestBlockhash(result);
    (void)RpcResultParser::u64(result, "fuzz");
    (void)RpcResultParser::contextU64(result, "fuzz");
    (void)RpcResultParser::contextOptionalU64(result, "fuzz");
    (void)RpcResultParser::account(result);
    (void)RpcResultParser::accountInfo(result);
    (void)RpcResultParser::multipleAccounts(result);
    (void)RpcResultParser::tokenAccounts(result);
    (void)RpcResultParser::signatures(result);
    (void)RpcResultParser::transaction(result);
    (void)RpcResultParser::simulation(result);
    (void)RpcResultParser::signatureStatuses(result);
    (void)RpcResultParser::prioritizationFees(result);
    (void)RpcResultParser::signature(result, "fuzz");
    if (result.isObject())
        (void)RpcResultParser::rpcError(result.toObject(), "fuzz");
    // A u64 read from a string must print back as the same digits.
    if (result.isString()) {
        if (const auto value = RpcJson::toU64(result)) {
            const QString digits = result.toString();
            check(digits.size() >= 1);
            check(QString::number(*value).size() <= digits.size());
        }
    }
    (void)RpcJson::toI64(result);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    // Quoting only ever adds quote characters.
    const QByteArray quoted = RpcJson::quoteLongIntegers(text);
    check(quoted.size() >= text.size());

    auto document = RpcJson::parse(text);
    if (!document)
        return 0;
    if (document->isArray()) { // a batch reply
        const QJsonArray replies = document->array();
        for (qsizetype i = 0; i < replies.size() && i < 16; ++i) {
            const QJsonObject reply = replies.at(i).toObject();
            parseAll(reply.value(QLatin1String("result")));
            if (reply.value(QLatin1String("error")).isObject())
                (void)RpcResultParser::rpcError(reply.value(QLatin1String("error")).toObject(),
                                                "fuzz");
        }
        return 0;
    }
    const QJsonObject reply = document->object();
    parseAll(reply.value(QLatin1String("result")));
    // Websocket notifications carry the result one level down.
    parseAll(reply.value(QLatin1String("params")).toObject().value(QLatin1String("result")));
    if (reply.value(QLatin1String("error")).isObject())
        (void)RpcResultParser::rpcError(reply.value(QLatin1String("error")).toObject(), "fuzz");
    return 0;
}
