#pragma once

// The sandbox localnet for the chain view-model tests, and what the tests read back from it,
// with only plain types in this header.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstdint>
#include <optional>

namespace ovpp::test::chain {

// Starts one localnet for the test process; empty on success, else what went wrong.
QString start();
void stop();
QUrl rpcUrl();
QString usdeMint();

// Empty on success.
QString airdrop(const QString &address, std::uint64_t lamports);
QString faucet(const QString &owner, std::uint64_t amount);
std::optional<std::uint64_t> balance(const QString &address);
// The owner's balance of `mint` over all its token accounts; nullopt when it has none.
std::optional<std::uint64_t> tokenBalance(const QString &owner, const QString &mint);

struct LandedInstruction
{
    QString programId;
    QStringList accounts;
    QByteArray data;
};

struct LandedTransaction
{
    std::uint64_t fee = 0;
    bool failed = false;
    QStringList accountKeys;
    QList<LandedInstruction> instructions;
};

std::optional<LandedTransaction> fetch(const QString &signature);

} // namespace ovpp::test::chain
