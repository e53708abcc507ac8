// Message: account compilation (payer first, permission groups, first-seen order, merged
// flags, dedup), limits, serialization, strict parsing of malformed bytes, and v0 messages with
// address lookup tables built by @solana/web3.js (data/v0_lookup_vectors.json).

#include "SolanaTestData.h"
#include "solana/Message.h"

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

QByteArray goldenMessage(int index)
{
    return hex(golden()[u"solana_transactions"][u"transactions"][index][u"message_hex"]);
}

Blockhash someBlockhash()
{
    Blockhash::Bytes raw;
    raw.fill(0x5a);
    return Blockhash(raw);
}

Result<Message> parse(const QByteArray &raw)
{
    return Message::deserialize(bytes(raw));
}

void expectInvalid(const QByteArray &raw, const char *detailPart)
{
    const auto parsed = parse(raw);
    ASSERT_FALSE(parsed.ok()) << raw.toHex().toStdString();
    EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(parsed.error().detail.contains(QLatin1String(detailPart)))
        << parsed.error().detail.toStdString();
}

QByteArray indexBytes(std::initializer_list<int> indexes)
{
    QByteArray out;
    for (const int index : indexes)
        out.append(static_cast<char>(index));
    return out;
}

} // namespace

TEST(Message, CompileGroupsAccountsInFirstSeenOrder)
{
    const PublicKey payer = testKey(1), x = testKey(2), r = testKey(3), w = testKey(4),
                    s = testKey(5), y = testKey(6), w2 = testKey(7);
    const QList<Instruction> instructions = {
        {x,
         {AccountMeta::readonly(r), AccountMeta::writable(w), AccountMeta::readonly(s, true)},
         QByteArray("one")},
        // r is mentioned again as writable (flags merge); the payer appears read-only.
        {y,
         {AccountMeta::writable(w2, true), AccountMeta::writable(r), AccountMeta::readonly(payer)},
         QByteArray()},
    };
    const auto message = Message::compile(payer, instructions, someBlockhash());
    ASSERT_TRUE(message.ok()) << describe(message.error()).toStdString();

    // Writable signers (payer, w2), read-only signers (s), writable (r, w), read-only (x, y).
    EXPECT_EQ(message->staticAccountKeys(), (QList<PublicKey> {payer, w2, s, r, w, x, y}));
    EXPECT_EQ(message->header(), (MessageHeader {3, 1, 2}));
    ASSERT_EQ(message->instructions().size(), 2);
    EXPECT_EQ(message->instructions()[0],
              (CompiledInstruction {5, indexBytes({3, 4, 2}), QByteArray("one")}));
    EXPECT_EQ(message->instructions()[1], (CompiledInstruction {6, indexBytes({1, 3, 0}), {}}));
    EXPECT_EQ(message->version(), MessageVersion::Legacy);
    EXPECT_EQ(message->feePayer(), payer);
    EXPECT_EQ(message->recentBlockhash(), someBlockhash());

    // Permissions as the header encodes them.
    const bool signer[] = {true, true, true, false, false, false, false};
    const bool writable[] = {true, true, false, true, true, false, false};
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(message->isSigner(i), signer[i]) << i;
        EXPECT_EQ(message->isWritable(i), writable[i]) << i;
    }
}

TEST(Message, CompileDeduplicatesRepeatedAccounts)
{
    const PublicKey payer = testKey(1), program = testKey(2), a = testKey(3);
    const auto message = Message::compile(
        payer,
        {{program,
          {AccountMeta::readonly(a), AccountMeta::readonly(a), AccountMeta::writable(payer, true)},
          {}},
         {program, {AccountMeta::readonly(a)}, {}}},
        someBlockhash());
    ASSERT_TRUE(message.ok());
    EXPECT_EQ(message->staticAccountKeys(), (QList<PublicKey> {payer, program, a}));
    EXPECT_EQ(message->instructions()[0].accounts, indexBytes({2, 2, 0}));
    EXPECT_EQ(message->instructions()[1].accounts, indexBytes({2}));
    EXPECT_EQ(message->header(), (MessageHeader {1, 0, 2}));
}

