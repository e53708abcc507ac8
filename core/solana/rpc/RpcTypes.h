#pragma once

// Plain value structs for the results of the Solana JSON-RPC methods (REFERENCE.md §4). Every
// u64 is a std::uint64_t read exactly (see RpcJson); transaction errors stay as compact JSON
// text (e.g. {"InstructionError":[0,{"Custom":1}]}) because their shape is open-ended.

#include "crypto/PublicKey.h"
#include "solana/Blockhash.h"
#include "solana/Message.h"
#include "solana/Transaction.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace ovpp::core {

enum class Commitment {
    Processed,
    Confirmed,
    Finalized,
};

struct LatestBlockhash
{
    Blockhash blockhash;
    std::uint64_t lastValidBlockHeight = 0;
    std::uint64_t contextSlot = 0;
};

struct OnChainAccount
{
    std::uint64_t lamports = 0;
    PublicKey owner;
    QByteArray data; // decoded from base64
    bool executable = false;
    std::uint64_t rentEpoch = 0;
    std::uint64_t space = 0;
};

// One SPL token account as getTokenAccountsByOwner's jsonParsed encoding describes it.
struct TokenAccount
{
    PublicKey address;
    PublicKey mint;
    PublicKey owner;
    PublicKey program; // the token program that owns the account
    std::uint64_t amount = 0; // base units
    std::uint8_t decimals = 0;
    QString state; // "initialized", "frozen"
    bool isNative = false;
    std::uint64_t lamports = 0;
};

// Which token accounts getTokenAccountsByOwner returns: those of one mint, or all of one token
// program. Exactly one is set.
struct TokenAccountFilter
{
    std::optional<PublicKey> mint;
    std::optional<PublicKey> programId;
};

struct SignatureInfo
{
    QString signature;
    std::uint64_t slot = 0;
    std::optional<std::int64_t> blockTime; // unix seconds, when the node knows it
    std::optional<QString> err; // compact JSON of the transaction error; nullopt = succeeded
    std::optional<QString> memo;
    QString confirmationStatus; // "processed", "confirmed", "finalized" or empty
};

struct SignaturesQuery
{
    int limit = 1000; // 1..1000
    QString before; // start searching backwards from this signature (exclusive)
    QString until; // stop at this signature (exclusive)
};

struct TokenBalance
{
    int accountIndex = 0;
    PublicKey mint;
    std::optional<PublicKey> owner;
    std::uint64_t amount = 0;
    std::uint8_t decimals = 0;
};

struct FetchedTransaction
{
    std::uint64_t slot = 0;
    std::optional<std::int64_t> blockTime;
    QByteArray wire; // the transaction's bytes as the node returned them (base64 decoded)
    Transaction transaction; // parsed from `wire`
    std::optional<QString> err;
    std::uint64_t fee = 0;
    QList<std::uint64_t> preBalances;
    QList<std::uint64_t> postBalances;
    QList<TokenBalance> preTokenBalances;
    QList<TokenBalance> postTokenBalances;
    QStringList logMessages;
    LoadedAddresses loadedAddresses;
    std::optional<std::uint64_t> computeUnitsConsumed;
};

struct SendOptions
{
    bool skipPreflight = false;
    Commitment preflightCommitment = Commitment::Confirmed;
    std::optional<int> maxRetries; // the node's own re-broadcasts
};

struct SimulateOptions
{
    bool sigVerify = false;
    bool replaceRecentBlockhash = false; // cannot be combined with sigVerify
};

struct SimulationResult
{
    std::optional<QString> err;
    QStringList logs;
    std::optional<std::uint64_t> unitsConsumed;
    std::optional<std::uint64_t> fee;
    std::optional<Blockhash> replacementBlockhash;
};

struct SignatureStatus
{
    std::uint64_t slot = 0;
    std::optional<std::uint64_t> confirmations; // nullopt once rooted
    std::optional<QString> err;
    QString confirmationStatus;
};

// getSignatureStatuses and getBlockHeight answered in one round trip: what a confirmation loop
// needs each tick (has it landed? has its blockhash expired?).
struct StatusesAndHeight
{
    QList<std::optional<SignatureStatus>> statuses; // same order as the signatures asked
    std::uint64_t blockHeight = 0;
};

struct PrioritizationFee
{
    std::uint64_t slot = 0;
    std::uint64_t microLamportsPerComputeUnit = 0;
};

} // namespace ovpp::core
