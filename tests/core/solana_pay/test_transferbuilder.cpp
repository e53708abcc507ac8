#include "PayTestData.h"
#include "solana/Blockhash.h"
#include "solana/Message.h"
#include "solana/ProgramIds.h"
#include "solana/SystemProgram.h"
#include "solana/TokenProgram.h"
#include "solana/pay/SolanaPayUrl.h"
#include "solana/pay/TransferBuilder.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

QJsonObject inputs()
{
    return ovpp::test::golden()
        .value(QLatin1String("solana_transactions"))
        .toObject()
        .value(QLatin1String("inputs"))
        .toObject();
}

PublicKey inputKey(const char *name)
{
    auto key = PublicKey::fromBase58(inputs().value(QLatin1String(name)).toString());
    EXPECT_TRUE(key.ok()) << name;
    return key.ok() ? key.value() : PublicKey();
}

TransferRequest parseTransfer(const QString &url)
{
    auto request = SolanaPayUrl::parseTransfer(url);
    EXPECT_TRUE(request.ok()) << (request.ok() ? "" : request.error().detail.toStdString());
    return request.ok() ? request.value() : TransferRequest();
}

QJsonObject goldenTransaction(const char *name)
{
    const QJsonArray transactions = ovpp::test::golden()
                                        .value(QLatin1String("solana_transactions"))
                                        .toObject()
                                        .value(QLatin1String("transactions"))
                                        .toArray();
    for (const QJsonValue transaction : transactions) {
        if (transaction.toObject().value(QLatin1String("name")).toString() == QLatin1String(name))
            return transaction.toObject();
    }
    ADD_FAILURE() << "no golden transaction " << name;
    return {};
}

} // namespace

// Golden (b) is the Solana Pay shape made by the reference tooling: a URL asking for exactly
// that payment must compile to the same message bytes.
TEST(TransferBuilder, SolPaymentMatchesGoldenTransactionB)
{
    const PublicKey payer = inputKey("payer_pubkey");
    const QString url
        = QStringLiteral("solana:%1?amount=0.001234567&reference=%2&memo=%3")
              .arg(inputKey("recipient_pubkey").toBase58(), inputKey("reference_pubkey").toBase58(),
                   SolanaPayUrl::formEncode(inputs().value(QLatin1String("memo_utf8")).toString()));
    auto instructions = TransferBuilder::build(payer, parseTransfer(url));
    ASSERT_TRUE(instructions.ok()) << instructions.error().detail.toStdString();

    auto blockhash = Blockhash::fromBase58(
        inputs().value(QLatin1String("recent_blockhash_base58")).toString());
    ASSERT_TRUE(blockhash.ok());
    auto message = Message::compile(payer, instructions.value(), blockhash.value());
    ASSERT_TRUE(message.ok()) << message.error().detail.toStdString();
    const QJsonObject golden = goldenTransaction("b_sol_transfer_memo_reference");
    const QString expected = golden.value(QLatin1String("message_hex")).toString();
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_EQ(QString::fromLatin1(message->serialize().toHex()), expected);
}

