// The Solana commands of `ovpp` end to end: the built binary against the sandbox localnet (node
// + litesvm, started per test on a free port), and against @solana/web3.js for the bytes it
// signs offline and the way it decodes transactions (tests/crosscheck/ovpp_web3.mjs).

#include "LocalnetProcess.h"
#include "OvppProcess.h"
#include "crypto/Keypair.h"
#include "crypto/PublicKey.h"
#include "solana/Blockhash.h"
#include "solana/Transaction.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>

#include <gtest/gtest.h>

#include <array>

using namespace ovpp;
using ovpp::test::OvppProcess;
using ovpp::test::OvppRun;

namespace {

constexpr std::uint64_t LamportsPerSol = 1'000'000'000;
constexpr std::uint64_t BaseFee = 5000; // one signature

std::string describe(const OvppRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(run.outText(), run.errText())
        .toStdString();
}

core::Keypair randomKeypair()
{
    std::array<std::uint8_t, 32> seed {};
    for (auto &byte : seed)
        byte = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Keypair::fromSeed(seed);
}

QString randomAddress()
{
    return randomKeypair().publicKey().toBase58();
}

QString randomBlockhash()
{
    core::Blockhash::Bytes bytes {};
    for (auto &byte : bytes)
        byte = static_cast<std::uint8_t>(QRandomGenerator::global()->bounded(256));
    return core::Blockhash(bytes).toBase58();
}

// A solana-keygen keypair file for `keypair` in the private directory.
QString writeKeypairFile(const OvppProcess &ovpp, const QString &name, const core::Keypair &keypair)
{
    const core::SecretBytes json = keypair.toKeypairJson();
    return ovpp.writeFile(name,
                          QByteArray(reinterpret_cast<const char *>(json.data()),
                                     static_cast<qsizetype>(json.size())));
}

// tests/crosscheck/ovpp_web3.mjs: @solana/web3.js's answer for the same inputs.
std::optional<QJsonObject> web3(const QStringList &arguments, QString *error)
{
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(OVPP_SOURCE_DIR));
    node.start(QStringLiteral(OVPP_NODE_EXECUTABLE),
               QStringList {QStringLiteral(OVPP_SOURCE_DIR "/tests/crosscheck/ovpp_web3.mjs")}
                   + arguments);
    if (!node.waitForFinished(120000) || node.exitCode() != 0) {
        *error = QString::fromUtf8(node.readAllStandardError() + node.readAllStandardOutput());
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(node.readAllStandardOutput());
    if (!document.isObject()) {
        *error = QStringLiteral("ovpp_web3.mjs printed no JSON object");
        return std::nullopt;
    }
    return document.object();
}

QJsonArray instructionsOf(const QJsonObject &historyEntry)
{
    return historyEntry.value(QStringLiteral("instructions")).toArray();
}

// The first decoded instruction of `program` (and `type`, for parsed ones).
std::optional<QJsonObject> findInstruction(const QJsonArray &instructions, const QString &program,
                                           const QString &type = {})
{
    for (const QJsonValue &value : instructions) {
        const QJsonObject instruction = value.toObject();
        if (instruction.value(QStringLiteral("program")).toString() != program)
            continue;
        if (type.isEmpty()
            || instruction.value(QStringLiteral("parsed"))
                    .toObject()
                    .value(QStringLiteral("type"))
                    .toString()
                == type)
            return instruction;
    }
    return std::nullopt;
}

QJsonObject infoOf(const QJsonObject &instruction)
{
    return instruction.value(QStringLiteral("parsed"))
        .toObject()
        .value(QStringLiteral("info"))
        .toObject();
}

class SolanaCommands : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ovpp.ready());
        const QString error = m_localnet.start();
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    }

    QStringList clusterArguments() const
    {
        return {QStringLiteral("--url"), m_localnet.rpcUrl().toString(),
                QStringLiteral("--usde-mint"), m_localnet.usdeMint()};
    }

    // `ovpp -o json ARGS --url <localnet> --usde-mint <its USDE>`
    OvppRun json(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_ovpp.run(QStringList {QStringLiteral("-o"), QStringLiteral("json")} + arguments
                              + clusterArguments(),
                          input);
    }

    OvppRun human(const QStringList &arguments) const
    {
        return m_ovpp.run(arguments + clusterArguments());
    }

    // A new keypair file; its address in `address`.
    QString newSigner(const QString &name, QString *address) const
    {
        const core::Keypair keypair = randomKeypair();
        *address = keypair.publicKey().toBase58();
        return writeKeypairFile(m_ovpp, name, keypair);
    }

    std::uint64_t balance(const QString &address) const
    {
        const OvppRun run = json({QStringLiteral("balance"), address});
        EXPECT_EQ(run.exitCode, 0) << describe(run);
        return static_cast<std::uint64_t>(
            run.json().value_or(QJsonObject()).value(QStringLiteral("lamports")).toInteger(-1));
    }

    void airdrop(const QString &address, const QString &sol) const
    {
        const OvppRun run = json({QStringLiteral("airdrop"), sol, address});
        ASSERT_EQ(run.exitCode, 0) << describe(run);
    }

    // POST to the localnet (JSON-RPC at /, the USDE faucet at /faucet).
    QJsonObject post(const QString &path, const QJsonObject &body) const
    {
        QNetworkAccessManager network;
        QUrl url = m_localnet.rpcUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply
            = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    void fundUsde(const QString &owner, std::uint64_t baseUnits) const
    {
        const QJsonObject answer = post(QStringLiteral("/faucet"),
                                        {{QStringLiteral("owner"), owner},
                                         {QStringLiteral("amount"), QString::number(baseUnits)}});
        const QString signature = answer.value(QStringLiteral("signature")).toString();
        ASSERT_FALSE(signature.isEmpty()) << QJsonDocument(answer).toJson().toStdString();
        // The faucet answers once its mint is processed; reads here are at "confirmed", so wait
        // for that (bounded, a hang guard: the localnet confirms a slot later).
        for (int poll = 0; poll < 600; ++poll) {
            const QJsonObject statuses
                = post(QStringLiteral("/"),
                       {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), 1},
                        {QStringLiteral("method"), QStringLiteral("getSignatureStatuses")},
                        {QStringLiteral("params"), QJsonArray {QJsonArray {signature}}}});
            const QString status = statuses.value(QStringLiteral("result"))
                                       .toObject()
                                       .value(QStringLiteral("value"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("confirmationStatus"))
                                       .toString();
            if (status == QLatin1String("confirmed") || status == QLatin1String("finalized"))
                return;
            QThread::msleep(50);
        }
        FAIL() << "the faucet's transaction was never confirmed";
    }

    // The landed transaction's wire bytes, base64, as the node stores them.
    QString wireOf(const QString &signature) const
    {
        const QJsonObject answer = post(
            QStringLiteral("/"),
            {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
             {QStringLiteral("id"), 1},
             {QStringLiteral("method"), QStringLiteral("getTransaction")},
             {QStringLiteral("params"),
              QJsonArray {
                  signature,
                  // A node's default is finalized; the send stopped at confirmed.
                  QJsonObject {{QStringLiteral("encoding"), QStringLiteral("base64")},
                               {QStringLiteral("commitment"), QStringLiteral("confirmed")}}}}});
        return answer.value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("transaction"))
            .toArray()
            .at(0)
            .toString();
    }

    QJsonArray history(const QString &address) const
    {
        const OvppRun run = json({QStringLiteral("history"), address});
        EXPECT_EQ(run.exitCode, 0) << describe(run);
        return run.json().value_or(QJsonObject()).value(QStringLiteral("transactions")).toArray();
    }

    OvppProcess m_ovpp;
    ovpp::testing::LocalnetProcess m_localnet;
};