TEST(Message, DecompileRestoresTheInstructions)
{
    const PublicKey payer = testKey(1), program = testKey(2), a = testKey(3), b = testKey(4);
    const QList<Instruction> instructions = {
        {program,
         {AccountMeta::writable(a), AccountMeta::readonly(b), AccountMeta::writable(payer, true)},
         QByteArray("\x01\x02", 2)},
    };
    const auto message = Message::compile(payer, instructions, someBlockhash());
    ASSERT_TRUE(message.ok());
    const auto decompiled = message->decompile();
    ASSERT_TRUE(decompiled.ok());
    EXPECT_EQ(*decompiled, instructions);
}

TEST(Message, CompileAcceptsExactly256AccountsAndRejectsMore)
{
    const PublicKey payer = testKey(1), program = testKey(2);
    auto withAccounts = [&](int count) {
        Instruction instruction {program, {}, {}};
        for (int i = 0; i < count; ++i) {
            PublicKey::Bytes raw {};
            raw[0] = 0xee;
            raw[1] = static_cast<std::uint8_t>(i);
            raw[2] = static_cast<std::uint8_t>(i >> 8);
            instruction.accounts.append(AccountMeta::readonly(PublicKey(raw)));
        }
        return Message::compile(payer, {instruction}, someBlockhash());
    };
    const auto fits = withAccounts(254); // + payer + program = 256
    ASSERT_TRUE(fits.ok()) << describe(fits.error()).toStdString();
    EXPECT_EQ(fits->staticAccountKeys().size(), 256);
    const auto roundTrip = parse(fits->serialize());
    ASSERT_TRUE(roundTrip.ok()) << describe(roundTrip.error()).toStdString();
    EXPECT_EQ(*roundTrip, *fits);

    const auto tooMany = withAccounts(255);
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(tooMany.error().detail.contains(u"257")) << tooMany.error().detail.toStdString();
}

TEST(Message, CompileRejectsOversizedInstructionData)
{
    const auto message
        = Message::compile(testKey(1), {{testKey(2), {}, QByteArray(65536, 'x')}}, someBlockhash());
    ASSERT_FALSE(message.ok());
    EXPECT_TRUE(message.error().detail.contains(u"65536")) << message.error().detail.toStdString();
}

TEST(Message, CompileRejectsThePayerAsProgram)
{
    const PublicKey payer = testKey(1);
    const auto message = Message::compile(payer, {{payer, {}, {}}}, someBlockhash());
    ASSERT_FALSE(message.ok());
    EXPECT_EQ(message.error().code, ErrorCode::InvalidArgument);
}

TEST(Message, V0WithoutLookupsIsPrefixedLegacyPlusEmptyLookupList)
{
    const QList<Instruction> instructions
        = {{testKey(2), {AccountMeta::writable(testKey(3))}, QByteArray("d")}};
    const auto legacy = Message::compile(testKey(1), instructions, someBlockhash());
    const auto v0 = Message::compile(testKey(1), instructions, someBlockhash(), MessageVersion::V0);
    ASSERT_TRUE(legacy.ok() && v0.ok());
    EXPECT_EQ(v0->serialize(), QByteArray(1, '\x80') + legacy->serialize() + QByteArray(1, '\0'));
    const auto parsed = parse(v0->serialize());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->version(), MessageVersion::V0);
    EXPECT_EQ(*parsed, *v0);
}

TEST(Message, ParsesAndReserializesEveryGoldenMessage)
{
    const QJsonArray transactions = golden()[u"solana_transactions"][u"transactions"].toArray();
    ASSERT_EQ(transactions.size(), 5);
    for (int i = 0; i < transactions.size(); ++i) {
        SCOPED_TRACE(transactions[i][u"name"].toString().toStdString());
        const QByteArray raw = goldenMessage(i);
        const auto parsed = parse(raw);
        ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
        EXPECT_EQ(parsed->serialize(), raw);
    }
}

