// PDAs and ATAs: every golden.json pda vector (ATA addresses and bumps, the bump-loop seeds
// where libsodium's is_valid_point would give bump 255 and a wrong address, the on-curve
// points), create() vs find(), and the seed limits.

#include "SolanaTestData.h"
#include "solana/ProgramAddress.h"
#include "solana/ProgramIds.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

QJsonObject pda()
{
    return golden()[u"pda"].toObject();
}

QList<QByteArray> utf8Seeds(const QJsonValue &array)
{
    QList<QByteArray> seeds;
    for (const QJsonValue &seed : array.toArray())
        seeds.append(seed.toString().toUtf8());
    return seeds;
}

QByteArray raw(const PublicKey &key)
{
    return toByteArray(key.bytes());
}

std::array<std::uint8_t, 32> array32(const QByteArray &bytes32)
{
    std::array<std::uint8_t, 32> out {};
    EXPECT_EQ(bytes32.size(), 32);
    std::memcpy(out.data(), bytes32.constData(), std::min<qsizetype>(32, bytes32.size()));
    return out;
}

} // namespace

TEST(ProgramAddress, AtaVectors)
{
    const QJsonArray vectors = pda()[u"ata_vectors"].toArray();
    ASSERT_EQ(vectors.size(), 2);
    for (const QJsonValue &vector : vectors) {
        SCOPED_TRACE(vector[u"owner_label"].toString().toStdString());
        ASSERT_EQ(key(vector[u"token_program"]), programs::tokenProgram());
        ASSERT_EQ(key(vector[u"ata_program"]), programs::associatedTokenProgram());
        const auto found
            = ProgramAddress::associatedTokenAddress(key(vector[u"owner"]), key(vector[u"mint"]));
        ASSERT_TRUE(found.ok()) << describe(found.error()).toStdString();
        EXPECT_EQ(found->address.toBase58(), vector[u"ata"].toString());
        EXPECT_EQ(found->bump, vector[u"bump"].toInt());
    }
}

TEST(ProgramAddress, AtaWithALeadingZeroByteKeepsItsLeadingOne)
{
    const QJsonObject inputs = golden()[u"solana_transactions"][u"inputs"].toObject();
    const auto found = ProgramAddress::associatedTokenAddress(key(inputs[u"recipient_pubkey"]),
                                                              key(inputs[u"mint_pubkey"]));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->address.bytes()[0], 0);
    EXPECT_EQ(found->address.toBase58(), inputs[u"recipient_ata"].toString());
}

TEST(ProgramAddress, BumpLoopVectorsFindTheRightBump)
{
    const QJsonArray vectors = pda()[u"bump_loop_vectors"].toArray();
    ASSERT_EQ(vectors.size(), 3);
    for (const QJsonValue &vector : vectors) {
        const QList<QByteArray> seeds = utf8Seeds(vector[u"seeds_utf8"]);
        SCOPED_TRACE(seeds.front().toStdString());
        const PublicKey program = key(vector[u"program_id"]);
        const auto found = ProgramAddress::find(seeds, program);
        ASSERT_TRUE(found.ok());
        EXPECT_EQ(found->address.toBase58(), vector[u"address"].toString());
        EXPECT_EQ(found->bump, vector[u"bump"].toInt());
        EXPECT_LT(found->bump, 255);

        // create() with the found bump gives the same address.
        const auto created = ProgramAddress::create(
            seeds + QList<QByteArray> {QByteArray(1, char(found->bump))}, program);
        ASSERT_TRUE(created.ok());
        EXPECT_EQ(*created, found->address);
    }
}