TEST_F(SolanaCommands, AirdropThenBalanceIsExact)
{
    const QString address = randomAddress();
    const OvppRun run = json({QStringLiteral("airdrop"), QStringLiteral("1.5"), address});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_FALSE(run.json()->value(QStringLiteral("signature")).toString().isEmpty());
    EXPECT_EQ(run.json()->value(QStringLiteral("lamports")).toInteger(), 1'500'000'000);

    EXPECT_EQ(balance(address), 1'500'000'000u);
    const OvppRun text = human({QStringLiteral("balance"), address});
    ASSERT_EQ(text.exitCode, 0) << describe(text);
    EXPECT_EQ(text.outText(), QStringLiteral("1.5 SOL\n"));
}

TEST_F(SolanaCommands, TransferIsExactToTheLamportAndItsMemoIsInTheDecodedHistory)
{
    QString sender;
    const QString keypair = newSigner(QStringLiteral("a.json"), &sender);
    airdrop(sender, QStringLiteral("2"));
    const QString recipient = randomAddress();
    const QString memo = QStringLiteral("rent for März ✓");

    const OvppRun run
        = json({QStringLiteral("transfer"), recipient, QStringLiteral("0.25"),
                QStringLiteral("--with-memo"), memo, QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    const QJsonObject sent = *run.json();
    const QString signature = sent.value(QStringLiteral("signature")).toString();
    EXPECT_EQ(sent.value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
    const auto fee = static_cast<std::uint64_t>(sent.value(QStringLiteral("fee")).toInteger());
    EXPECT_EQ(fee, BaseFee);

    EXPECT_EQ(balance(sender), 2 * LamportsPerSol - 250'000'000 - fee);
    EXPECT_EQ(balance(recipient), 250'000'000u);

    const QJsonArray transactions = history(recipient);
    ASSERT_FALSE(transactions.isEmpty());
    const QJsonObject entry = transactions.at(0).toObject();
    EXPECT_EQ(entry.value(QStringLiteral("signature")).toString(), signature);
    EXPECT_EQ(entry.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(entry.value(QStringLiteral("fee")).toInteger(), static_cast<qint64>(fee));
    const auto transfer = findInstruction(instructionsOf(entry), QStringLiteral("system"),
                                          QStringLiteral("transfer"));
    ASSERT_TRUE(transfer);
    EXPECT_EQ(infoOf(*transfer).value(QStringLiteral("source")).toString(), sender);
    EXPECT_EQ(infoOf(*transfer).value(QStringLiteral("destination")).toString(), recipient);
    EXPECT_EQ(infoOf(*transfer).value(QStringLiteral("lamports")).toInteger(), 250'000'000);
    const auto memoInstruction = findInstruction(instructionsOf(entry), QStringLiteral("spl-memo"));
    ASSERT_TRUE(memoInstruction);
    EXPECT_EQ(memoInstruction->value(QStringLiteral("parsed")).toString(), memo);

    // People read the same history in words.
    const OvppRun text = human({QStringLiteral("history"), recipient});
    ASSERT_EQ(text.exitCode, 0) << describe(text);
    EXPECT_TRUE(text.outText().contains(
        QStringLiteral("transfer 0.25 SOL from %1 to %2").arg(sender, recipient)))
        << text.outText().toStdString();
    EXPECT_TRUE(text.outText().contains(QStringLiteral("memo \"%1\"").arg(memo)));
}

TEST_F(SolanaCommands, PriorityFeeAddsComputeBudgetInstructionsAndIsCharged)
{
    QString sender;
    const QString keypair = newSigner(QStringLiteral("a.json"), &sender);
    airdrop(sender, QStringLiteral("1"));
    const QString recipient = randomAddress();
    const OvppRun run = json({QStringLiteral("transfer"), recipient, QStringLiteral("0.1"),
                              QStringLiteral("--with-compute-unit-price"), QStringLiteral("2500"),
                              QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    // 2500 micro-lamports × 200,000 units = 500 lamports on top of the base fee.
    const auto fee
        = static_cast<std::uint64_t>(run.json()->value(QStringLiteral("fee")).toInteger());
    EXPECT_EQ(fee, BaseFee + 500);
    EXPECT_EQ(balance(sender), LamportsPerSol - 100'000'000 - fee);

    const QJsonArray transactions = history(sender);
    ASSERT_FALSE(transactions.isEmpty());
    const QJsonArray instructions = instructionsOf(transactions.at(0).toObject());
    const auto limit = findInstruction(instructions, QStringLiteral("compute-budget"),
                                       QStringLiteral("setComputeUnitLimit"));
    const auto price = findInstruction(instructions, QStringLiteral("compute-budget"),
                                       QStringLiteral("setComputeUnitPrice"));
    ASSERT_TRUE(limit);
    ASSERT_TRUE(price);
    EXPECT_EQ(infoOf(*limit).value(QStringLiteral("units")).toInteger(), 200'000);
    EXPECT_EQ(infoOf(*price).value(QStringLiteral("microLamports")).toInteger(), 2500);
}

TEST_F(SolanaCommands, TokenTransferNeedsFundRecipientThenCreatesTheAccount)
{
    QString sender;
    const QString keypair = newSigner(QStringLiteral("a.json"), &sender);
    airdrop(sender, QStringLiteral("1"));
    fundUsde(sender, 10'000'000);
    const QString recipient = randomAddress();

    const OvppRun refused
        = json({QStringLiteral("token"), QStringLiteral("transfer"), QStringLiteral("USDE"),
                QStringLiteral("2.5"), recipient, QStringLiteral("--keypair"), keypair});
    EXPECT_EQ(refused.exitCode, 1) << describe(refused);
    const QJsonObject error
        = refused.json().value_or(QJsonObject()).value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(),
              QStringLiteral("recipient-account-missing"));
    EXPECT_TRUE(error.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("--fund-recipient")));

    const OvppRun run = json({QStringLiteral("token"), QStringLiteral("transfer"),
                              QStringLiteral("USDE"), QStringLiteral("2.5"), recipient,
                              QStringLiteral("--fund-recipient"), QStringLiteral("--with-memo"),
                              QStringLiteral("invoice 7"), QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    const QJsonObject sent = *run.json();
    EXPECT_EQ(sent.value(QStringLiteral("amount")).toInteger(), 2'500'000);
    EXPECT_EQ(sent.value(QStringLiteral("decimals")).toInt(), 6);

    const OvppRun accounts = json({QStringLiteral("token"), QStringLiteral("accounts"), recipient});
    ASSERT_EQ(accounts.exitCode, 0) << describe(accounts);
    const QJsonArray list = accounts.json()->value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(list.size(), 1);
    const QJsonObject account = list.at(0).toObject();
    EXPECT_EQ(account.value(QStringLiteral("address")).toString(),
              sent.value(QStringLiteral("to")).toString());
    EXPECT_EQ(account.value(QStringLiteral("mint")).toString(), m_localnet.usdeMint());
    EXPECT_EQ(account.value(QStringLiteral("token")).toString(), QStringLiteral("USDE"));
    EXPECT_EQ(account.value(QStringLiteral("amount")).toInteger(), 2'500'000);
    EXPECT_EQ(account.value(QStringLiteral("uiAmount")).toString(), QStringLiteral("2.5"));

    const OvppRun mine = json({QStringLiteral("token"), QStringLiteral("accounts"),
                               QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(mine.exitCode, 0) << describe(mine);
    const QJsonArray mineList = mine.json()->value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(mineList.size(), 1);
    EXPECT_EQ(mineList.at(0).toObject().value(QStringLiteral("amount")).toInteger(), 7'500'000);

    const QJsonArray transactions = history(recipient);
    ASSERT_FALSE(transactions.isEmpty());
    const QJsonArray instructions = instructionsOf(transactions.at(0).toObject());
    const auto create
        = findInstruction(instructions, QStringLiteral("spl-associated-token-account"),
                          QStringLiteral("createIdempotent"));
    ASSERT_TRUE(create);
    EXPECT_EQ(infoOf(*create).value(QStringLiteral("wallet")).toString(), recipient);
    const auto moved = findInstruction(instructions, QStringLiteral("spl-token"),
                                       QStringLiteral("transferChecked"));
    ASSERT_TRUE(moved);
    EXPECT_EQ(infoOf(*moved)
                  .value(QStringLiteral("tokenAmount"))
                  .toObject()
                  .value(QStringLiteral("amount"))
                  .toString(),
              QStringLiteral("2500000"));
}

TEST_F(SolanaCommands, ConfirmReportsTheStatusOrNotFound)
{
    const QString address = randomAddress();
    const OvppRun dropped = json({QStringLiteral("airdrop"), QStringLiteral("1"), address});
    ASSERT_EQ(dropped.exitCode, 0) << describe(dropped);
    const QString signature = dropped.json()->value(QStringLiteral("signature")).toString();

    const OvppRun landed = json({QStringLiteral("confirm"), signature});
    ASSERT_EQ(landed.exitCode, 0) << describe(landed);
    const QString status = landed.json()->value(QStringLiteral("status")).toString();
    EXPECT_TRUE(status == QLatin1String("confirmed") || status == QLatin1String("finalized"))
        << status.toStdString();

    // A well-formed signature of a transaction that was signed but never sent.
    QString unknownKey;
    const QString keypair = newSigner(QStringLiteral("k.json"), &unknownKey);
    const OvppRun offline = json({QStringLiteral("transfer"), address, QStringLiteral("1"),
                                  QStringLiteral("--sign-only"), QStringLiteral("--blockhash"),
                                  randomBlockhash(), QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(offline.exitCode, 0) << describe(offline);
    const OvppRun missing = json(
        {QStringLiteral("confirm"), offline.json()->value(QStringLiteral("signature")).toString()});
    ASSERT_EQ(missing.exitCode, 0) << describe(missing);
    EXPECT_EQ(missing.json()->value(QStringLiteral("status")).toString(),
              QStringLiteral("not-found"));

    const OvppRun garbage = json({QStringLiteral("confirm"), QStringLiteral("not-a-signature")});
    EXPECT_EQ(garbage.exitCode, 1) << describe(garbage);
}

TEST_F(SolanaCommands, TxDecodeEqualsWeb3JsDecodingOfTheLandedBytes)
{
    QString sender;
    const QString keypair = newSigner(QStringLiteral("a.json"), &sender);
    airdrop(sender, QStringLiteral("1"));
    const OvppRun sent = json({QStringLiteral("transfer"), randomAddress(), QStringLiteral("0.01"),
                               QStringLiteral("--with-memo"), QStringLiteral("décodé ✓"),
                               QStringLiteral("--with-compute-unit-price"), QStringLiteral("7"),
                               QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(sent.exitCode, 0) << describe(sent);
    const QString wire = wireOf(sent.json()->value(QStringLiteral("signature")).toString());
    ASSERT_FALSE(wire.isEmpty());

    const OvppRun decoded = m_ovpp.run({QStringLiteral("-o"), QStringLiteral("json"),
                                        QStringLiteral("tx"), QStringLiteral("decode"), wire});
    ASSERT_EQ(decoded.exitCode, 0) << describe(decoded);
    QString error;
    const auto reference = web3({QStringLiteral("decode"), QStringLiteral("--tx"), wire}, &error);
    ASSERT_TRUE(reference) << error.toStdString();
    EXPECT_EQ(*decoded.json(), *reference)
        << "ovpp: " << decoded.outText().toStdString()
        << "\nweb3.js: " << QJsonDocument(*reference).toJson().toStdString();
    EXPECT_EQ(decoded.json()
                  ->value(QStringLiteral("message"))
                  .toObject()
                  .value(QStringLiteral("instructions"))
                  .toArray()
                  .size(),
              4); // limit, price, transfer, memo
}

TEST_F(SolanaCommands, InspectShowsBalanceTokenAccountsAndHistoryWithoutAVault)
{
    const QString address = randomAddress();
    airdrop(address, QStringLiteral("0.5"));
    fundUsde(address, 3'000'000);
    const OvppRun run = json({QStringLiteral("inspect"), address});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    const QJsonObject view = *run.json();
    EXPECT_EQ(view.value(QStringLiteral("lamports")).toInteger(), 500'000'000);
    const QJsonArray tokens = view.value(QStringLiteral("tokenAccounts")).toArray();
    ASSERT_EQ(tokens.size(), 1);
    EXPECT_EQ(tokens.at(0).toObject().value(QStringLiteral("amount")).toInteger(), 3'000'000);
    EXPECT_EQ(tokens.at(0).toObject().value(QStringLiteral("mint")).toString(),
              m_localnet.usdeMint());
    const QJsonArray transactions = view.value(QStringLiteral("transactions")).toArray();
    ASSERT_EQ(transactions.size(), 2); // the airdrop and the faucet's mint
    const auto minted
        = findInstruction(instructionsOf(transactions.at(0).toObject()),
                          QStringLiteral("spl-token"), QStringLiteral("mintToChecked"));
    EXPECT_TRUE(minted);

    const OvppRun text = human({QStringLiteral("inspect"), address});
    ASSERT_EQ(text.exitCode, 0) << describe(text);
    EXPECT_TRUE(text.outText().contains(QStringLiteral("Balance:  0.5 SOL")));
    EXPECT_TRUE(text.outText().contains(QStringLiteral("3 USDE")));
}

TEST_F(SolanaCommands, PayAttachesTheReferenceWhichThenFindsTheTransaction)
{
    QString payer;
    const QString keypair = newSigner(QStringLiteral("a.json"), &payer);
    airdrop(payer, QStringLiteral("1"));
    const QString payee = randomAddress();
    const QString reference = randomAddress();
    const QString url
        = QStringLiteral("solana:%1?amount=0.01&reference=%2&label=Utility&memo=bill+42")
              .arg(payee, reference);

    // Without --yes, and no terminal to ask at: nothing is paid.
    const OvppRun unasked
        = json({QStringLiteral("pay"), url, QStringLiteral("--keypair"), keypair});
    EXPECT_EQ(unasked.exitCode, 2) << describe(unasked);
    EXPECT_EQ(balance(payee), 0u);

    const OvppRun run = json({QStringLiteral("pay"), url, QStringLiteral("--yes"),
                              QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    const QString signature = run.json()->value(QStringLiteral("signature")).toString();
    EXPECT_EQ(balance(payee), 10'000'000u);

    const QJsonArray found = history(reference);
    ASSERT_EQ(found.size(), 1);
    const QJsonObject entry = found.at(0).toObject();
    EXPECT_EQ(entry.value(QStringLiteral("signature")).toString(), signature);
    const auto memo = findInstruction(instructionsOf(entry), QStringLiteral("spl-memo"));
    ASSERT_TRUE(memo);
    EXPECT_EQ(memo->value(QStringLiteral("parsed")).toString(), QStringLiteral("bill 42"));
    // The reference rides on the transfer as a read-only account of the landed transaction.
    const QString wire = wireOf(signature);
    auto transaction = core::Transaction::fromBase64(wire.toLatin1());
    ASSERT_TRUE(transaction.ok());
    const auto keys = transaction->message().accountKeys();
    ASSERT_TRUE(keys.ok());
    bool hasReference = false;
    for (const core::PublicKey &key : keys.value())
        hasReference = hasReference || key.toBase58() == reference;
    EXPECT_TRUE(hasReference);
}

TEST_F(SolanaCommands, PayInUsdeUsesTheMintsDecimalsFromChain)
{
    QString payer;
    const QString keypair = newSigner(QStringLiteral("a.json"), &payer);
    airdrop(payer, QStringLiteral("1"));
    fundUsde(payer, 5'000'000);
    const QString payee = randomAddress();
    fundUsde(payee, 1); // the payee's token account must exist: paying creates nothing
    const QString reference = randomAddress();
    const QString url = QStringLiteral("solana:%1?amount=1.25&spl-token=%2&reference=%3")
                            .arg(payee, m_localnet.usdeMint(), reference);

    const OvppRun run = json({QStringLiteral("pay"), url, QStringLiteral("--yes"),
                              QStringLiteral("--keypair"), keypair});
    ASSERT_EQ(run.exitCode, 0) << describe(run);
    EXPECT_EQ(run.json()->value(QStringLiteral("baseUnits")).toInteger(), 1'250'000);

    const OvppRun accounts = json({QStringLiteral("token"), QStringLiteral("accounts"), payee});
    ASSERT_EQ(accounts.exitCode, 0) << describe(accounts);
    const QJsonArray list = accounts.json()->value(QStringLiteral("accounts")).toArray();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.at(0).toObject().value(QStringLiteral("amount")).toInteger(), 1'250'001);
    const QJsonArray found = history(reference);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.at(0).toObject().value(QStringLiteral("signature")).toString(),
              run.json()->value(QStringLiteral("signature")).toString());
}

TEST_F(SolanaCommands, ErrorsAreClearAndExitNonZero)
{
    QString sender;
    const QString keypair = newSigner(QStringLiteral("a.json"), &sender);
    airdrop(sender, QStringLiteral("1"));
    const auto errorOf = [](const OvppRun &run) {
        return run.json().value_or(QJsonObject()).value(QStringLiteral("error")).toObject();
    };

    const OvppRun invalid = json({QStringLiteral("transfer"), QStringLiteral("notanaddress0OIl"),
                                  QStringLiteral("0.1"), QStringLiteral("--keypair"), keypair});
    EXPECT_EQ(invalid.exitCode, 1) << describe(invalid);
    EXPECT_EQ(errorOf(invalid).value(QStringLiteral("code")).toString(),
              QStringLiteral("invalid-address"));
    EXPECT_TRUE(invalid.errText().contains(QStringLiteral("is not a Solana address")));

    const OvppRun poor = json({QStringLiteral("transfer"), randomAddress(), QStringLiteral("5"),
                               QStringLiteral("--keypair"), keypair});
    EXPECT_EQ(poor.exitCode, 1) << describe(poor);
    EXPECT_EQ(errorOf(poor).value(QStringLiteral("code")).toString(),
              QStringLiteral("insufficient-funds"));
    // The System program's own words from the simulation's log.
    EXPECT_TRUE(errorOf(poor)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("insufficient lamports")))
        << describe(poor);
    EXPECT_EQ(balance(sender), LamportsPerSol); // nothing was sent, no fee paid

    // A vault holding the same key: the wrong password is refused, the right one signs.
    const QString vault = m_ovpp.path(QStringLiteral("w.ovppvault"));
    const QString password = m_ovpp.writeFile(QStringLiteral("pw"), "correct horse\n");
    const QString wrong = m_ovpp.writeFile(QStringLiteral("wrong"), "battery staple\n");
    const OvppRun imported = m_ovpp.run(
        {QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("--vault"), vault,
         QStringLiteral("--keypair"), keypair, QStringLiteral("--password-file"), password});
    ASSERT_EQ(imported.exitCode, 0) << describe(imported);
    const QString recipient = randomAddress();
    const OvppRun refused
        = json({QStringLiteral("transfer"), recipient, QStringLiteral("0.1"),
                QStringLiteral("--vault"), vault, QStringLiteral("--password-file"), wrong});
    EXPECT_EQ(refused.exitCode, 1) << describe(refused);
    EXPECT_EQ(errorOf(refused).value(QStringLiteral("code")).toString(),
              QStringLiteral("wrong-password"));
    EXPECT_EQ(balance(recipient), 0u);
    const OvppRun paid = json({QStringLiteral("transfer"), recipient, QStringLiteral("0.1"),
                               QStringLiteral("--vault"), vault, QStringLiteral("--account"),
                               QStringLiteral("0"), QStringLiteral("--password-file"), password});
    ASSERT_EQ(paid.exitCode, 0) << describe(paid);
    EXPECT_EQ(balance(recipient), 100'000'000u);

    // Nothing listens on a port we just released.
    quint16 port = 0;
    {
        QTcpServer server;
        ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    const OvppRun unreachable = m_ovpp.run(
        {QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("balance"), sender,
         QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1").arg(port)});
    EXPECT_EQ(unreachable.exitCode, 1) << describe(unreachable);
    EXPECT_EQ(errorOf(unreachable).value(QStringLiteral("code")).toString(),
              QStringLiteral("unavailable"));
}

// Top-level commands (`ovpp balance`, not `ovpp GROUP COMMAND`) get help and usage errors like
// the others, before anything touches the network.
TEST(SolanaCommandLine, TopLevelCommandsHaveHelpAndUsageErrors)
{
    OvppProcess ovpp;
    ASSERT_TRUE(ovpp.ready());
    const OvppRun help = ovpp.run({QStringLiteral("help"), QStringLiteral("balance")});
    ASSERT_EQ(help.exitCode, 0) << describe(help);
    EXPECT_TRUE(help.outText().startsWith(QStringLiteral("Usage: ovpp balance [ADDRESS]")))
        << help.outText().toStdString();
    const OvppRun dashHelp
        = ovpp.run({QStringLiteral("transfer"), QStringLiteral("x"), QStringLiteral("--help")});
    ASSERT_EQ(dashHelp.exitCode, 0) << describe(dashHelp);
    EXPECT_TRUE(dashHelp.outText().contains(QStringLiteral("--sign-only")));

    const QString address = randomAddress();
    for (const QStringList &arguments : QList<QStringList> {
             {QStringLiteral("transfer"), address}, // no amount
             {QStringLiteral("transfer"), address, QStringLiteral("1"),
              QStringLiteral("--sign-only")}, // no blockhash
             {QStringLiteral("balance"), address, QStringLiteral("--url"),
              QStringLiteral("ftp://example")},
             {QStringLiteral("balance"), address, QStringLiteral("--limit"), QStringLiteral("3")},
         }) {
        const OvppRun run = ovpp.run(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString() << "\n" << describe(run);
    }
}

// --sign-only needs no node: the bytes must equal those @solana/web3.js builds and signs for the
// same inputs, and web3.js's side must accept our signature.
TEST(SolanaSignOnly, BytesEqualWeb3JsAndTheSignatureVerifies)
{
    OvppProcess ovpp;
    ASSERT_TRUE(ovpp.ready());
    const core::Keypair signer = randomKeypair();
    const QString keypair = writeKeypairFile(ovpp, QStringLiteral("id.json"), signer);
    const QString recipient = randomAddress();
    const QString blockhash = randomBlockhash();

    struct Case
    {
        QString amount;
        QString lamports;
        std::optional<QString> memo;
        std::optional<QString> price;
        int instructions;
    };
    const QList<Case> cases {
        {QStringLiteral("1.234567891"), QStringLiteral("1234567891"), std::nullopt, std::nullopt,
         1},
        {QStringLiteral("0.000000001"), QStringLiteral("1"), QStringLiteral("März ✓ 42"),
         std::nullopt, 2},
        {QStringLiteral("18446744073.709551615"), QStringLiteral("18446744073709551615"),
         QStringLiteral("max"), QStringLiteral("1000"), 4},
    };
    for (const Case &c : cases) {
        // --url names a port nothing listens on: a sign-only run must not need it.
        QStringList arguments {QStringLiteral("-o"),
                               QStringLiteral("json"),
                               QStringLiteral("transfer"),
                               recipient,
                               c.amount,
                               QStringLiteral("--sign-only"),
                               QStringLiteral("--blockhash"),
                               blockhash,
                               QStringLiteral("--keypair"),
                               keypair,
                               QStringLiteral("--url"),
                               QStringLiteral("http://127.0.0.1:9")};
        QStringList nodeArguments {QStringLiteral("sign-only"),
                                   QStringLiteral("--keypair"),
                                   keypair,
                                   QStringLiteral("--to"),
                                   recipient,
                                   QStringLiteral("--lamports"),
                                   c.lamports,
                                   QStringLiteral("--blockhash"),
                                   blockhash};
        if (c.memo) {
            arguments << QStringLiteral("--with-memo") << *c.memo;
            nodeArguments << QStringLiteral("--memo") << *c.memo;
        }
        if (c.price) {
            arguments << QStringLiteral("--with-compute-unit-price") << *c.price;
            nodeArguments << QStringLiteral("--price") << *c.price;
        }
        const OvppRun run = ovpp.run(arguments);
        ASSERT_EQ(run.exitCode, 0) << describe(run);
        const QJsonObject ours = *run.json();
        const QString wire = ours.value(QStringLiteral("transaction")).toString();

        QString error;
        const auto reference
            = web3(nodeArguments + QStringList {QStringLiteral("--ours"), wire}, &error);
        ASSERT_TRUE(reference) << error.toStdString();
        EXPECT_EQ(wire, reference->value(QStringLiteral("transaction")).toString())
            << c.amount.toStdString();
        EXPECT_EQ(ours.value(QStringLiteral("signature")).toString(),
                  reference->value(QStringLiteral("signature")).toString());
        EXPECT_TRUE(reference->value(QStringLiteral("oursVerifies")).toBool());

        auto transaction = core::Transaction::fromBase64(wire.toLatin1());
        ASSERT_TRUE(transaction.ok());
        EXPECT_TRUE(transaction->verifySignatures().ok());
        EXPECT_EQ(transaction->message().instructions().size(), c.instructions);
        EXPECT_EQ(transaction->message().feePayer(), signer.publicKey());
    }
}

} // namespace