TEST(Message, RejectsEveryTruncation)
{
    for (const int which : {0, 3, 4}) { // e (4 instructions), c, d (v0)
        const QByteArray raw = goldenMessage(which);
        for (qsizetype length = 0; length < raw.size(); ++length) {
            const auto parsed = parse(raw.left(length));
            ASSERT_FALSE(parsed.ok()) << which << " at " << length;
            EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
        }
    }
}

TEST(Message, RejectsTrailingBytes)
{
    expectInvalid(goldenMessage(1) + QByteArray(1, '\0'), "unexpected byte");
}

TEST(Message, RejectsUnknownVersions)
{
    QByteArray raw = goldenMessage(4);
    ASSERT_EQ(static_cast<std::uint8_t>(raw[0]), 0x80);
    raw[0] = static_cast<char>(0x81);
    expectInvalid(raw, "version 1");
    raw[0] = static_cast<char>(0xff);
    expectInvalid(raw, "version 127");
}

TEST(Message, RejectsInconsistentHeaders)
{
    // Golden (a): header 01 00 01, keys [payer, recipient, system], one transfer.
    const QByteArray raw = goldenMessage(1);
    QByteArray noSigner = raw;
    noSigner[0] = 0;
    expectInvalid(noSigner, "no signature");
    QByteArray readonlyPayer = raw;
    readonlyPayer[1] = 1;
    expectInvalid(readonlyPayer, "fee payer must be writable");
    QByteArray tooManyReadonly = raw;
    tooManyReadonly[2] = 3;
    expectInvalid(tooManyReadonly, "only 3 account keys");
}

TEST(Message, RejectsIndexesOutsideTheAccountList)
{
    // Golden (a) ends with: program index 02, 2 accounts [00 01], 12 data bytes.
    const QByteArray raw = goldenMessage(1);
    const qsizetype instructionStart = raw.size() - 1 - 1 - 2 - 1 - 12;
    ASSERT_EQ(static_cast<std::uint8_t>(raw[instructionStart]), 2);
    QByteArray programIsPayer = raw;
    programIsPayer[instructionStart] = 0;
    expectInvalid(programIsPayer, "program index 0");
    QByteArray programOutOfRange = raw;
    programOutOfRange[instructionStart] = 3;
    expectInvalid(programOutOfRange, "program index 3");
    QByteArray accountOutOfRange = raw;
    accountOutOfRange[instructionStart + 3] = 3;
    expectInvalid(accountOutOfRange, "account index 3");
}

TEST(Message, RejectsAKeyCountLargerThanTheData)
{
    QByteArray raw = goldenMessage(1);
    raw[3] = 0x7f; // 127 keys declared, 3 present
    expectInvalid(raw, "127 account keys");
}

