#pragma once

// Turns any transaction into instructions people can read, in the shape of the RPC's
// "jsonParsed" encoding (agave transaction-status parse_*.rs), so history entries decoded here
// and ones fetched with jsonParsed look alike:
//
//   known program:   {"program": "system", "programId": "111…", "parsed": {"type": "transfer",
//                     "info": {"source": …, "destination": …, "lamports": 1000000}},
//                     "stackHeight": null}
//   memo:            {"program": "spl-memo", "programId": "Memo…", "parsed": "<text>", …}
//   anything else:   {"programId": "…", "accounts": ["…", …], "data": "<base58>",
//                     "stackHeight": null}
//
// Parsed programs: System, SPL Token and Token-2022 (base instructions), Associated Token
// Account, Memo (v1, v3 "MemoSq4…", v4) — as the RPC does — and Compute Budget, which the RPC
// leaves raw; ours uses program "compute-budget" with types requestHeapFrame {bytes},
// setComputeUnitLimit {units}, setComputeUnitPrice {microLamports},
// setLoadedAccountsDataSizeLimit {bytes}. An instruction whose data or accounts do not fit its
// program's layout falls back to the raw form, as in the RPC.
//
// Numbers: token amounts are decimal strings ("amount": "1500000", tokenAmount.amount /
// uiAmountString), as in the RPC. Lamports, space, compute units and micro-lamports are JSON
// numbers while they are below 2^53 (exact in a double); larger values become decimal strings
// instead of silently losing digits. tokenAmount has no float "uiAmount" (deprecated in the RPC,
// and money is never a double here). Use toU64() to read either form.
//
// accountKeys[].writable follows the message header (as @solana/web3.js does). The RPC also
// demotes invoked program ids and reserved accounts (sysvars, builtins) that a header marks
// writable, so the two can differ for such unusual transactions.
//
// Accounts loaded through v0 address lookup tables are shown by address when LoadedAddresses
// are supplied (getTransaction's meta.loadedAddresses); otherwise as
// "lookup:<table address>:<index>", which can never be mistaken for an address (':' is not
// base58).

#include "Message.h"
#include "Transaction.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace ovpp::core {

class TransactionDecoder
{
public:
    // One entry per top-level instruction, in order.
    static QJsonArray decodeInstructions(const Message &message,
                                         const LoadedAddresses &loaded = {});

    // A single instruction given its resolved account addresses (base58, or lookup
    // placeholders).
    static QJsonObject decodeInstruction(const PublicKey &programId, const QStringList &accounts,
                                         const QByteArray &data);

    // The transaction as getTransaction(jsonParsed) shows its "transaction" field, plus
    // "version" ("legacy" or 0):
    // {"signatures": […], "message": {"accountKeys": [{"pubkey", "signer", "writable",
    //  "source": "transaction"|"lookupTable"}], "recentBlockhash", "instructions": […],
    //  "addressTableLookups": […] (v0 only)}, "version": …}
    static QJsonObject decodeTransaction(const Transaction &transaction,
                                         const LoadedAddresses &loaded = {});

    // A u64 as the decoder writes it: a number below 2^53, a decimal string otherwise.
    static QJsonValue u64Value(std::uint64_t value);
    // Reads a u64 written either way (also the RPC's strings); nothing for anything else.
    static std::optional<std::uint64_t> toU64(const QJsonValue &value);
    // `amount` base units shown with `decimals` decimals, trailing zeros trimmed
    // (1500000, 6 → "1.5"): the RPC's uiAmountString.
    static QString uiAmountString(std::uint64_t amount, std::uint8_t decimals);

    TransactionDecoder() = delete;
};

} // namespace ovpp::core