TEST(TransferBuilder, ReferencesGoReadonlyOnTheTransferAndTheMemoRightBeforeIt)
{
    const PublicKey payer = inputKey("payer_pubkey");
    const PublicKey recipient = inputKey("recipient_pubkey");
    const PublicKey first = inputKey("reference_pubkey");
    const PublicKey second = inputKey("mint_pubkey"); // any other key will do
    TransferRequest request;
    request.recipient = recipient;
    request.amount = QStringLiteral("2.5");
    request.references = {first, second};
    request.memo = QStringLiteral("Order #7");

    auto instructions = TransferBuilder::build(payer, request);
    ASSERT_TRUE(instructions.ok());
    ASSERT_EQ(instructions->size(), 2);
    const Instruction &memo = instructions->at(0);
    EXPECT_EQ(memo.programId, programs::memoProgram());
    EXPECT_TRUE(memo.accounts.isEmpty());
    EXPECT_EQ(memo.data, QByteArray("Order #7"));

    Instruction expected = SystemProgram::transfer(payer, recipient, 2'500'000'000);
    expected.accounts.append(AccountMeta {first, false, false});
    expected.accounts.append(AccountMeta {second, false, false});
    EXPECT_EQ(instructions->at(1), expected);

    // Without a memo the transfer is alone.
    request.memo.reset();
    request.references.clear();
    auto bare = TransferBuilder::build(payer, request);
    ASSERT_TRUE(bare.ok());
    ASSERT_EQ(bare->size(), 1);
    EXPECT_EQ(bare->front(), SystemProgram::transfer(payer, recipient, 2'500'000'000));
}

TEST(TransferBuilder, TokenPaymentIsTransferCheckedBetweenTheAssociatedAccounts)
{
    const PublicKey payer = inputKey("payer_pubkey");
    const PublicKey mint = inputKey("mint_pubkey");
    const PublicKey reference = inputKey("reference_pubkey");
    const TransferRequest request = parseTransfer(
        QStringLiteral("solana:%1?amount=1.5&spl-token=%2&reference=%3&memo=hi")
            .arg(inputKey("recipient_pubkey").toBase58(), mint.toBase58(), reference.toBase58()));
    const auto decimals = std::uint8_t(inputs().value(QLatin1String("decimals")).toInt());
    ASSERT_EQ(decimals, 6);

    auto instructions = TransferBuilder::build(payer, request, TransferBuilder::Token {decimals});
    ASSERT_TRUE(instructions.ok()) << instructions.error().detail.toStdString();
    ASSERT_EQ(instructions->size(), 2);
    EXPECT_EQ(instructions->at(0).programId, programs::memoProgram());
    const Instruction &transfer = instructions->at(1);
    EXPECT_EQ(transfer.programId, programs::tokenProgram());
    ASSERT_EQ(transfer.accounts.size(), 5);
    // The ATAs the golden inputs list (derived by @solana/spl-token), not our own derivation.
    EXPECT_EQ(transfer.accounts[0].pubkey, inputKey("payer_ata"));
    EXPECT_EQ(transfer.accounts[1].pubkey, mint);
    EXPECT_EQ(transfer.accounts[2].pubkey, inputKey("recipient_ata"));
    EXPECT_EQ(transfer.accounts[3].pubkey, payer);
    EXPECT_TRUE(transfer.accounts[3].isSigner);
    EXPECT_EQ(transfer.accounts[4], (AccountMeta {reference, false, false}));
    ASSERT_EQ(transfer.data.size(), 10);
    EXPECT_EQ(std::uint8_t(transfer.data[0]), TokenProgram::TransferChecked);
    EXPECT_EQ(transfer.data.mid(1, 8), QByteArray::fromHex("60e3160000000000")); // 1500000 LE
    EXPECT_EQ(std::uint8_t(transfer.data[9]), decimals);

    // Token-2022 mints derive their ATAs under the Token-2022 id and send to that program.
    auto t22 = TransferBuilder::build(
        payer, request, TransferBuilder::Token {decimals, programs::token2022Program()});
    ASSERT_TRUE(t22.ok());
    EXPECT_EQ(t22->at(1).programId, programs::token2022Program());
    EXPECT_NE(t22->at(1).accounts[0].pubkey, inputKey("payer_ata"));
}

TEST(TransferBuilder, RejectsWhatCannotBePaidExactly)
{
    const PublicKey payer = inputKey("payer_pubkey");
    const QString base = QStringLiteral("solana:") + inputKey("recipient_pubkey").toBase58();

    // The reference parser accepts 10 decimals; paying them in SOL must fail.
    auto tooPrecise = TransferBuilder::build(payer, parseTransfer(base + "?amount=0.0000000001"));
    ASSERT_FALSE(tooPrecise.ok());
    EXPECT_EQ(tooPrecise.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(tooPrecise.error().detail.contains(QLatin1String("decimals invalid")));

    auto noAmount = TransferBuilder::build(payer, parseTransfer(base + "?label=x"));
    ASSERT_FALSE(noAmount.ok());
    EXPECT_TRUE(noAmount.error().detail.contains(QLatin1String("no amount")));

    auto overflow
        = TransferBuilder::build(payer, parseTransfer(base + "?amount=18446744073.709551616"));
    ASSERT_FALSE(overflow.ok());
    EXPECT_TRUE(overflow.error().detail.contains(QLatin1String("too large")));

    const QString token
        = base + "?amount=1.1234567&spl-token=" + inputKey("mint_pubkey").toBase58();
    auto noDecimals = TransferBuilder::build(payer, parseTransfer(token));
    ASSERT_FALSE(noDecimals.ok());
    EXPECT_TRUE(noDecimals.error().detail.contains(QLatin1String("decimals are needed")));
    auto mintTooCoarse
        = TransferBuilder::build(payer, parseTransfer(token), TransferBuilder::Token {6});
    ASSERT_FALSE(mintTooCoarse.ok());
    EXPECT_TRUE(mintTooCoarse.error().detail.contains(QLatin1String("decimals invalid")));
    EXPECT_TRUE(
        TransferBuilder::build(payer, parseTransfer(token), TransferBuilder::Token {7}).ok());
}
