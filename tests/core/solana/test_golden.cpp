// The golden vectors end to end (REFERENCE.md §9): each solana_transactions entry is built from
// its inputs with our builders, compiled, signed with libsodium and serialized, and must equal
// @solana/web3.js' bytes exactly — header, account order, instructions, message, signatures, id,
// wire. Then each wire is parsed back. The two external transactions from the RPC docs (made
// by other software) are parsed, verified and re-serialized.

#include "SolanaTestData.h"
#include "crypto/Base58.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/ProgramIds.h"
#include "solana/SystemProgram.h"
#include "solana/TokenProgram.h"
#include "solana/Transaction.h"

#include <gtest/gtest.h>

#include <memory>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

struct Built
{
    QList<Instruction> instructions;
    MessageVersion version = MessageVersion::Legacy;
    std::vector<const Keypair *> signers;
};

class GoldenTransaction : public ::testing::TestWithParam<int>
{
protected:
    void SetUp() override
    {
        in = golden()[u"solana_transactions"][u"inputs"].toObject();
        vector = golden()[u"solana_transactions"][u"transactions"][GetParam()].toObject();
        ASSERT_FALSE(vector.isEmpty());
        payerKeypair = std::make_unique<Keypair>(keypairFromSeedHex(in[u"payer_seed_hex"]));
        mintKeypair = std::make_unique<Keypair>(keypairFromSeedHex(in[u"mint_seed_hex"]));
        ASSERT_EQ(payerKeypair->publicKey(), key(in[u"payer_pubkey"]));
        ASSERT_EQ(mintKeypair->publicKey(), key(in[u"mint_pubkey"]));
        // The reference key is derived from its seed too, not only read.
        ASSERT_EQ(keypairFromSeedHex(in[u"reference_seed_hex"]).publicKey(),
                  key(in[u"reference_pubkey"]));
    }

    PublicKey ata(const PublicKey &owner) const
    {
        const auto found = ProgramAddress::associatedTokenAddress(owner, mintKeypair->publicKey());
        EXPECT_TRUE(found.ok());
        return found.ok() ? found->address : PublicKey();
    }

    // The instructions each vector describes, from the inputs alone.
    Built build() const
    {
        const QString name = vector[u"name"].toString();
        const PublicKey payer = payerKeypair->publicKey();
        const PublicKey mint = mintKeypair->publicKey();
        const PublicKey recipient = key(in[u"recipient_pubkey"]);
        const auto decimals = static_cast<std::uint8_t>(in[u"decimals"].toInt());
        Built built;
        built.signers = {payerKeypair.get()};
        if (name == u"e_mint_setup") {
            built.instructions = {
                SystemProgram::createAccount(
                    payer, mint, static_cast<std::uint64_t>(in[u"mint_rent_lamports"].toInteger()),
                    TokenProgram::MintSize, programs::tokenProgram()),
                TokenProgram::initializeMint2(mint, decimals, payer),
                AssociatedTokenProgram::create(payer, ata(payer), payer, mint),
                TokenProgram::mintTo(mint, ata(payer), payer,
                                     in[u"mint_to_amount"].toString().toULongLong()),
            };
            built.signers.push_back(mintKeypair.get());
        } else if (name == u"a_sol_transfer" || name == u"d_v0_sol_transfer") {
            built.instructions = {SystemProgram::transfer(payer, recipient, 1'000'000)};
            if (name == u"d_v0_sol_transfer")
                built.version = MessageVersion::V0;
        } else if (name == u"b_sol_transfer_memo_reference") {
            Instruction transfer = SystemProgram::transfer(payer, recipient, 1'234'567);
            // Solana Pay: the reference is an extra read-only non-signer on the transfer.
            transfer.accounts.append(AccountMeta::readonly(key(in[u"reference_pubkey"])));
            built.instructions = {MemoProgram::memo(in[u"memo_utf8"].toString()), transfer};
        } else if (name == u"c_spl_transfer_checked") {
            built.instructions = {
                ComputeBudgetProgram::setComputeUnitLimit(
                    static_cast<std::uint32_t>(in[u"compute_unit_limit"].toInt())),
                ComputeBudgetProgram::setComputeUnitPrice(static_cast<std::uint64_t>(
                    in[u"compute_unit_price_micro_lamports"].toInteger())),
                AssociatedTokenProgram::createIdempotent(payer, ata(recipient), recipient, mint),
                TokenProgram::transferChecked(
                    ata(payer), mint, ata(recipient), payer,
                    in[u"transfer_checked_amount"].toString().toULongLong(), decimals),
            };
        } else {
            ADD_FAILURE() << "unknown golden vector " << name.toStdString();
        }
        return built;
    }

    Transaction buildAndSign() const
    {
        const Built built = build();
        const auto message
            = Message::compile(payerKeypair->publicKey(), built.instructions,
                               blockhash(in[u"recent_blockhash_base58"]), built.version);
        EXPECT_TRUE(message.ok()) << describe(message.error()).toStdString();
        Transaction transaction(message.ok() ? message.value() : Message());
        for (const Keypair *signer : built.signers)
            EXPECT_TRUE(transaction.sign(*signer).ok());
        return transaction;
    }

