// Transaction: signing into the right slots, partial signing and external signatures,
// verification (including tampering), the 1232-byte packet limit, and parsing of malformed
// wire bytes.

#include "SolanaTestData.h"
#include "crypto/Base58.h"
#include "solana/MemoProgram.h"
#include "solana/SystemProgram.h"
#include "solana/Transaction.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

Keypair seeded(std::uint8_t fill)
{
    std::array<std::uint8_t, 32> seed;
    seed.fill(fill);
    return Keypair::fromSeed(seed);
}

Blockhash someBlockhash()
{
    Blockhash::Bytes raw;
    raw.fill(0x33);
    return Blockhash(raw);
}

// A transfer from `payer` with a memo signed by `cosigner`: two required signatures.
Message twoSignerMessage(const Keypair &payer, const Keypair &cosigner)
{
    auto message = Message::compile(
        payer.publicKey(),
        {MemoProgram::memo(QStringLiteral("two signers"), {cosigner.publicKey()}),
         SystemProgram::transfer(payer.publicKey(), testKey(9), 42)},
        someBlockhash());
    EXPECT_TRUE(message.ok());
    return message.ok() ? message.value() : Message();
}

Transaction withMemoOfLength(const Keypair &payer, int length)
{
    auto message = Message::compile(payer.publicKey(), {MemoProgram::memo(QString(length, u'm'))},
                                    someBlockhash());
    EXPECT_TRUE(message.ok());
    Transaction transaction(message.value());
    EXPECT_TRUE(transaction.sign(payer).ok());
    return transaction;
}

} // namespace

TEST(Transaction, NewTransactionHasOneEmptySlotPerSigner)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    const Transaction transaction(twoSignerMessage(payer, cosigner));
    ASSERT_EQ(transaction.signatures().size(), 2);
    EXPECT_EQ(transaction.signatures()[0], Signature {});
    EXPECT_FALSE(transaction.isFullySigned());
    EXPECT_EQ(transaction.messageBytes(), transaction.message().serialize());
    const auto verified = transaction.verifySignatures();
    ASSERT_FALSE(verified.ok());
    EXPECT_TRUE(verified.error().detail.contains(payer.publicKey().toBase58()));
}

TEST(Transaction, SignsIntoEachSignersSlotInAnyOrder)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    ASSERT_TRUE(transaction.sign(cosigner).ok());
    EXPECT_FALSE(transaction.isFullySigned());
    EXPECT_EQ(transaction.signatures()[0], Signature {});
    ASSERT_TRUE(transaction.sign(payer).ok());
    EXPECT_TRUE(transaction.isFullySigned());
    EXPECT_TRUE(transaction.verifySignatures().ok());

    Transaction together(twoSignerMessage(payer, cosigner));
    ASSERT_TRUE(together.sign({&payer, &cosigner}).ok());
    EXPECT_EQ(together.signatures(), transaction.signatures());
    // The id is the fee payer's signature.
    EXPECT_EQ(transaction.id(), base58::encode(transaction.signatures()[0]));
    const QByteArray payerSignature = payer.sign(bytes(transaction.messageBytes()));
    EXPECT_EQ(toByteArray(transaction.signatures()[0]), payerSignature);
}

TEST(Transaction, RefusesASignerThatIsNotRequired)
{
    const Keypair payer = seeded(1), cosigner = seeded(2), stranger = seeded(3);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    const auto signed_ = transaction.sign(stranger);
    ASSERT_FALSE(signed_.ok());
    EXPECT_EQ(signed_.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(signed_.error().detail.contains(stranger.publicKey().toBase58()));
    EXPECT_FALSE(transaction.sign({&payer, nullptr}).ok());
}

TEST(Transaction, AcceptsOnlyValidExternalSignatures)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    Signature signature;
    const QByteArray made = cosigner.sign(bytes(transaction.messageBytes()));
    std::memcpy(signature.data(), made.constData(), signature.size());

    const auto wrongKey = transaction.addSignature(payer.publicKey(), signature);
    ASSERT_FALSE(wrongKey.ok());
    EXPECT_TRUE(wrongKey.error().detail.contains(u"does not verify"));
    ASSERT_TRUE(transaction.addSignature(cosigner.publicKey(), signature).ok());
    EXPECT_EQ(transaction.signatures()[1], signature);
    EXPECT_FALSE(transaction.addSignature(testKey(7), signature).ok());
}

