// TransactionDecoder: the RPC jsonParsed shape for every golden transaction (expected JSON
// written out from the vectors' inputs), raw fallback for unknown programs and malformed data,
// memo UTF-8 rules, multisig authorities, u64 number/string rule, uiAmountString, v0 lookups
// with and without loaded addresses, and the whole-transaction form of the RPC's examples.

#include "SolanaTestData.h"
#include "crypto/Base58.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramIds.h"
#include "solana/SystemProgram.h"
#include "solana/TokenProgram.h"
#include "solana/TransactionDecoder.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

#include <limits>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

QJsonObject inputs()
{
    return golden()[u"solana_transactions"][u"inputs"].toObject();
}

// JSON text with %1.. placeholders filled from the golden inputs: payer, recipient, mint,
// payer ATA, recipient ATA, reference.
QJsonValue expectedJson(const char *text)
{
    const QJsonObject in = inputs();
    QString filled = QString::fromUtf8(text);
    const std::pair<const char *, const char16_t *> names[] = {
        {"$payerAta", u"payer_ata"}, {"$recipientAta", u"recipient_ata"},
        {"$payer", u"payer_pubkey"}, {"$recipient", u"recipient_pubkey"},
        {"$mint", u"mint_pubkey"},   {"$reference", u"reference_pubkey"},
    };
    for (const auto &[name, field] : names)
        filled.replace(QLatin1String(name), in[QStringView(field)].toString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(filled.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

Transaction goldenTransaction(int index)
{
    const QByteArray wire = QByteArray::fromBase64(
        golden()[u"solana_transactions"][u"transactions"][index][u"wire_base64"]
            .toString()
            .toLatin1());
    auto parsed = Transaction::deserialize(bytes(wire));
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? parsed.value() : Transaction();
}

std::string pretty(const QJsonValue &value)
{
    return (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
        .toJson()
        .toStdString();
}

#define EXPECT_JSON_EQ(actual, expected)                                                           \
    do {                                                                                           \
        const QJsonValue a_ = (actual);                                                            \
        const QJsonValue e_ = (expected);                                                          \
        EXPECT_EQ(a_, e_) << "actual:\n" << pretty(a_) << "expected:\n" << pretty(e_);             \
    } while (0)

QJsonObject decodeOne(const Instruction &instruction)
{
    QStringList accounts;
    for (const AccountMeta &meta : instruction.accounts)
        accounts.append(meta.pubkey.toBase58());
    return TransactionDecoder::decodeInstruction(instruction.programId, accounts, instruction.data);
}

QJsonObject raw(const PublicKey &program, const QStringList &accounts, const QByteArray &data)
{
    const auto *begin = reinterpret_cast<const std::uint8_t *>(data.constData());
    return {{QStringLiteral("programId"), program.toBase58()},
            {QStringLiteral("accounts"), QJsonArray::fromStringList(accounts)},
            {QStringLiteral("data"),
             base58::encode(std::span<const std::uint8_t>(begin, std::size_t(data.size())))},
            {QStringLiteral("stackHeight"), QJsonValue::Null}};
}

bool isRaw(const QJsonObject &decoded)
{
    return !decoded.contains(u"parsed") && decoded.contains(u"data");
}

} // namespace

TEST(TransactionDecoder, GoldenEMintSetup)
{
    EXPECT_JSON_EQ(TransactionDecoder::decodeInstructions(goldenTransaction(0).message()),
                   expectedJson(R"([
        {"program": "system", "programId": "11111111111111111111111111111111", "stackHeight": null,
         "parsed": {"type": "createAccount", "info": {"source": "$payer", "newAccount": "$mint",
             "lamports": 1461600, "space": 82,
             "owner": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"}}},
        {"program": "spl-token", "programId": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
         "stackHeight": null,
         "parsed": {"type": "initializeMint2", "info": {"mint": "$mint", "decimals": 6,
             "mintAuthority": "$payer"}}},
        {"program": "spl-associated-token-account",
         "programId": "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", "stackHeight": null,
         "parsed": {"type": "create", "info": {"source": "$payer", "account": "$payerAta",
             "wallet": "$payer", "mint": "$mint",
             "systemProgram": "11111111111111111111111111111111",
             "tokenProgram": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"}}},
        {"program": "spl-token", "programId": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
         "stackHeight": null,
         "parsed": {"type": "mintTo", "info": {"mint": "$mint", "account": "$payerAta",
             "amount": "10000000", "mintAuthority": "$payer"}}}
    ])"));
}

TEST(TransactionDecoder, GoldenASolTransfer)
{
    EXPECT_JSON_EQ(TransactionDecoder::decodeInstructions(goldenTransaction(1).message()),
                   expectedJson(R"([
        {"program": "system", "programId": "11111111111111111111111111111111", "stackHeight": null,
         "parsed": {"type": "transfer", "info": {"source": "$payer", "destination": "$recipient",
             "lamports": 1000000}}}
    ])"));
}

TEST(TransactionDecoder, GoldenBMemoAndTransferWithReference)
{
    // The reference key rides along as a third account; the parsed transfer ignores it, as the
    // RPC does.
    EXPECT_JSON_EQ(TransactionDecoder::decodeInstructions(goldenTransaction(2).message()),
                   expectedJson(R"([
        {"program": "spl-memo", "programId": "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr",
         "stackHeight": null, "parsed": "anchorC golden memo ✓"},
        {"program": "system", "programId": "11111111111111111111111111111111", "stackHeight": null,
         "parsed": {"type": "transfer", "info": {"source": "$payer", "destination": "$recipient",
             "lamports": 1234567}}}
    ])"));
}

TEST(TransactionDecoder, GoldenCSplTransferChecked)
{
    EXPECT_JSON_EQ(TransactionDecoder::decodeInstructions(goldenTransaction(3).message()),
                   expectedJson(R"([
        {"program": "compute-budget", "programId": "ComputeBudget111111111111111111111111111111",
         "stackHeight": null,
         "parsed": {"type": "setComputeUnitLimit", "info": {"units": 200000}}},
        {"program": "compute-budget", "programId": "ComputeBudget111111111111111111111111111111",
         "stackHeight": null,
         "parsed": {"type": "setComputeUnitPrice", "info": {"microLamports": 1000}}},
        {"program": "spl-associated-token-account",
         "programId": "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", "stackHeight": null,
         "parsed": {"type": "createIdempotent", "info": {"source": "$payer",
             "account": "$recipientAta", "wallet": "$recipient", "mint": "$mint",
             "systemProgram": "11111111111111111111111111111111",
             "tokenProgram": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"}}},
        {"program": "spl-token", "programId": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
         "stackHeight": null,
         "parsed": {"type": "transferChecked", "info": {"source": "$payerAta", "mint": "$mint",
             "destination": "$recipientAta", "authority": "$payer",
             "tokenAmount": {"amount": "1500000", "decimals": 6, "uiAmountString": "1.5"}}}}
    ])"));
}

TEST(TransactionDecoder, WholeTransactionLegacyAndV0)
{
    const QJsonArray vectors = golden()[u"solana_transactions"][u"transactions"].toArray();
    const QJsonObject legacy = TransactionDecoder::decodeTransaction(goldenTransaction(1));
    EXPECT_JSON_EQ(legacy, expectedJson(R"({
        "signatures": ["4yiYyZZoDYwYd4wHqfnYmQNxHWp8GNF3Bds6MNvtBMgGgSURvAFBtLAuB2QT1SF9tqUWxE69KKiGd6e1vYTYrai5"],
        "message": {
            "accountKeys": [
                {"pubkey": "$payer", "signer": true, "writable": true, "source": "transaction"},
                {"pubkey": "$recipient", "signer": false, "writable": true, "source": "transaction"},
                {"pubkey": "11111111111111111111111111111111", "signer": false, "writable": false,
                 "source": "transaction"}],
            "recentBlockhash": "XDFNmKEf9rfrEWfkckeS4nmiD4pcfZ2T44ACSr8FVVZ",
            "instructions": [
                {"program": "system", "programId": "11111111111111111111111111111111",
                 "stackHeight": null,
                 "parsed": {"type": "transfer", "info": {"source": "$payer",
                     "destination": "$recipient", "lamports": 1000000}}}]},
        "version": "legacy"})"));
    EXPECT_EQ(legacy[u"signatures"][0].toString(), vectors[1][u"tx_id"].toString());

    const QJsonObject v0 = TransactionDecoder::decodeTransaction(goldenTransaction(4));
    EXPECT_EQ(v0[u"version"], QJsonValue(0));
    EXPECT_EQ(v0[u"message"][u"addressTableLookups"], QJsonValue(QJsonArray()));
    EXPECT_EQ(v0[u"message"][u"instructions"], legacy[u"message"][u"instructions"]);
    EXPECT_EQ(v0[u"message"][u"accountKeys"], legacy[u"message"][u"accountKeys"]);
}

TEST(TransactionDecoder, RpcDocsGetTransactionExample)
{
    const QJsonObject vector = golden()[u"solana_external_parse_vectors"][0].toObject();
    const auto transaction = Transaction::fromBase64(vector[u"wire_base64"].toString().toLatin1());
    ASSERT_TRUE(transaction.ok());
    const QJsonObject decoded = TransactionDecoder::decodeTransaction(*transaction);
    const QJsonObject expected = vector[u"decoded"].toObject();
    EXPECT_EQ(decoded[u"version"], QJsonValue(0));
    EXPECT_EQ(decoded[u"signatures"][0].toString(), expected[u"signature"].toString());
    const QJsonArray keys = decoded[u"message"][u"accountKeys"].toArray();
    const QJsonArray expectedKeys = expected[u"account_keys"].toArray();
    ASSERT_EQ(keys.size(), expectedKeys.size());
    // Header [1, 0, 4]: one writable signer, one writable non-signer, four read-only.
    for (int i = 0; i < keys.size(); ++i) {
        EXPECT_EQ(keys[i][u"pubkey"].toString(), expectedKeys[i].toString());
        EXPECT_EQ(keys[i][u"signer"].toBool(), i == 0);
        EXPECT_EQ(keys[i][u"writable"].toBool(), i < 2);
    }
    // data "1" (base58) is the single byte 0: an explicit ATA Create.
    EXPECT_JSON_EQ(decoded[u"message"][u"instructions"], expectedJson(R"([
        {"program": "spl-associated-token-account",
         "programId": "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", "stackHeight": null,
         "parsed": {"type": "create", "info": {
             "source": "47eFuHR9ste9kopiJ9eRxcwahmE62JovbKe5r7AjANut",
             "account": "9vLSZ1gujMzisVrK5r3ZBXLVJMrF3fp6BtAUDyD94nW2",
             "wallet": "47eFuHR9ste9kopiJ9eRxcwahmE62JovbKe5r7AjANut",
             "mint": "5kR7n7QJv85NrwwXdYWZ52qkRcyvXqKWDPNooYcfDV6e",
             "systemProgram": "11111111111111111111111111111111",
             "tokenProgram": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"}}}
    ])"));
}

TEST(TransactionDecoder, UnknownProgramsStayRaw)
{
    const Instruction instruction {
        testKey(0x42),
        {AccountMeta::writable(testKey(1)), AccountMeta::readonly(testKey(2))},
        QByteArray::fromHex("00010203ff")};
    const QJsonObject decoded = decodeOne(instruction);
    EXPECT_JSON_EQ(
        decoded,
        raw(testKey(0x42), {testKey(1).toBase58(), testKey(2).toBase58()}, instruction.data));
    EXPECT_EQ(decoded[u"data"].toString(), QStringLiteral("12VfYr"));
}

TEST(TransactionDecoder, MalformedDataOfKnownProgramsFallsBackToRaw)
{
    const QStringList three = {testKey(1).toBase58(), testKey(2).toBase58(), testKey(3).toBase58()};
    const struct
    {
        PublicKey program;
        QStringList accounts;
        QByteArray data;
        const char *why;
    } cases[] = {
        {programs::systemProgram(), three, QByteArray::fromHex("02000000"),
         "transfer without amount"},
        {programs::systemProgram(), three.mid(0, 1),
         QByteArray::fromHex("0200000001000000000000"
                             "00"),
         "transfer, 1 account"},
        {programs::systemProgram(), three, QByteArray::fromHex("ff000000"), "unknown system index"},
        {programs::systemProgram(), three, QByteArray(), "empty system data"},
        {programs::tokenProgram(), three, QByteArray::fromHex("0c0100000000000000"), "no decimals"},
        {programs::tokenProgram(), three, QByteArray::fromHex("0c010000000000000006"),
         "3 accounts"},
        {programs::tokenProgram(), three, QByteArray::fromHex("63"), "unknown token tag"},
        {programs::tokenProgram(), three, QByteArray(), "empty token data"},
        {programs::tokenProgram(), three,
         QByteArray::fromHex("1406") + QByteArray(32, 'k') + QByteArray::fromHex("02"),
         "bad COption tag"},
        {programs::associatedTokenProgram(), three, QByteArray(1, '\x01'), "3 accounts"},
        {programs::associatedTokenProgram(), three + three, QByteArray::fromHex("0100"), "2 bytes"},
        {programs::associatedTokenProgram(), three + three, QByteArray(1, '\x07'), "unknown tag"},
        {programs::computeBudgetProgram(),
         {},
         QByteArray::fromHex("02400d030000"),
         "trailing byte"},
        {programs::computeBudgetProgram(), {}, QByteArray::fromHex("03e803"), "short price"},
        {programs::computeBudgetProgram(), {}, QByteArray::fromHex("09"), "unknown tag"},
        {programs::memoProgram(), {}, QByteArray::fromHex("80"), "invalid UTF-8"},
        {programs::memoProgram(), {}, QByteArray::fromHex("eda080"), "UTF-8 surrogate"},
        {programs::memoProgram(), {}, QByteArray::fromHex("c0af"), "overlong UTF-8"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.why);
        const QJsonObject decoded
            = TransactionDecoder::decodeInstruction(c.program, c.accounts, c.data);
        EXPECT_JSON_EQ(decoded, raw(c.program, c.accounts, c.data));
    }
}

TEST(TransactionDecoder, MemoKeepsTextExactlyAndParsesEveryMemoProgram)
{
    // A leading BOM, a character outside the BMP and a NUL are all valid UTF-8 and kept.
    QString text = QStringLiteral("\uFEFFbom, emoji \U0001F600, nul ");
    text.append(QChar(0));
    text.append(u" end");
    for (const PublicKey &program :
         {programs::memoProgram(), programs::memoV1Program(), programs::memoV4Program()}) {
        const QJsonObject decoded
            = TransactionDecoder::decodeInstruction(program, {}, text.toUtf8());
        EXPECT_EQ(decoded[u"program"].toString(), QStringLiteral("spl-memo"));
        EXPECT_EQ(decoded[u"programId"].toString(), program.toBase58());
        EXPECT_EQ(decoded[u"parsed"].toString(), text);
    }
    EXPECT_EQ(decodeOne(MemoProgram::memo(QString())).value(u"parsed"), QJsonValue(QString()));
}

TEST(TransactionDecoder, MultisigAuthoritiesListTheirSigners)
{
    const QJsonObject decoded = decodeOne(TokenProgram::transferChecked(
        testKey(1), testKey(2), testKey(3), testKey(4), 5, 0, {testKey(5), testKey(6)}));
    const QJsonObject info = decoded[u"parsed"][u"info"].toObject();
    EXPECT_FALSE(info.contains(u"authority"));
    EXPECT_EQ(info[u"multisigAuthority"].toString(), testKey(4).toBase58());
    EXPECT_EQ(info[u"signers"],
              QJsonValue(QJsonArray {testKey(5).toBase58(), testKey(6).toBase58()}));
    EXPECT_EQ(info[u"tokenAmount"][u"uiAmountString"].toString(), QStringLiteral("5"));

    const QJsonObject mint
        = decodeOne(TokenProgram::mintTo(testKey(1), testKey(2), testKey(3), 7, {testKey(4)}));
    EXPECT_EQ(mint[u"parsed"][u"info"][u"multisigMintAuthority"].toString(), testKey(3).toBase58());
}

TEST(TransactionDecoder, OtherTokenInstructionsAndToken2022)
{
    const QStringList a = {testKey(1).toBase58(), testKey(2).toBase58(), testKey(3).toBase58()};
    // Transfer (3) under Token-2022.
    const QJsonObject transfer
        = TransactionDecoder::decodeInstruction(programs::token2022Program(), a,
                                                QByteArray::fromHex("03"
                                                                    "ffffffffffffffff"));
    EXPECT_EQ(transfer[u"program"].toString(), QStringLiteral("spl-token"));
    EXPECT_EQ(transfer[u"programId"].toString(), programs::token2022Program().toBase58());
    EXPECT_JSON_EQ(transfer[u"parsed"],
                   QJsonObject({{"type", "transfer"},
                                {"info",
                                 QJsonObject {{"source", a[0]},
                                              {"destination", a[1]},
                                              {"amount", "18446744073709551615"},
                                              {"authority", a[2]}}}}));
    // SetAuthority(AccountOwner → None).
    const QJsonObject setAuthority = TransactionDecoder::decodeInstruction(
        programs::tokenProgram(), a.mid(0, 2), QByteArray::fromHex("060200"));
    EXPECT_JSON_EQ(setAuthority[u"parsed"],
                   QJsonObject({{"type", "setAuthority"},
                                {"info",
                                 QJsonObject {{"account", a[0]},
                                              {"authorityType", "accountOwner"},
                                              {"newAuthority", QJsonValue::Null},
                                              {"authority", a[1]}}}}));
    // InitializeMint2 with a freeze authority.
    const QJsonObject init
        = decodeOne(TokenProgram::initializeMint2(testKey(1), 2, testKey(2), testKey(3)));
    EXPECT_EQ(init[u"parsed"][u"info"][u"freezeAuthority"].toString(), testKey(3).toBase58());
    // CloseAccount.
    const QJsonObject close
        = TransactionDecoder::decodeInstruction(programs::tokenProgram(), a, QByteArray(1, '\x09'));
    EXPECT_EQ(close[u"parsed"][u"type"].toString(), QStringLiteral("closeAccount"));
    EXPECT_EQ(close[u"parsed"][u"info"][u"owner"].toString(), a[2]);
}

TEST(TransactionDecoder, SystemNonceAndSeedInstructions)
{
    const QStringList a = {testKey(1).toBase58(), testKey(2).toBase58(), testKey(3).toBase58()};
    const QJsonObject advance = TransactionDecoder::decodeInstruction(
        programs::systemProgram(), a, QByteArray::fromHex("04000000"));
    EXPECT_JSON_EQ(advance[u"parsed"],
                   QJsonObject({{"type", "advanceNonce"},
                                {"info",
                                 QJsonObject {{"nonceAccount", a[0]},
                                              {"recentBlockhashesSysvar", a[1]},
                                              {"nonceAuthority", a[2]}}}}));
    // AllocateWithSeed: base, bincode string "seed", space 10, owner.
    QByteArray data = QByteArray::fromHex("09000000") + toByteArray(testKey(7).bytes())
        + QByteArray::fromHex("0400000000000000") + QByteArray("seed")
        + QByteArray::fromHex("0a00000000000000") + toByteArray(testKey(8).bytes());
    const QJsonObject allocate
        = TransactionDecoder::decodeInstruction(programs::systemProgram(), a, data);
    EXPECT_JSON_EQ(allocate[u"parsed"],
                   QJsonObject({{"type", "allocateWithSeed"},
                                {"info",
                                 QJsonObject {{"account", a[0]},
                                              {"base", testKey(7).toBase58()},
                                              {"seed", "seed"},
                                              {"space", 10},
                                              {"owner", testKey(8).toBase58()}}}}));
    // The same with a seed length beyond the data stays raw.
    data[4 + 32] = 0x40;
    EXPECT_TRUE(isRaw(TransactionDecoder::decodeInstruction(programs::systemProgram(), a, data)));
}

TEST(TransactionDecoder, LargeLamportsBecomeStrings)
{
    const QJsonObject decoded = decodeOne(
        SystemProgram::transfer(testKey(1), testKey(2), std::numeric_limits<std::uint64_t>::max()));
    EXPECT_EQ(decoded[u"parsed"][u"info"][u"lamports"],
              QJsonValue(QStringLiteral("18446744073709551615")));
}

TEST(TransactionDecoder, U64ValueSwitchesToStringsAt2Pow53)
{
    constexpr std::uint64_t maxSafe = (std::uint64_t(1) << 53) - 1;
    EXPECT_TRUE(TransactionDecoder::u64Value(maxSafe).isDouble());
    EXPECT_EQ(TransactionDecoder::u64Value(maxSafe).toInteger(), qint64(maxSafe));
    EXPECT_EQ(TransactionDecoder::u64Value(maxSafe + 1),
              QJsonValue(QStringLiteral("9007199254740992")));
    for (const std::uint64_t value :
         {std::uint64_t(0), maxSafe, maxSafe + 1, std::numeric_limits<std::uint64_t>::max()}) {
        EXPECT_EQ(TransactionDecoder::toU64(TransactionDecoder::u64Value(value)), value);
    }
}

TEST(TransactionDecoder, ToU64RejectsWhatIsNotAU64)
{
    EXPECT_EQ(TransactionDecoder::toU64(QJsonValue(QStringLiteral("1500000"))), 1500000u);
    for (const QJsonValue &bad :
         {QJsonValue(QStringLiteral("18446744073709551616")), QJsonValue(QStringLiteral("-1")),
          QJsonValue(QStringLiteral(" 1")), QJsonValue(QStringLiteral("1e3")),
          QJsonValue(QString()), QJsonValue(1.5), QJsonValue(-1), QJsonValue(9007199254740994.0),
          QJsonValue(true), QJsonValue()}) {
        EXPECT_FALSE(TransactionDecoder::toU64(bad).has_value()) << pretty(QJsonArray {bad});
    }
}

TEST(TransactionDecoder, UiAmountString)
{
    const struct
    {
        std::uint64_t amount;
        std::uint8_t decimals;
        const char *text;
    } cases[] = {
        {0, 6, "0"},
        {1, 6, "0.000001"},
        {1500000, 6, "1.5"},
        {10000000, 6, "10"},
        {123, 0, "123"},
        {100, 2, "1"},
        {101, 2, "1.01"},
        {std::numeric_limits<std::uint64_t>::max(), 9, "18446744073.709551615"},
        {5, 30, "0.000000000000000000000000000005"},
    };
    for (const auto &c : cases)
        EXPECT_EQ(TransactionDecoder::uiAmountString(c.amount, c.decimals), QLatin1String(c.text));
}

TEST(TransactionDecoder, V0LookupsShowPlaceholdersUntilResolved)
{
    const QJsonObject vector = v0LookupVectors()[u"vectors"][0].toObject();
    ASSERT_FALSE(vector.isEmpty());
    const auto transaction = Transaction::fromBase64(vector[u"wire_base64"].toString().toLatin1());
    ASSERT_TRUE(transaction.ok()) << describe(transaction.error()).toStdString();
    EXPECT_TRUE(transaction->verifySignatures().ok());
    const QString tableA = vector[u"tables"][0][u"key"].toString();

    // Instruction 1 is the System transfer to table A's address 2 (a writable lookup).
    const QJsonArray unresolved = TransactionDecoder::decodeInstructions(transaction->message());
    ASSERT_EQ(unresolved.size(), 5);
    EXPECT_EQ(unresolved[1][u"parsed"][u"info"][u"destination"].toString(),
              QStringLiteral("lookup:%1:2").arg(tableA));

    LoadedAddresses loaded;
    for (const QJsonValue &k : vector[u"loaded_addresses"][u"writable"].toArray())
        loaded.writable.append(key(k));
    for (const QJsonValue &k : vector[u"loaded_addresses"][u"readonly"].toArray())
        loaded.readonly.append(key(k));
    const QJsonArray resolved
        = TransactionDecoder::decodeInstructions(transaction->message(), loaded);
    EXPECT_EQ(resolved[1][u"parsed"][u"info"][u"destination"].toString(),
              vector[u"tables"][0][u"addresses"][2].toString());
    EXPECT_EQ(resolved[2][u"parsed"][u"type"].toString(), QStringLiteral("transferChecked"));
    EXPECT_EQ(resolved[2][u"parsed"][u"info"][u"mint"].toString(),
              vector[u"tables"][1][u"addresses"][1].toString());
    EXPECT_EQ(resolved[3][u"parsed"].toString(), QStringLiteral("lookup tables ✓"));
    EXPECT_TRUE(isRaw(resolved[4].toObject()));

    const QJsonObject whole = TransactionDecoder::decodeTransaction(*transaction, loaded);
    const QJsonArray keys = whole[u"message"][u"accountKeys"].toArray();
    const int staticCount = vector[u"static_account_keys"].toArray().size();
    ASSERT_EQ(keys.size(), staticCount + loaded.writable.size() + loaded.readonly.size());
    for (int i = 0; i < keys.size(); ++i) {
        EXPECT_EQ(keys[i][u"source"].toString(),
                  i < staticCount ? QStringLiteral("transaction") : QStringLiteral("lookupTable"));
        if (i >= staticCount) {
            EXPECT_FALSE(keys[i][u"signer"].toBool());
            EXPECT_EQ(keys[i][u"writable"].toBool(), i < staticCount + loaded.writable.size());
        }
    }
    EXPECT_EQ(whole[u"message"][u"addressTableLookups"][0][u"accountKey"].toString(), tableA);
    EXPECT_EQ(whole[u"message"][u"addressTableLookups"],
              QJsonValue(vector[u"address_table_lookups"].toArray()));
}