    QJsonObject in;
    QJsonObject vector;
    std::unique_ptr<Keypair> payerKeypair;
    std::unique_ptr<Keypair> mintKeypair;
};

} // namespace

TEST_P(GoldenTransaction, InputsDeriveTheGoldenAtas)
{
    EXPECT_EQ(ata(payerKeypair->publicKey()), key(in[u"payer_ata"]));
    EXPECT_EQ(ata(key(in[u"recipient_pubkey"])), key(in[u"recipient_ata"]));
}

TEST_P(GoldenTransaction, CompilesToTheSameHeaderKeysAndInstructions)
{
    SCOPED_TRACE(vector[u"name"].toString().toStdString());
    const Transaction transaction = buildAndSign();
    const Message &message = transaction.message();
    const QJsonObject header = vector[u"header"].toObject();
    EXPECT_EQ(message.header().numRequiredSignatures, header[u"numRequiredSignatures"].toInt());
    EXPECT_EQ(message.header().numReadonlySignedAccounts,
              header[u"numReadonlySignedAccounts"].toInt());
    EXPECT_EQ(message.header().numReadonlyUnsignedAccounts,
              header[u"numReadonlyUnsignedAccounts"].toInt());

    QStringList keys;
    for (const PublicKey &k : message.staticAccountKeys())
        keys.append(k.toBase58());
    QStringList expectedKeys;
    for (const QJsonValue &k : vector[u"account_keys"].toArray())
        expectedKeys.append(k.toString());
    EXPECT_EQ(keys, expectedKeys);
    EXPECT_EQ(message.recentBlockhash().toBase58(), vector[u"recent_blockhash"].toString());

    const QJsonArray instructions = vector[u"instructions"].toArray();
    ASSERT_EQ(message.instructions().size(), instructions.size());
    for (int i = 0; i < instructions.size(); ++i) {
        SCOPED_TRACE(i);
        const CompiledInstruction &got = message.instructions()[i];
        EXPECT_EQ(got.programIdIndex, instructions[i][u"programIdIndex"].toInt());
        QByteArray accounts;
        for (const QJsonValue &index : instructions[i][u"accounts"].toArray())
            accounts.append(static_cast<char>(index.toInt()));
        EXPECT_EQ(got.accounts, accounts);
        EXPECT_EQ(got.data, hex(instructions[i][u"data_hex"]));
    }
}

TEST_P(GoldenTransaction, ProducesTheSameBytesSignaturesAndId)
{
    SCOPED_TRACE(vector[u"name"].toString().toStdString());
    const Transaction transaction = buildAndSign();
    EXPECT_EQ(transaction.messageBytes().toHex(), vector[u"message_hex"].toString().toLatin1());
    EXPECT_EQ(transaction.messageBytes().toBase64(),
              vector[u"message_base64"].toString().toLatin1());

    const QJsonArray signaturesHex = vector[u"signatures_hex"].toArray();
    const QJsonArray signaturesBase58 = vector[u"signatures_base58"].toArray();
    ASSERT_EQ(transaction.signatures().size(), signaturesHex.size());
    for (int i = 0; i < signaturesHex.size(); ++i) {
        EXPECT_EQ(toByteArray(transaction.signatures()[i]), hex(signaturesHex[i])) << i;
        EXPECT_EQ(base58::encode(transaction.signatures()[i]), signaturesBase58[i].toString()) << i;
    }
    EXPECT_EQ(transaction.id(), vector[u"tx_id"].toString());
    EXPECT_TRUE(transaction.isFullySigned());
    EXPECT_TRUE(transaction.verifySignatures().ok());

    const auto wire = transaction.serialize();
    ASSERT_TRUE(wire.ok()) << describe(wire.error()).toStdString();
    EXPECT_EQ(wire->toBase64(), vector[u"wire_base64"].toString().toLatin1());
    EXPECT_EQ(wire->size(), vector[u"wire_len"].toInt());
    EXPECT_EQ(transaction.size(), std::size_t(vector[u"wire_len"].toInt()));
}

TEST_P(GoldenTransaction, ParsesTheGoldenWireBack)
{
    SCOPED_TRACE(vector[u"name"].toString().toStdString());
    const QByteArray wire = QByteArray::fromBase64(vector[u"wire_base64"].toString().toLatin1());
    const auto parsed = Transaction::deserialize(bytes(wire));
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
    EXPECT_EQ(parsed->message(), buildAndSign().message());
    EXPECT_EQ(parsed->message().version(),
              vector[u"version"] == QJsonValue(0) ? MessageVersion::V0 : MessageVersion::Legacy);
    EXPECT_EQ(parsed->messageBytes(), hex(vector[u"message_hex"]));
    EXPECT_TRUE(parsed->verifySignatures().ok());
    EXPECT_EQ(parsed->id(), vector[u"tx_id"].toString());
    EXPECT_EQ(parsed->serializeUnchecked(), wire);

    // Decompiled instructions name the same programs, keys and data as the inputs (flags are
    // the merged per-account ones, so only keys are compared).
    const auto decompiled = parsed->message().decompile();
    ASSERT_TRUE(decompiled.ok());
    const Built built = build();
    ASSERT_EQ(decompiled->size(), built.instructions.size());
    for (int i = 0; i < decompiled->size(); ++i) {
        EXPECT_EQ(decompiled->at(i).programId, built.instructions[i].programId);
        EXPECT_EQ(decompiled->at(i).data, built.instructions[i].data);
        ASSERT_EQ(decompiled->at(i).accounts.size(), built.instructions[i].accounts.size());
        for (int j = 0; j < built.instructions[i].accounts.size(); ++j)
            EXPECT_EQ(decompiled->at(i).accounts[j].pubkey,
                      built.instructions[i].accounts[j].pubkey);
    }
}