TEST(Message, FromPartsRoundTripsAV0MessageWithLookups)
{
    const PublicKey payer = testKey(1), program = testKey(2), table = testKey(9);
    const AddressTableLookup lookup {table, indexBytes({4, 0}), indexBytes({7})};
    // Accounts: 0 payer, 1 program (static); 2, 3 writable loaded; 4 readonly loaded.
    const auto message
        = Message::fromParts(MessageVersion::V0, {1, 0, 1}, {payer, program}, someBlockhash(),
                             {{1, indexBytes({0, 2, 3, 4}), QByteArray("z")}}, {lookup});
    ASSERT_TRUE(message.ok()) << describe(message.error()).toStdString();
    EXPECT_EQ(message->accountCount(), 5);
    EXPECT_EQ(message->lookupWritableCount(), 2);
    EXPECT_EQ(message->lookupReadonlyCount(), 1);
    EXPECT_TRUE(message->isWritable(2));
    EXPECT_TRUE(message->isWritable(3));
    EXPECT_FALSE(message->isWritable(4));
    EXPECT_FALSE(message->isSigner(2));
    EXPECT_FALSE(message->isWritable(5)); // past the end

    const QByteArray raw = message->serialize();
    const QByteArray expectedTail = QByteArray::fromHex("01") + toByteArray(table.bytes())
        + QByteArray::fromHex("02040001"
                              "07");
    EXPECT_TRUE(raw.endsWith(expectedTail)) << raw.toHex().toStdString();
    const auto parsed = parse(raw);
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
    EXPECT_EQ(*parsed, *message);

    const LoadedAddresses loaded {{testKey(20), testKey(21)}, {testKey(22)}};
    const auto keys = parsed->accountKeys(loaded);
    ASSERT_TRUE(keys.ok());
    EXPECT_EQ(*keys, (QList<PublicKey> {payer, program, testKey(20), testKey(21), testKey(22)}));
    const auto missing = parsed->accountKeys();
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().detail.contains(u"2 writable and 1 read-only"))
        << missing.error().detail.toStdString();
}

TEST(Message, FromPartsAppliesTheSanitizeRules)
{
    const PublicKey payer = testKey(1), program = testKey(2);
    const auto emptyLookup = Message::fromParts(MessageVersion::V0, {1, 0, 1}, {payer, program},
                                                someBlockhash(), {}, {{testKey(9), {}, {}}});
    ASSERT_FALSE(emptyLookup.ok());
    EXPECT_TRUE(emptyLookup.error().detail.contains(u"loads no account"));

    const auto legacyWithLookup
        = Message::fromParts(MessageVersion::Legacy, {1, 0, 1}, {payer, program}, someBlockhash(),
                             {}, {{testKey(9), indexBytes({1}), {}}});
    ASSERT_FALSE(legacyWithLookup.ok());

    // An instruction may use a looked-up account, but a program must be a static key.
    const auto loadedProgram
        = Message::fromParts(MessageVersion::V0, {1, 0, 1}, {payer, program}, someBlockhash(),
                             {{2, {}, {}}}, {{testKey(9), indexBytes({1}), {}}});
    ASSERT_FALSE(loadedProgram.ok());
    EXPECT_TRUE(loadedProgram.error().detail.contains(u"program index 2"));
}

// --- v0 with lookup tables, built by @solana/web3.js -----------------------------------------

class V0LookupVector : public ::testing::TestWithParam<int>
{
protected:
    QJsonObject vector() const { return v0LookupVectors()[u"vectors"][GetParam()].toObject(); }

    static QList<PublicKey> keys(const QJsonValue &array)
    {
        QList<PublicKey> out;
        for (const QJsonValue &value : array.toArray())
            out.append(key(value));
        return out;
    }

    static QByteArray indexes(const QJsonValue &array)
    {
        QByteArray out;
        for (const QJsonValue &value : array.toArray())
            out.append(static_cast<char>(value.toInt()));
        return out;
    }
};