// The pitfall the vectors were made for: with bump 255 the hash is a curve point outside the
// prime-order subgroup. libsodium's is_valid_point says "not a valid point" (so a search built
// on it would stop at 255 with the WRONG address); the runtime, and we, say "on the curve".
TEST(ProgramAddress, Bump255LandsOnTheCurveOutsideTheSubgroup)
{
    const QJsonArray vectors = pda()[u"bump_loop_vectors"].toArray();
    ASSERT_EQ(vectors.size(), 3);
    for (const QJsonValue &vector : vectors) {
        const QList<QByteArray> seeds = utf8Seeds(vector[u"seeds_utf8"]);
        SCOPED_TRACE(seeds.front().toStdString());
        const PublicKey program = key(vector[u"program_id"]);
        const QJsonObject wrong
            = vector[u"WRONG_result_if_libsodium_is_valid_point_used_as_on_curve_test"].toObject();
        ASSERT_EQ(wrong[u"bump"].toInt(), 255);

        QCryptographicHash sha(QCryptographicHash::Sha256);
        for (const QByteArray &seed : seeds)
            sha.addData(seed);
        sha.addData(QByteArray(1, char(255)));
        sha.addData(raw(program));
        sha.addData(QByteArrayLiteral("ProgramDerivedAddress"));
        const auto hash = array32(sha.result());
        EXPECT_EQ(PublicKey(hash), key(wrong[u"address"]));

        EXPECT_TRUE(ProgramAddress::isOnCurve(hash));
        EXPECT_EQ(crypto_core_ed25519_is_valid_point(hash.data()), 0);
        const auto created
            = ProgramAddress::create(seeds + QList<QByteArray> {QByteArray(1, char(255))}, program);
        ASSERT_FALSE(created.ok());
        EXPECT_EQ(created.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(created.error().detail.contains(u"curve"));
    }
}

TEST(ProgramAddress, OnCurveVectors)
{
    const QJsonArray vectors = pda()[u"on_curve_vectors"].toArray();
    ASSERT_EQ(vectors.size(), 4);
    for (const QJsonValue &vector : vectors) {
        SCOPED_TRACE(vector[u"note"].toString().toStdString());
        const auto point = array32(hex(vector[u"hex"]));
        EXPECT_EQ(ProgramAddress::isOnCurve(point), vector[u"on_curve"].toBool());
    }
}

TEST(ProgramAddress, OrdinaryPublicKeysAreOnTheCurve)
{
    for (std::uint8_t fill = 1; fill < 20; ++fill) {
        std::array<std::uint8_t, 32> seed;
        seed.fill(fill);
        const Keypair keypair = Keypair::fromSeed(seed);
        EXPECT_TRUE(ProgramAddress::isOnCurve(keypair.publicKey().bytes())) << int(fill);
    }
}

TEST(ProgramAddress, FindAlwaysReturnsAnOffCurveAddress)
{
    for (int i = 0; i < 32; ++i) {
        const auto found = ProgramAddress::find({QByteArray::number(i)}, programs::tokenProgram());
        ASSERT_TRUE(found.ok());
        EXPECT_FALSE(ProgramAddress::isOnCurve(found->address.bytes())) << i;
    }
}

TEST(ProgramAddress, EnforcesSeedLimits)
{
    const PublicKey program = programs::tokenProgram();
    const QList<QByteArray> sixteen(16, QByteArray("s"));
    EXPECT_FALSE(ProgramAddress::create(sixteen + QList<QByteArray> {"s"}, program).ok());
    // find() needs one seed slot for the bump.
    const auto full = ProgramAddress::find(sixteen, program);
    ASSERT_FALSE(full.ok());
    EXPECT_TRUE(full.error().detail.contains(u"at most 15")) << full.error().detail.toStdString();
    EXPECT_TRUE(ProgramAddress::find(sixteen.mid(1), program).ok());

    const auto longSeed = ProgramAddress::find({QByteArray(33, 'x')}, program);
    ASSERT_FALSE(longSeed.ok());
    EXPECT_TRUE(longSeed.error().detail.contains(u"33 bytes"));
    EXPECT_TRUE(ProgramAddress::find({QByteArray(32, 'x')}, program).ok());
    EXPECT_TRUE(ProgramAddress::find({}, program).ok());
}
