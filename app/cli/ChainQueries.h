#pragma once

// Read-only views of an address shared by `balance`, `token accounts`, `history` and
// `inspect`: its token accounts, and its recent transactions decoded with
// core::TransactionDecoder into lines people read (program, action, amounts, counterparties).

#include "ChainSupport.h"
#include "solana/rpc/RpcTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace ovpp::cli::chain {

// Every token account of `owner`, under the Token and the Token-2022 programs.
Outcome<QList<core::TokenAccount>> tokenAccounts(core::RpcClient &rpc, const core::Cluster &cluster,
                                                 const core::PublicKey &owner);
QJsonObject tokenAccountJson(const core::TokenAccount &account, const core::Cluster &cluster);
// "  <account>  2.5 USDE  (mint <mint>)"
QString tokenAccountLine(const core::TokenAccount &account, const core::Cluster &cluster);

struct HistoryEntry
{
    core::SignatureInfo info;
    std::optional<core::FetchedTransaction> transaction; // nullopt: the node no longer has it
    QJsonArray instructions; // TransactionDecoder's jsonParsed-shaped instructions
};

// The newest `limit` transactions that touch `address`, each fetched and decoded.
Outcome<QList<HistoryEntry>> history(core::RpcClient &rpc, const core::Cluster &cluster,
                                     const core::PublicKey &address, int limit);
QJsonObject historyJson(const HistoryEntry &entry);
// The entry as text: a header line and one indented line per instruction.
QStringList historyLines(const HistoryEntry &entry, const core::Cluster &cluster);

// One decoded instruction in words: "transfer 1.5 SOL from A to B".
QString describeInstruction(const QJsonObject &instruction, const core::Cluster &cluster);

} // namespace ovpp::cli::chain
