#pragma once

// Turns the `result` member of a JSON-RPC response into the plain structs of RpcTypes.h. Kept
// apart from RpcClient because the same shapes arrive over other paths too (batch replies,
// websocket notifications carry getAccountInfo's account object) and because a parser of
// untrusted input deserves tests on crafted JSON. Every function returns InvalidArgument naming
// the field when the JSON does not have the documented shape; none of them throws.

#include "RpcTypes.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace ovpp::core {

class RpcResultParser
{
public:
    // {"context":{…},"value":X} → X (RpcResponse-wrapped results).
    static Result<QJsonValue> contextValue(const QJsonValue &result, const char *method);

    static Result<LatestBlockhash> latestBlockhash(const QJsonValue &result);
    // A plain u64 result (getBlockHeight, getMinimumBalanceForRentExemption).
    static Result<std::uint64_t> u64(const QJsonValue &result, const char *method);
    // An RpcResponse-wrapped u64 (getBalance).
    static Result<std::uint64_t> contextU64(const QJsonValue &result, const char *method);
    // An RpcResponse-wrapped u64 or null (getFeeForMessage: null = blockhash expired).
    static Result<std::optional<std::uint64_t>> contextOptionalU64(const QJsonValue &result,
                                                                   const char *method);
    // One account object ({data:[b64,"base64"], lamports, owner, …}); never null here.
    static Result<OnChainAccount> account(const QJsonValue &account);
    static Result<std::optional<OnChainAccount>> accountInfo(const QJsonValue &result);
    static Result<QList<std::optional<OnChainAccount>>> multipleAccounts(const QJsonValue &result);
    static Result<QList<TokenAccount>> tokenAccounts(const QJsonValue &result);
    static Result<QList<SignatureInfo>> signatures(const QJsonValue &result);
    static Result<std::optional<FetchedTransaction>> transaction(const QJsonValue &result);
    static Result<SimulationResult> simulation(const QJsonValue &result);
    static Result<QList<std::optional<SignatureStatus>>>
    signatureStatuses(const QJsonValue &result);
    static Result<QList<PrioritizationFee>> prioritizationFees(const QJsonValue &result);
    // A base58 signature string (sendTransaction, requestAirdrop).
    static Result<QString> signature(const QJsonValue &result, const char *method);

    // A JSON-RPC error object as one clear English message: "RPC error <code>: <message>",
    // followed for a failed preflight (-32002) by the program logs from error.data.logs.
    // RpcClient::rpcErrorCode() reads the code back from the detail.
    static Error rpcError(const QJsonObject &error, const char *method);

    RpcResultParser() = delete;
};

} // namespace ovpp::core