INSTANTIATE_TEST_SUITE_P(SolanaTransactions, GoldenTransaction, ::testing::Range(0, 5));

TEST(Golden, HasFiveTransactionsInTheDocumentedOrder)
{
    const QJsonArray transactions = golden()[u"solana_transactions"][u"transactions"].toArray();
    QStringList names;
    for (const QJsonValue &t : transactions)
        names.append(t[u"name"].toString());
    EXPECT_EQ(names,
              (QStringList {"e_mint_setup", "a_sol_transfer", "b_sol_transfer_memo_reference",
                            "c_spl_transfer_checked", "d_v0_sol_transfer"}));
}

TEST(Golden, V0MessageIsPrefixedLegacyMessagePlusEmptyLookups)
{
    const QJsonArray transactions = golden()[u"solana_transactions"][u"transactions"].toArray();
    const QByteArray legacy = hex(transactions[1][u"message_hex"]);
    const QByteArray v0 = hex(transactions[4][u"message_hex"]);
    EXPECT_EQ(v0, QByteArray(1, '\x80') + legacy + QByteArray(1, '\0'));
}

// --- Transactions other software made (the RPC docs' examples) -------------------------------

class ExternalTransaction : public ::testing::TestWithParam<int>
{
};

TEST_P(ExternalTransaction, ParsesVerifiesAndReserializes)
{
    const QJsonObject vector = golden()[u"solana_external_parse_vectors"][GetParam()].toObject();
    ASSERT_FALSE(vector.isEmpty());
    SCOPED_TRACE(vector[u"source"].toString().toStdString());
    const QByteArray wire = QByteArray::fromBase64(vector[u"wire_base64"].toString().toLatin1());
    ASSERT_EQ(wire.size(), vector[u"wire_len"].toInt());
    const auto parsed = Transaction::deserialize(bytes(wire));
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
    const Message &message = parsed->message();
    const QJsonObject decoded = vector[u"decoded"].toObject();

    EXPECT_EQ(message.version(),
              decoded[u"version"] == QJsonValue(0) ? MessageVersion::V0 : MessageVersion::Legacy);
    const QJsonArray header = decoded[u"header"].toArray();
    EXPECT_EQ(message.header(),
              (MessageHeader {static_cast<std::uint8_t>(header[0].toInt()),
                              static_cast<std::uint8_t>(header[1].toInt()),
                              static_cast<std::uint8_t>(header[2].toInt())}));
    QStringList keys;
    for (const PublicKey &k : message.staticAccountKeys())
        keys.append(k.toBase58());
    QStringList expectedKeys;
    for (const QJsonValue &k : decoded[u"account_keys"].toArray())
        expectedKeys.append(k.toString());
    EXPECT_EQ(keys, expectedKeys);
    EXPECT_EQ(message.recentBlockhash().toBase58(), decoded[u"recent_blockhash"].toString());
    const QJsonArray instructions = decoded[u"instructions"].toArray();
    ASSERT_EQ(message.instructions().size(), instructions.size());
    for (int i = 0; i < instructions.size(); ++i) {
        const CompiledInstruction &got = message.instructions()[i];
        EXPECT_EQ(got.programIdIndex, instructions[i][u"programIdIndex"].toInt());
        QByteArray accounts;
        for (const QJsonValue &index : instructions[i][u"accounts"].toArray())
            accounts.append(static_cast<char>(index.toInt()));
        EXPECT_EQ(got.accounts, accounts);
        EXPECT_EQ(base58::encode(bytes(got.data)), instructions[i][u"data_base58"].toString());
    }
    EXPECT_EQ(message.addressTableLookups().size(),
              decoded[u"address_table_lookups_count"].toInt());
    EXPECT_EQ(parsed->id(), decoded[u"signature"].toString());
    EXPECT_EQ(parsed->verifySignatures().ok(), vector[u"signature_verifies"].toBool());
    EXPECT_EQ(parsed->serializeUnchecked(), wire);
}

INSTANTIATE_TEST_SUITE_P(RpcDocs, ExternalTransaction, ::testing::Values(0, 1));

TEST(Golden, HasTwoExternalVectors)
{
    EXPECT_EQ(golden()[u"solana_external_parse_vectors"].toArray().size(), 2);
}