TEST(Transaction, VerificationCatchesTampering)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    ASSERT_TRUE(transaction.sign({&payer, &cosigner}).ok());
    const QByteArray wire = transaction.serialize().value();

    // A flipped bit in a signature, and one in the message (the transfer amount).
    QByteArray badSignature = wire;
    badSignature[1 + 64 + 5] = static_cast<char>(badSignature[1 + 64 + 5] ^ 0x01);
    const auto parsedSignature = Transaction::deserialize(bytes(badSignature));
    ASSERT_TRUE(parsedSignature.ok());
    const auto failed = parsedSignature->verifySignatures();
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.error().detail.contains(cosigner.publicKey().toBase58()))
        << failed.error().detail.toStdString();

    QByteArray badMessage = wire;
    badMessage[badMessage.size() - 8] = static_cast<char>(badMessage[badMessage.size() - 8] ^ 0x01);
    const auto parsedMessage = Transaction::deserialize(bytes(badMessage));
    ASSERT_TRUE(parsedMessage.ok());
    EXPECT_FALSE(parsedMessage->verifySignatures().ok());

    const auto intact = Transaction::deserialize(bytes(wire));
    ASSERT_TRUE(intact.ok());
    EXPECT_TRUE(intact->verifySignatures().ok());
}

TEST(Transaction, RoundTripsThroughWireAndBase64)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    ASSERT_TRUE(transaction.sign({&payer, &cosigner}).ok());
    const auto base64 = transaction.toBase64();
    ASSERT_TRUE(base64.ok());
    const auto parsed = Transaction::fromBase64(*base64);
    ASSERT_TRUE(parsed.ok()) << describe(parsed.error()).toStdString();
    EXPECT_EQ(parsed->message(), transaction.message());
    EXPECT_EQ(parsed->signatures(), transaction.signatures());
    EXPECT_EQ(parsed->serializeUnchecked(), transaction.serializeUnchecked());
    EXPECT_EQ(parsed->size(), std::size_t(transaction.serializeUnchecked().size()));
    EXPECT_FALSE(Transaction::fromBase64("not base64!").ok());
}

TEST(Transaction, EnforcesThePacketSizeLimit)
{
    const Keypair payer = seeded(1);
    // Size with an empty memo, so the memo length that lands exactly on 1232 is known.
    const std::size_t base = withMemoOfLength(payer, 0).size();
    // The memo's data length prefix grows from 1 to 2 bytes at 128.
    const int fits = int(Transaction::PacketDataSize - base) - 1;
    ASSERT_GE(fits, 128);
    const Transaction atLimit = withMemoOfLength(payer, fits);
    EXPECT_EQ(atLimit.size(), Transaction::PacketDataSize);
    const auto ok = atLimit.serialize();
    ASSERT_TRUE(ok.ok()) << describe(ok.error()).toStdString();
    EXPECT_EQ(std::size_t(ok->size()), Transaction::PacketDataSize);

    const Transaction over = withMemoOfLength(payer, fits + 1);
    EXPECT_EQ(over.size(), Transaction::PacketDataSize + 1);
    const auto tooLarge = over.serialize();
    ASSERT_FALSE(tooLarge.ok());
    EXPECT_EQ(tooLarge.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(tooLarge.error().detail.contains(u"1233 bytes"))
        << tooLarge.error().detail.toStdString();
    EXPECT_TRUE(tooLarge.error().detail.contains(u"1232")) << tooLarge.error().detail.toStdString();
    EXPECT_FALSE(over.toBase64().ok());
    // Still inspectable, and parsable: the limit is about sending, not reading.
    EXPECT_EQ(std::size_t(over.serializeUnchecked().size()), Transaction::PacketDataSize + 1);
    EXPECT_TRUE(Transaction::deserialize(bytes(over.serializeUnchecked())).ok());
}

TEST(Transaction, RejectsASignatureCountThatDiffersFromTheHeader)
{
    const Keypair payer = seeded(1), cosigner = seeded(2);
    Transaction transaction(twoSignerMessage(payer, cosigner));
    const QByteArray wire = transaction.serializeUnchecked();
    // Drop one signature and say so in the count.
    QByteArray oneSignature = wire;
    oneSignature.remove(1, 64);
    oneSignature[0] = 1;
    const auto parsed = Transaction::deserialize(bytes(oneSignature));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().detail.contains(u"carries 1 signatures but its message requires 2"))
        << parsed.error().detail.toStdString();
}

TEST(Transaction, RejectsTruncatedAndOverlongWire)
{
    const Keypair payer = seeded(1);
    const QByteArray wire = withMemoOfLength(payer, 10).serializeUnchecked();
    for (qsizetype length = 0; length < wire.size(); ++length)
        ASSERT_FALSE(Transaction::deserialize(bytes(wire.left(length))).ok()) << length;
    const auto trailing = Transaction::deserialize(bytes(wire + QByteArray(1, 'x')));
    ASSERT_FALSE(trailing.ok());
    EXPECT_TRUE(trailing.error().detail.contains(u"message (from byte 65)"))
        << trailing.error().detail.toStdString();
    // More signatures declared than present.
    QByteArray manySignatures = wire;
    manySignatures[0] = 0x7f;
    const auto many = Transaction::deserialize(bytes(manySignatures));
    ASSERT_FALSE(many.ok());
    EXPECT_TRUE(many.error().detail.contains(u"127 signatures"))
        << many.error().detail.toStdString();
}
