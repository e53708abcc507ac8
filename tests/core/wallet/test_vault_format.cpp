// VaultFormat: the header's bytes, the key derivation and the AEAD, below the Wallet API.

#include "WalletTestSupport.h"
#include "wallet/VaultFormat.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

using namespace ovpp::core;
using namespace ovpp::test;
namespace vf = ovpp::core::vaultformat;

namespace {

vf::Header sampleHeader()
{
    vf::Header header;
    header.vaultId = QUuid::createUuid();
    header.kdf = KdfParams::minimumForTests();
    header.salt = vf::randomSalt();
    return header;
}

SecretBytes payload(std::string_view text)
{
    return SecretBytes::fromView(text);
}

TEST(VaultFormat, HeaderFieldsRoundTripAndStartWithTheSignature)
{
    vf::Header header = sampleHeader();
    header.kdf = {7, 1ull << 20};
    header.ciphertextLength = 4096;
    for (std::size_t i = 0; i < header.nonce.size(); ++i)
        header.nonce[i] = static_cast<std::uint8_t>(i + 1);
    for (std::size_t i = 0; i < header.keyCheck.size(); ++i)
        header.keyCheck[i] = static_cast<std::uint8_t>(0xa0 + i);
    const QByteArray bytes = vf::serializeHeader(header);
    ASSERT_EQ(bytes.size(), 144);
    EXPECT_EQ(bytes.left(8), QByteArray("OVPPVLT\0", 8));

    auto parsed = vf::parseHeader(bytes, true);
    ASSERT_TRUE(parsed.ok()) << errorText(parsed.error());
    EXPECT_EQ(parsed->version, 1);
    EXPECT_EQ(parsed->vaultId, header.vaultId);
    EXPECT_EQ(parsed->kdf.opsLimit, 7u);
    EXPECT_EQ(parsed->kdf.memLimitBytes, 1ull << 20);
    EXPECT_EQ(parsed->salt, header.salt);
    EXPECT_EQ(parsed->nonce, header.nonce);
    EXPECT_EQ(parsed->ciphertextLength, 4096u);
    EXPECT_EQ(parsed->keyCheck, header.keyCheck);

    // Without headerOnly the size must agree with the declared ciphertext length.
    EXPECT_ERROR(vf::parseHeader(bytes), ErrorCode::CorruptFile);
    EXPECT_TRUE(vf::parseHeader(bytes + QByteArray(4096, '\0')).ok());
}

TEST(VaultFormat, SealingUsesAFreshNonceEveryTime)
{
    const vf::Header header = sampleHeader();
    auto key = vf::deriveVaultKey(secret("pw"), header.kdf, header.salt);
    ASSERT_TRUE(key.ok());
    const SecretBytes plain = payload("the same contents");
    const QByteArray a = vf::seal(header, key.value(), plain);
    const QByteArray b = vf::seal(header, key.value(), plain);
    ASSERT_EQ(a.size(), 144 + static_cast<qsizetype>(plain.size()) + 16);
    EXPECT_NE(a.mid(64, 24), b.mid(64, 24)) << "nonce reused";
    EXPECT_NE(a.mid(144), b.mid(144));
    EXPECT_FALSE(a.contains("the same contents"));

    for (const QByteArray &file : {a, b}) {
        auto parsed = vf::parseHeader(file);
        ASSERT_TRUE(parsed.ok()) << errorText(parsed.error());
        auto opened = vf::open(file, parsed.value(), key.value());
        ASSERT_TRUE(opened.ok()) << errorText(opened.error());
        EXPECT_TRUE(opened->equals(plain.span()));
    }
}

TEST(VaultFormat, TheKeyCheckTellsAWrongKeyFromDamage)
{
    const vf::Header header = sampleHeader();
    auto key = vf::deriveVaultKey(secret("right"), header.kdf, header.salt);
    auto other = vf::deriveVaultKey(secret("wrong"), header.kdf, header.salt);
    ASSERT_TRUE(key.ok() && other.ok());
    QByteArray file = vf::seal(header, key.value(), payload("contents"));
    auto parsed = vf::parseHeader(file);
    ASSERT_TRUE(parsed.ok());
    EXPECT_ERROR(vf::open(file, parsed.value(), other.value()), ErrorCode::WrongPassword);

    file[file.size() - 1] = static_cast<char>(file[file.size() - 1] ^ 1);
    EXPECT_ERROR(vf::open(file, parsed.value(), key.value()), ErrorCode::CorruptFile);
    EXPECT_ERROR(vf::open(file, parsed.value(), other.value()), ErrorCode::WrongPassword);
    EXPECT_ERROR(vf::open(file, parsed.value(), SecretBytes(16)), ErrorCode::InvalidArgument);
}

TEST(VaultFormat, KeyDerivationDependsOnPasswordSaltAndParameters)
{
    const auto salt = vf::randomSalt();
    const KdfParams kdf = KdfParams::minimumForTests();
    auto a = vf::deriveVaultKey(secret("password"), kdf, salt);
    auto again = vf::deriveVaultKey(secret("password"), kdf, salt);
    ASSERT_TRUE(a.ok() && again.ok());
    EXPECT_EQ(a->size(), 32u);
    EXPECT_TRUE(a->equals(again->span()));

    auto otherSalt = vf::randomSalt();
    ASSERT_NE(otherSalt, salt);
    const SecretBytes variants[] = {
        std::move(vf::deriveVaultKey(secret("passwore"), kdf, salt)).value(),
        std::move(vf::deriveVaultKey(secret("password"), kdf, otherSalt)).value(),
        std::move(vf::deriveVaultKey(secret("password"), {2, kdf.memLimitBytes}, salt)).value(),
        std::move(vf::deriveVaultKey(secret("password"), {1, 16384}, salt)).value(),
    };
    for (const SecretBytes &variant : variants)
        EXPECT_FALSE(a->equals(variant.span()));
    EXPECT_NE(vf::keyCheck(a.value()), vf::keyCheck(variants[0]));
    // The key check is not the key.
    const auto check = vf::keyCheck(a.value());
    EXPECT_FALSE(a->equals({check.data(), check.size()}));
}

TEST(VaultFormat, KdfParameterBounds)
{
    EXPECT_TRUE(vf::checkKdfParams(KdfParams::standard()).ok());
    EXPECT_TRUE(vf::checkKdfParams(KdfParams::minimumForTests()).ok());
    EXPECT_ERROR(vf::checkKdfParams({0, 8192}), ErrorCode::InvalidArgument);
    EXPECT_ERROR(vf::checkKdfParams({257, 8192}), ErrorCode::InvalidArgument);
    EXPECT_ERROR(vf::checkKdfParams({1, 4096}), ErrorCode::InvalidArgument);
    EXPECT_ERROR(vf::checkKdfParams({1, 8192 + 1}), ErrorCode::InvalidArgument);
    EXPECT_ERROR(vf::checkKdfParams({1, (4ull << 30) + 1024}), ErrorCode::InvalidArgument);
}

TEST(VaultFormat, ClassifiesWhatIsNotAnIntactHeader)
{
    const QByteArray good = vf::serializeHeader(sampleHeader());
    EXPECT_ERROR(vf::parseHeader(QByteArray(), true), ErrorCode::EmptyFile);
    EXPECT_ERROR(vf::parseHeader(good.left(5), true), ErrorCode::CorruptFile);
    EXPECT_ERROR(vf::parseHeader(QByteArray("OVx"), true), ErrorCode::NotAVault);
    EXPECT_ERROR(vf::parseHeader(good.left(143), true), ErrorCode::CorruptFile);

    QByteArray oneWrong = good;
    oneWrong[3] = 'Q';
    EXPECT_ERROR(vf::parseHeader(oneWrong, true), ErrorCode::CorruptFile);
    QByteArray twoWrong = oneWrong;
    twoWrong[0] = 'X';
    EXPECT_ERROR(vf::parseHeader(twoWrong, true), ErrorCode::NotAVault);

    // Reserved bytes, with the checksum made consistent: still refused.
    QByteArray reserved = good;
    reserved[30] = 1;
    auto *p = reinterpret_cast<unsigned char *>(reserved.data());
    crypto_generichash(p + 128, 16, p, 128, nullptr, 0);
    EXPECT_ERROR(vf::parseHeader(reserved, true), ErrorCode::CorruptFile);
    QByteArray kdfAlgorithm = good;
    kdfAlgorithm[28] = 1; // Argon2i
    p = reinterpret_cast<unsigned char *>(kdfAlgorithm.data());
    crypto_generichash(p + 128, 16, p, 128, nullptr, 0);
    EXPECT_ERROR(vf::parseHeader(kdfAlgorithm, true), ErrorCode::UnsupportedVersion);
}

} // namespace