TEST_P(V0LookupVector, DecodesEveryField)
{
    const QJsonObject v = vector();
    ASSERT_FALSE(v.isEmpty());
    SCOPED_TRACE(v[u"name"].toString().toStdString());
    const QByteArray raw = hex(v[u"message_hex"]);
    const auto message = parse(raw);
    ASSERT_TRUE(message.ok()) << describe(message.error()).toStdString();

    EXPECT_EQ(message->version(), MessageVersion::V0);
    const QJsonObject header = v[u"header"].toObject();
    EXPECT_EQ(message->header(),
              (MessageHeader {
                  static_cast<std::uint8_t>(header[u"numRequiredSignatures"].toInt()),
                  static_cast<std::uint8_t>(header[u"numReadonlySignedAccounts"].toInt()),
                  static_cast<std::uint8_t>(header[u"numReadonlyUnsignedAccounts"].toInt())}));
    EXPECT_EQ(message->staticAccountKeys(), keys(v[u"static_account_keys"]));
    EXPECT_EQ(message->recentBlockhash(), blockhash(v[u"recent_blockhash"]));

    const QJsonArray instructions = v[u"compiled_instructions"].toArray();
    ASSERT_EQ(message->instructions().size(), instructions.size());
    for (int i = 0; i < instructions.size(); ++i) {
        const CompiledInstruction &got = message->instructions()[i];
        EXPECT_EQ(got.programIdIndex, instructions[i][u"programIdIndex"].toInt()) << i;
        EXPECT_EQ(got.accounts, indexes(instructions[i][u"accounts"])) << i;
        EXPECT_EQ(got.data, hex(instructions[i][u"data_hex"])) << i;
    }

    const QJsonArray lookups = v[u"address_table_lookups"].toArray();
    ASSERT_EQ(message->addressTableLookups().size(), lookups.size());
    ASSERT_FALSE(lookups.isEmpty());
    for (int i = 0; i < lookups.size(); ++i) {
        const AddressTableLookup &got = message->addressTableLookups()[i];
        EXPECT_EQ(got.accountKey, key(lookups[i][u"accountKey"]));
        EXPECT_EQ(got.writableIndexes, indexes(lookups[i][u"writableIndexes"]));
        EXPECT_EQ(got.readonlyIndexes, indexes(lookups[i][u"readonlyIndexes"]));
    }
    EXPECT_EQ(message->serialize(), raw);
}

TEST_P(V0LookupVector, ResolvesLoadedAccountsLikeWeb3)
{
    const QJsonObject v = vector();
    const auto message = parse(hex(v[u"message_hex"]));
    ASSERT_TRUE(message.ok());

    // Resolve the lookups from the tables' contents, as a client does after fetching them.
    LoadedAddresses loaded;
    const QJsonArray tables = v[u"tables"].toArray();
    for (const AddressTableLookup &lookup : message->addressTableLookups()) {
        QList<PublicKey> contents;
        for (const QJsonValue &table : tables) {
            if (key(table[u"key"]) == lookup.accountKey)
                contents = keys(table[u"addresses"]);
        }
        ASSERT_FALSE(contents.isEmpty());
        for (const char index : lookup.writableIndexes)
            loaded.writable.append(contents.at(static_cast<std::uint8_t>(index)));
        for (const char index : lookup.readonlyIndexes)
            loaded.readonly.append(contents.at(static_cast<std::uint8_t>(index)));
    }
    EXPECT_EQ(loaded.writable, keys(v[u"loaded_addresses"][u"writable"]));
    EXPECT_EQ(loaded.readonly, keys(v[u"loaded_addresses"][u"readonly"]));

    const auto decompiled = message->decompile(loaded);
    ASSERT_TRUE(decompiled.ok()) << describe(decompiled.error()).toStdString();
    const QJsonArray expected = v[u"decompiled_instructions"].toArray();
    ASSERT_EQ(decompiled->size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(i);
        const Instruction &got = decompiled->at(i);
        EXPECT_EQ(got.programId, key(expected[i][u"programId"]));
        EXPECT_EQ(got.data, hex(expected[i][u"data_hex"]));
        const QJsonArray metas = expected[i][u"keys"].toArray();
        ASSERT_EQ(got.accounts.size(), metas.size());
        for (int j = 0; j < metas.size(); ++j) {
            EXPECT_EQ(got.accounts[j].pubkey, key(metas[j][u"pubkey"])) << j;
            EXPECT_EQ(got.accounts[j].isSigner, metas[j][u"isSigner"].toBool()) << j;
            EXPECT_EQ(got.accounts[j].isWritable, metas[j][u"isWritable"].toBool()) << j;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Web3, V0LookupVector, ::testing::Values(0, 1));

TEST(Message, V0LookupVectorFileHasTheExpectedVectors)
{
    EXPECT_EQ(v0LookupVectors()[u"vectors"].toArray().size(), 2);
}
