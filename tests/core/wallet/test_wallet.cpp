// Wallet: the encrypted vault seen from its public API. Accounts of every kind round-trip
// through the file and match the golden addresses; every kind of bad file yields its own error
// and leaves the folder byte-for-byte as it was; saves keep a backup; passwords are re-checked.

#include "WalletTestSupport.h"
#include "crypto/Base58.h"
#include "crypto/Keypair.h"
#include "wallet/Wallet.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtEndian>

#include <gtest/gtest.h>
#include <sodium.h>

#include <random>
#include <sys/stat.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

constexpr auto Abandon = "abandon abandon abandon abandon abandon abandon abandon abandon "
                         "abandon abandon abandon about";

// Layout facts the tests rely on, restated from docs/vault-format.md rather than taken from the
// implementation, so that a change to the format has to change both.
constexpr qsizetype HeaderSize = 144;
constexpr qsizetype VersionOffset = 8;
constexpr qsizetype OpsOffset = 32;
constexpr qsizetype MemOffset = 40;
constexpr qsizetype SaltOffset = 48;
constexpr qsizetype NonceOffset = 64;
constexpr qsizetype ChecksumOffset = 128;

DerivationPath path(const char *text)
{
    auto parsed = DerivationPath::parse(QString::fromLatin1(text));
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed ? parsed.value() : DerivationPath();
}

PublicKey address(const QString &base58)
{
    auto parsed = PublicKey::fromBase58(base58);
    EXPECT_TRUE(parsed.ok()) << base58.toStdString();
    return parsed ? parsed.value() : PublicKey();
}

// The address at `p` of a BIP39 seed given in hex (the golden seeds, passphrase included).
PublicKey addressFromSeed(const QString &seedHex, const DerivationPath &p)
{
    const QByteArray seed = QByteArray::fromHex(seedHex.toLatin1());
    EXPECT_EQ(seed.size(), 64);
    return Keypair::fromBip39Seed(bytes(seed), p).publicKey();
}

// Rewrites the header checksum after a deliberate edit, as an attacker (or a buggy writer)
// could: what is left to catch the edit is the key check and the AEAD.
void resealHeaderChecksum(QByteArray &file)
{
    auto *p = reinterpret_cast<unsigned char *>(file.data());
    crypto_generichash(p + ChecksumOffset, 16, p, ChecksumOffset, nullptr, 0);
}

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 0777);
}

bool sameAccount(const AccountInfo &a, const AccountInfo &b)
{
    return a.id == b.id && a.label == b.label && a.address == b.address && a.kind == b.kind
        && a.seedIndex == b.seedIndex && a.path == b.path && a.created == b.created;
}

class WalletTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(sodium_init() >= 0, true);
        m_path = m_dir.filePath(QStringLiteral("test.ovppvault"));
    }

    Wallet create(const QString &password = QStringLiteral("correct horse"))
    {
        auto wallet
            = Wallet::create(m_path, secret(password.toStdString()), KdfParams::minimumForTests());
        EXPECT_TRUE(wallet.ok()) << errorText(wallet.error());
        return std::move(wallet).value();
    }

    Result<Wallet> reopen(const char *password = "correct horse")
    {
        return Wallet::open(m_path, secret(password));
    }

    // A small vault: one watch-only account (short file, so every byte can be flipped).
    QByteArray smallVault()
    {
        Wallet wallet = create();
        EXPECT_TRUE(wallet
                        .addWatchOnly(
                            address(QStringLiteral("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")),
                            QStringLiteral("watched"))
                        .ok());
        return readBytes(m_path);
    }

    // Writes `content` as a vault file of its own folder, tries to open it, and checks the
    // error code and that the folder is exactly as before.
    void expectOpenFails(const QByteArray &content, ErrorCode code, const char *what,
                         const char *password = "correct horse")
    {
        SCOPED_TRACE(what);
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("bad.ovppvault"));
        writeBytes(file, content);
        const auto before = snapshot(dir.path());
        auto opened = Wallet::open(file, secret(password));
        EXPECT_ERROR(opened, code);
        // The message says which file, for logs and the CLI.
        EXPECT_TRUE(opened.error().detail.contains(QStringLiteral("bad.ovppvault")))
            << errorText(opened.error());
        EXPECT_EQ(snapshot(dir.path()), before) << "a failed open changed the folder";
    }

    QTemporaryDir m_dir;
    QString m_path;
};

TEST_F(WalletTest, CreateWritesAnOwnerOnlyVaultThatOpens)
{
    Wallet wallet = create();
    EXPECT_TRUE(wallet.accounts().isEmpty());
    EXPECT_FALSE(wallet.vaultId().isNull());
    EXPECT_EQ(wallet.vaultKey().size(), 32u);
    EXPECT_EQ(fileMode(m_path), 0600);
    EXPECT_FALSE(QFileInfo::exists(m_path + QStringLiteral(".bak"))) << "nothing to back up yet";

    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    EXPECT_EQ(opened->vaultId(), wallet.vaultId());
    EXPECT_TRUE(opened->accounts().isEmpty());
    EXPECT_TRUE(opened->vaultKey().equals(wallet.vaultKey().span()));

    auto id = Wallet::readVaultId(m_path);
    ASSERT_TRUE(id.ok()) << errorText(id.error());
    EXPECT_EQ(id.value(), wallet.vaultId());
}

TEST_F(WalletTest, CreateRefusesToOverwriteAnyFile)
{
    writeBytes(m_path, QByteArrayLiteral("someone's precious wallet"));
    const auto before = snapshot(m_dir.path());
    EXPECT_ERROR(Wallet::create(m_path, secret("pw"), KdfParams::minimumForTests()),
                 ErrorCode::AlreadyExists);
    EXPECT_EQ(snapshot(m_dir.path()), before);

    QFile::remove(m_path);
    const QByteArray first = [&] {
        Wallet wallet = create();
        return readBytes(m_path);
    }();
    EXPECT_ERROR(Wallet::create(m_path, secret("other"), KdfParams::minimumForTests()),
                 ErrorCode::AlreadyExists);
    EXPECT_EQ(readBytes(m_path), first);
}

TEST_F(WalletTest, CreateRejectsAnEmptyPasswordAndImpossibleKdfParameters)
{
    EXPECT_ERROR(Wallet::create(m_path, SecretBytes(), KdfParams::minimumForTests()),
                 ErrorCode::InvalidArgument);
    EXPECT_ERROR(Wallet::create(m_path, secret("pw"), KdfParams {0, 8192}),
                 ErrorCode::InvalidArgument);
    EXPECT_ERROR(Wallet::create(m_path, secret("pw"), KdfParams {1, 1024}),
                 ErrorCode::InvalidArgument);
    EXPECT_FALSE(QFileInfo::exists(m_path));
}

// The one test with the real parameters: they must be what the header says, and what opens it.
TEST_F(WalletTest, StandardKdfParametersAreWrittenInTheHeader)
{
    const KdfParams standard = KdfParams::standard();
    QUuid id;
    {
        auto wallet = Wallet::create(m_path, secret("correct horse"));
        ASSERT_TRUE(wallet.ok()) << errorText(wallet.error());
        id = wallet->vaultId();
    }
    const QByteArray file = readBytes(m_path);
    ASSERT_GE(file.size(), HeaderSize);
    const auto *p = reinterpret_cast<const uchar *>(file.constData());
    EXPECT_EQ(qFromLittleEndian<quint64>(p + OpsOffset), standard.opsLimit);
    EXPECT_EQ(qFromLittleEndian<quint64>(p + MemOffset), standard.memLimitBytes);
    EXPECT_EQ(p[28], crypto_pwhash_ALG_ARGON2ID13);
    EXPECT_EQ(QUuid::fromRfc4122(file.mid(12, 16)), id);

    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    EXPECT_EQ(opened->kdfParams().opsLimit, standard.opsLimit);
    EXPECT_EQ(opened->kdfParams().memLimitBytes, standard.memLimitBytes);
}

TEST_F(WalletTest, MnemonicAccountsMatchTheGoldenAddressesAndRoundTrip)
{
    const QJsonObject vectors
        = golden()[QStringLiteral("key_derivation")][QStringLiteral("solana_paths")].toObject();
    const QJsonArray derived = vectors[QStringLiteral("derived")].toArray();
    ASSERT_EQ(derived.size(), 4);
    ASSERT_EQ(vectors[QStringLiteral("mnemonic")].toString(), QString::fromLatin1(Abandon));
    ASSERT_TRUE(vectors[QStringLiteral("passphrase")].toString().isEmpty());

    QList<AccountInfo> added;
    {
        Wallet wallet = create();
        auto first = wallet.addMnemonic(
            secret(Abandon), SecretBytes(),
            path(derived[0][QStringLiteral("path")].toString().toLatin1().constData()),
            QStringLiteral("Main"));
        ASSERT_TRUE(first.ok()) << errorText(first.error());
        added.append(first.value());
        for (qsizetype i = 1; i < derived.size(); ++i) {
            const QString p = derived[i][QStringLiteral("path")].toString();
            auto account
                = wallet.addDerivedAccount(first->seedIndex, path(p.toLatin1().constData()));
            ASSERT_TRUE(account.ok()) << p.toStdString() << errorText(account.error());
            added.append(account.value());
        }
        auto legacy = wallet.addDerivedAccount(first->seedIndex, DerivationPath::legacySeed());
        ASSERT_TRUE(legacy.ok()) << errorText(legacy.error());
        added.append(legacy.value());
    }

    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    const QList<AccountInfo> accounts = opened->accounts();
    ASSERT_EQ(accounts.size(), derived.size() + 1);
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const QString expected = i < derived.size()
            ? derived[i][QStringLiteral("address")].toString()
            : vectors[QStringLiteral("no_derivation_first32")][QStringLiteral("address")]
                  .toString();
        SCOPED_TRACE(expected.toStdString());
        EXPECT_TRUE(sameAccount(accounts[i], added[i]));
        EXPECT_EQ(accounts[i].address.toBase58(), expected);
        EXPECT_EQ(accounts[i].kind, AccountKind::Derived);
        EXPECT_EQ(accounts[i].seedIndex, 0);
        auto keypair = opened->keypair(accounts[i].id);
        ASSERT_TRUE(keypair.ok()) << errorText(keypair.error());
        EXPECT_EQ(keypair->publicKey().toBase58(), expected);
        if (i < derived.size()) {
            auto json = opened->exportSecret(accounts[i].id, Wallet::ExportFormat::KeypairJson,
                                             secret("correct horse"));
            ASSERT_TRUE(json.ok()) << errorText(json.error());
            EXPECT_EQ(QString::fromUtf8(json->view().data(), json->view().size()),
                      derived[i][QStringLiteral("keypair_file_json")].toString());
        }
    }
    EXPECT_EQ(accounts[0].label, QStringLiteral("Main"));
    EXPECT_EQ(accounts[4].path, DerivationPath::legacySeed());

    auto words = opened->exportMnemonic(0, secret("correct horse"));
    ASSERT_TRUE(words.ok()) << errorText(words.error());
    EXPECT_EQ(words->view(), std::string_view(Abandon));
}

TEST_F(WalletTest, MnemonicsWithPassphrasesRoundTripAtSeveralPaths)
{
    const QJsonArray vectors
        = golden()[QStringLiteral("key_derivation")][QStringLiteral("bip39_trezor_vectors")]
                  [QStringLiteral("vectors")]
                      .toArray();
    ASSERT_GE(vectors.size(), 4);
    const DerivationPath paths[] = {path("m/44'/501'/0'/0'"), path("m/44'/501'/2'/0'"),
                                    path("m/44'/501'/7'"), path("m/44'/501'/0'/0'/0'")};

    QList<AccountInfo> added;
    {
        Wallet wallet = create();
        for (qsizetype v = 0; v < vectors.size(); ++v) {
            const QJsonObject vector = vectors[v].toObject();
            const std::string words = vector[QStringLiteral("mnemonic")].toString().toStdString();
            const std::string passphrase
                = vector[QStringLiteral("passphrase")].toString().toStdString();
            ASSERT_FALSE(passphrase.empty());
            auto first = wallet.addMnemonic(secret(words), secret(passphrase), paths[0]);
            ASSERT_TRUE(first.ok()) << errorText(first.error());
            EXPECT_EQ(first->seedIndex, v);
            added.append(first.value());
            for (std::size_t p = 1; p < std::size(paths); ++p) {
                auto account = wallet.addDerivedAccount(first->seedIndex, paths[p]);
                ASSERT_TRUE(account.ok()) << errorText(account.error());
                added.append(account.value());
            }
        }
    }

    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    const QList<AccountInfo> accounts = opened->accounts();
    ASSERT_EQ(accounts.size(), added.size());
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const QJsonObject vector = vectors[accounts[i].seedIndex].toObject();
        const PublicKey expected
            = addressFromSeed(vector[QStringLiteral("seed")].toString(), accounts[i].path);
        EXPECT_TRUE(sameAccount(accounts[i], added[i]));
        EXPECT_EQ(accounts[i].address, expected) << accounts[i].path.toString().toStdString();
        auto keypair = opened->keypair(accounts[i].id);
        ASSERT_TRUE(keypair.ok());
        EXPECT_EQ(keypair->publicKey(), expected);
    }

    // The passphrase itself survived: a new account of each seed after reopening is the one
    // the passphrase-protected seed gives.
    for (qsizetype v = 0; v < vectors.size(); ++v) {
        const QJsonObject vector = vectors[v].toObject();
        auto next = opened->addDerivedAccount(static_cast<int>(v));
        ASSERT_TRUE(next.ok()) << errorText(next.error());
        EXPECT_EQ(next->path, DerivationPath::forScheme(DerivationPath::Scheme::LedgerLive, 1));
        EXPECT_EQ(next->address,
                  addressFromSeed(vector[QStringLiteral("seed")].toString(), next->path));
        auto words = opened->exportMnemonic(static_cast<int>(v), secret("correct horse"));
        ASSERT_TRUE(words.ok());
        EXPECT_EQ(QString::fromUtf8(words->view().data(), words->view().size()),
                  vector[QStringLiteral("mnemonic")].toString());
    }
}

TEST_F(WalletTest, ImportedKeypairsRoundTripAndExportInBothFormats)
{
    const QJsonArray derived = golden()[QStringLiteral("key_derivation")]
                                       [QStringLiteral("solana_paths")][QStringLiteral("derived")]
                                           .toArray();
    ASSERT_GE(derived.size(), 2);
    const QByteArray json = derived[1][QStringLiteral("keypair_file_json")].toString().toUtf8();
    auto keypair = Keypair::fromKeypairJson(bytes(json));
    ASSERT_TRUE(keypair.ok()) << errorText(keypair.error());
    const QByteArray secretKey
        = QByteArray::fromHex(derived[1][QStringLiteral("private_seed32")].toString().toLatin1())
        + QByteArray::fromHex(derived[1][QStringLiteral("pubkey_hex")].toString().toLatin1());
    ASSERT_EQ(secretKey.size(), 64);

    QString id;
    {
        Wallet wallet = create();
        auto account = wallet.importKeypair(keypair.value(), QStringLiteral("Imported"));
        ASSERT_TRUE(account.ok()) << errorText(account.error());
        EXPECT_EQ(account->kind, AccountKind::Imported);
        id = account->id;
    }
    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    auto account = opened->account(id);
    ASSERT_TRUE(account.ok());
    EXPECT_EQ(account->kind, AccountKind::Imported);
    EXPECT_EQ(account->label, QStringLiteral("Imported"));
    EXPECT_EQ(account->address.toBase58(), derived[1][QStringLiteral("address")].toString());
    EXPECT_TRUE(account->hasSecret());

    auto restored = opened->keypair(id);
    ASSERT_TRUE(restored.ok());
    EXPECT_TRUE(restored->secretKey().equals(bytes(secretKey)));
    const QByteArray message("proof of ownership");
    EXPECT_TRUE(
        Keypair::verify(account->address, bytes(message), bytes(restored->sign(bytes(message)))));

    auto asJson
        = opened->exportSecret(id, Wallet::ExportFormat::KeypairJson, secret("correct horse"));
    ASSERT_TRUE(asJson.ok());
    EXPECT_EQ(QByteArray(asJson->view().data(), static_cast<qsizetype>(asJson->view().size())),
              json);
    auto asBase58 = opened->exportSecret(id, Wallet::ExportFormat::Base58, secret("correct horse"));
    ASSERT_TRUE(asBase58.ok());
    EXPECT_EQ(QString::fromLatin1(asBase58->view().data(),
                                  static_cast<qsizetype>(asBase58->view().size())),
              base58::encode(bytes(secretKey)));
}

TEST_F(WalletTest, WatchOnlyAccountsRoundTripWithoutASecret)
{
    const PublicKey watched
        = address(QStringLiteral("GjJyeC1r2RgkuoCWMyPYkCWSGSGLcz266EaAkLA27AhL"));
    QString id;
    {
        Wallet wallet = create();
        auto account = wallet.addWatchOnly(watched, QStringLiteral("Fleet depot"));
        ASSERT_TRUE(account.ok()) << errorText(account.error());
        id = account->id;
    }
    auto opened = reopen();
    ASSERT_TRUE(opened.ok());
    auto account = opened->account(id);
    ASSERT_TRUE(account.ok());
    EXPECT_EQ(account->kind, AccountKind::WatchOnly);
    EXPECT_EQ(account->address, watched);
    EXPECT_EQ(account->label, QStringLiteral("Fleet depot"));
    EXPECT_FALSE(account->hasSecret());
    EXPECT_ERROR(opened->keypair(id), ErrorCode::WatchOnly);
    EXPECT_ERROR(opened->exportSecret(id, Wallet::ExportFormat::Base58, secret("correct horse")),
                 ErrorCode::WatchOnly);
}

TEST_F(WalletTest, EveryAccountKindSharesOneVaultAndNothingIsPlaintext)
{
    QList<AccountInfo> added;
    {
        Wallet wallet = create();
        auto derived = wallet.addMnemonic(secret(Abandon), secret("TREZOR"), DerivationPath(),
                                          QStringLiteral("LabelAlpha"));
        ASSERT_TRUE(derived.ok());
        std::uint8_t seed[32];
        for (int i = 0; i < 32; ++i)
            seed[i] = static_cast<std::uint8_t>(i * 7 + 1);
        auto imported = wallet.importKeypair(Keypair::fromSeed(seed), QStringLiteral("LabelBeta"));
        ASSERT_TRUE(imported.ok());
        auto watch = wallet.addWatchOnly(
            address(QStringLiteral("D2PPQSYFe83nDzk96FqGumVU8JA7J8vj2Rhjc2oXzEi5")),
            QStringLiteral("LabelGamma"));
        ASSERT_TRUE(watch.ok());
        added = {derived.value(), imported.value(), watch.value()};
    }
    const QByteArray file = readBytes(m_path);
    for (const char *plain :
         {"abandon", "TREZOR", "LabelAlpha", "LabelBeta", "LabelGamma", "44'/501'"})
        EXPECT_FALSE(file.contains(plain)) << plain << " is readable in the file";
    for (const AccountInfo &account : added) {
        const auto &a = account.address.bytes();
        EXPECT_FALSE(file.contains(QByteArray(reinterpret_cast<const char *>(a.data()), 32)))
            << "an address is readable in the file";
    }

    auto opened = reopen();
    ASSERT_TRUE(opened.ok());
    const QList<AccountInfo> accounts = opened->accounts();
    ASSERT_EQ(accounts.size(), 3);
    for (qsizetype i = 0; i < 3; ++i)
        EXPECT_TRUE(sameAccount(accounts[i], added[i])) << i;
}

TEST_F(WalletTest, WrongPasswordIsReportedAndTheFileIsUntouched)
{
    smallVault();
    const auto before = snapshot(m_dir.path());
    auto opened = reopen("correct hors");
    EXPECT_ERROR(opened, ErrorCode::WrongPassword);
    EXPECT_TRUE(describe(opened.error()).startsWith(QStringLiteral("wrong password")));
    EXPECT_TRUE(opened.error().detail.contains(QStringLiteral("test.ovppvault")));
    EXPECT_ERROR(reopen(""), ErrorCode::WrongPassword);
    EXPECT_EQ(snapshot(m_dir.path()), before);
}

TEST_F(WalletTest, TruncatedFilesAreCorrupt)
{
    const QByteArray full = smallVault();
    ASSERT_GT(full.size(), HeaderSize + 32);
    const qsizetype n = full.size();
    for (qsizetype length : {qsizetype(1), qsizetype(4), qsizetype(7), qsizetype(8), qsizetype(11),
                             qsizetype(12), qsizetype(28), qsizetype(100), HeaderSize - 1,
                             HeaderSize, HeaderSize + 1, n - 17, n - 16, n - 1}) {
        const std::string what = "truncated to " + std::to_string(length);
        expectOpenFails(full.left(length), ErrorCode::CorruptFile, what.c_str());
    }
    // Bytes appended to a complete vault are damage too.
    expectOpenFails(full + QByteArray(1, '\0'), ErrorCode::CorruptFile, "one extra byte");
}

TEST_F(WalletTest, AFlippedByteAnywhereIsCorruptNeverAnotherError)
{
    const QByteArray good = smallVault();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("flipped.ovppvault"));
    const SecretBytes password = secret("correct horse");
    const QUuid id = Wallet::readVaultId(m_path).value();
    int checked = 0;
    for (qsizetype offset = 0; offset < good.size(); ++offset) {
        for (char mask : {'\x01', '\xff'}) {
            QByteArray damaged = good;
            damaged[offset] = static_cast<char>(damaged[offset] ^ mask);
            writeBytes(file, damaged);
            const auto before = snapshot(dir.path());
            auto opened = Wallet::open(file, password);
            ASSERT_FALSE(opened.ok()) << "offset " << offset;
            EXPECT_EQ(opened.error().code, ErrorCode::CorruptFile)
                << "offset " << offset << ": " << errorText(opened.error());
            // The header is checked before the password is: damage there never reads as a
            // wrong password, and "which vault is this" refuses to guess.
            auto readId = Wallet::readVaultId(file);
            if (offset < HeaderSize) {
                EXPECT_ERROR(readId, ErrorCode::CorruptFile);
            } else {
                ASSERT_TRUE(readId.ok()) << errorText(readId.error());
                EXPECT_EQ(readId.value(), id);
            }
            EXPECT_EQ(snapshot(dir.path()), before) << "offset " << offset;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 2 * good.size());
}

// The cases the format documents as indistinguishable from a wrong password: a header edited
// consistently (checksum recomputed) in a field that feeds key derivation.
TEST_F(WalletTest, ConsistentlyEditedHeadersAreClassifiedAsDocumented)
{
    const QByteArray good = smallVault();
    QByteArray salt = good;
    salt[SaltOffset] = static_cast<char>(salt[SaltOffset] ^ 1);
    resealHeaderChecksum(salt);
    expectOpenFails(salt, ErrorCode::WrongPassword, "salt edited");

    QByteArray ops = good;
    qToLittleEndian<quint64>(2, reinterpret_cast<uchar *>(ops.data()) + OpsOffset);
    resealHeaderChecksum(ops);
    expectOpenFails(ops, ErrorCode::WrongPassword, "KDF passes edited");

    // The key check passes, the AEAD (which authenticates the header too) does not.
    QByteArray nonce = good;
    nonce[NonceOffset] = static_cast<char>(nonce[NonceOffset] ^ 1);
    resealHeaderChecksum(nonce);
    expectOpenFails(nonce, ErrorCode::CorruptFile, "nonce edited");

    QByteArray huge = good;
    qToLittleEndian<quint64>(1ull << 40, reinterpret_cast<uchar *>(huge.data()) + MemOffset);
    resealHeaderChecksum(huge);
    expectOpenFails(huge, ErrorCode::CorruptFile, "absurd memory limit");
}

TEST_F(WalletTest, UnknownVersionsAreUnsupported)
{
    const QByteArray good = smallVault();
    for (quint16 version : {quint16(0), quint16(2), quint16(0xffff)}) {
        QByteArray other = good;
        qToLittleEndian<quint16>(version, reinterpret_cast<uchar *>(other.data()) + VersionOffset);
        resealHeaderChecksum(other);
        const std::string what = "version " + std::to_string(version);
        expectOpenFails(other, ErrorCode::UnsupportedVersion, what.c_str());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("v.ovppvault"));
        writeBytes(file, other);
        EXPECT_ERROR(Wallet::readVaultId(file), ErrorCode::UnsupportedVersion);
    }

    // A future version with a header of another size: only the stable prefix is read.
    QByteArray future(64 + 200, '\x5a');
    auto *p = reinterpret_cast<uchar *>(future.data());
    std::memcpy(p, "OVPPVLT", 8);
    qToLittleEndian<quint16>(3, p + VersionOffset);
    qToLittleEndian<quint16>(64, p + 10);
    crypto_generichash(p + 48, 16, p, 48, nullptr, 0);
    expectOpenFails(future, ErrorCode::UnsupportedVersion, "version 3, 64-byte header");
}

TEST_F(WalletTest, AnEmptyFileIsReportedAsEmpty)
{
    expectOpenFails(QByteArray(), ErrorCode::EmptyFile, "empty");
    writeBytes(m_path, QByteArray());
    EXPECT_ERROR(Wallet::readVaultId(m_path), ErrorCode::EmptyFile);
}

TEST_F(WalletTest, OtherFilesAreNotVaults)
{
    std::mt19937 random(20240611);
    QByteArray noise(1000, '\0');
    for (char &c : noise)
        c = static_cast<char>(random());
    expectOpenFails(noise, ErrorCode::NotAVault, "random bytes");
    expectOpenFails(QByteArrayLiteral("Dear diary,\nI bought an inverter today.\n"),
                    ErrorCode::NotAVault, "a text file");
    expectOpenFails(QByteArrayLiteral("hi\n"), ErrorCode::NotAVault, "a three-byte text file");
    expectOpenFails(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108060000"
                                        "001f15c4890000000d4944415478da6364f8ffff3f0005fe02fe"
                                        "a7356a500000000049454e44ae426082"),
                    ErrorCode::NotAVault, "a PNG image");
    expectOpenFails(QByteArrayLiteral("[55,223,87,59,58,196,173,91,82,46,6,78,37,182,62,161]"),
                    ErrorCode::NotAVault, "a keypair file");
}

TEST_F(WalletTest, AMissingFileIsReportedAndNotCreated)
{
    const auto before = snapshot(m_dir.path());
    EXPECT_ERROR(reopen(), ErrorCode::FileNotFound);
    EXPECT_ERROR(Wallet::readVaultId(m_path), ErrorCode::FileNotFound);
    EXPECT_ERROR(Wallet::openWithKey(m_path, SecretBytes(32)), ErrorCode::FileNotFound);
    EXPECT_ERROR(
        Wallet::open(m_dir.filePath(QStringLiteral("no/such/dir.ovppvault")), secret("pw")),
        ErrorCode::FileNotFound);
    EXPECT_EQ(snapshot(m_dir.path()), before);
    EXPECT_FALSE(QFileInfo::exists(m_path));
}

TEST_F(WalletTest, ChangePasswordReencryptsUnderANewSaltAndKey)
{
    const QByteArray before = smallVault();
    auto wallet = reopen();
    ASSERT_TRUE(wallet.ok());
    const SecretBytes oldKey = wallet->vaultKey().clone();
    const QList<AccountInfo> accounts = wallet->accounts();

    EXPECT_ERROR(wallet->changePassword(secret("not it"), secret("new password")),
                 ErrorCode::WrongPassword);
    EXPECT_EQ(readBytes(m_path), before) << "a refused change wrote the file";
    EXPECT_ERROR(wallet->changePassword(secret("correct horse"), SecretBytes()),
                 ErrorCode::InvalidArgument);

    auto changed = wallet->changePassword(secret("correct horse"), secret("new password"));
    ASSERT_TRUE(changed.ok()) << errorText(changed.error());
    EXPECT_FALSE(wallet->vaultKey().equals(oldKey.span()));
    EXPECT_TRUE(wallet->verifyPassword(secret("new password")).ok());
    EXPECT_ERROR(wallet->verifyPassword(secret("correct horse")), ErrorCode::WrongPassword);

    const QByteArray after = readBytes(m_path);
    EXPECT_NE(after.mid(SaltOffset, 16), before.mid(SaltOffset, 16)) << "salt not renewed";
    EXPECT_ERROR(reopen("correct horse"), ErrorCode::WrongPassword);
    auto reopened = reopen("new password");
    ASSERT_TRUE(reopened.ok()) << errorText(reopened.error());
    EXPECT_EQ(reopened->vaultId(), wallet->vaultId());
    ASSERT_EQ(reopened->accounts().size(), accounts.size());
    EXPECT_TRUE(sameAccount(reopened->accounts()[0], accounts[0]));
    EXPECT_ERROR(Wallet::openWithKey(m_path, oldKey), ErrorCode::WrongPassword);

    // The backup must not keep opening with the old password either.
    EXPECT_ERROR(Wallet::open(m_path + QStringLiteral(".bak"), secret("correct horse")),
                 ErrorCode::WrongPassword);
    EXPECT_TRUE(Wallet::open(m_path + QStringLiteral(".bak"), secret("new password")).ok());
}

TEST_F(WalletTest, ExportsNeedTheRightPassword)
{
    Wallet wallet = create();
    auto account = wallet.addMnemonic(secret(Abandon), SecretBytes(), DerivationPath());
    ASSERT_TRUE(account.ok());
    EXPECT_ERROR(
        wallet.exportSecret(account->id, Wallet::ExportFormat::KeypairJson, secret("wrong")),
        ErrorCode::WrongPassword);
    EXPECT_ERROR(wallet.exportSecret(account->id, Wallet::ExportFormat::Base58, SecretBytes()),
                 ErrorCode::WrongPassword);
    EXPECT_ERROR(wallet.exportMnemonic(account->seedIndex, secret("wrong")),
                 ErrorCode::WrongPassword);
    EXPECT_ERROR(wallet.exportSecret(QStringLiteral("no-such-id"), Wallet::ExportFormat::Base58,
                                     secret("correct horse")),
                 ErrorCode::NotFound);
    EXPECT_ERROR(wallet.exportMnemonic(5, secret("correct horse")), ErrorCode::NotFound);
    EXPECT_TRUE(
        wallet.exportSecret(account->id, Wallet::ExportFormat::Base58, secret("correct horse"))
            .ok());
    EXPECT_TRUE(wallet.exportMnemonic(account->seedIndex, secret("correct horse")).ok());
}

TEST_F(WalletTest, EachSaveKeepsThePreviousVersionAsBackup)
{
    Wallet wallet = create();
    auto first = wallet.addWatchOnly(
        address(QStringLiteral("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")),
        QStringLiteral("first"));
    ASSERT_TRUE(first.ok());
    const QByteArray afterFirst = readBytes(m_path);
    auto second = wallet.addWatchOnly(
        address(QStringLiteral("Hh8QwFUA6MtVu1qAoq12ucvFHNwCcVTV7hpWjeY1Hztb")),
        QStringLiteral("second"));
    ASSERT_TRUE(second.ok());

    const QString backup = m_path + QStringLiteral(".bak");
    ASSERT_TRUE(QFileInfo::exists(backup));
    EXPECT_EQ(readBytes(backup), afterFirst);
    EXPECT_NE(readBytes(m_path).mid(NonceOffset, 24), afterFirst.mid(NonceOffset, 24))
        << "a save reused the nonce";
    EXPECT_EQ(fileMode(backup), 0600);
    EXPECT_EQ(fileMode(m_path), 0600);
    auto previous = Wallet::open(backup, secret("correct horse"));
    ASSERT_TRUE(previous.ok()) << errorText(previous.error());
    ASSERT_EQ(previous->accounts().size(), 1);
    EXPECT_TRUE(sameAccount(previous->accounts()[0], first.value()));
    auto current = reopen();
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->accounts().size(), 2);
    // Only the vault and its backup: no temporary files left behind.
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

TEST_F(WalletTest, AFailedSaveChangesNeitherTheFileNorTheWallet)
{
    Wallet wallet = create();
    auto kept = wallet.addWatchOnly(
        address(QStringLiteral("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")),
        QStringLiteral("kept"));
    ASSERT_TRUE(kept.ok());
    // A directory where the backup must go makes every save fail (even for root).
    ASSERT_TRUE(QFile::remove(m_path + QStringLiteral(".bak")));
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("test.ovppvault.bak")));
    const QByteArray before = readBytes(m_path);
    const QList<AccountInfo> accounts = wallet.accounts();

    EXPECT_ERROR(wallet.addWatchOnly(
                     address(QStringLiteral("Hh8QwFUA6MtVu1qAoq12ucvFHNwCcVTV7hpWjeY1Hztb"))),
                 ErrorCode::IoError);
    EXPECT_ERROR(wallet.renameAccount(kept->id, QStringLiteral("renamed")), ErrorCode::IoError);
    EXPECT_ERROR(wallet.removeAccount(kept->id), ErrorCode::IoError);
    EXPECT_ERROR(wallet.addMnemonic(secret(Abandon), secret("TREZOR"), DerivationPath()),
                 ErrorCode::IoError);
    EXPECT_ERROR(wallet.changePassword(secret("correct horse"), secret("other")),
                 ErrorCode::IoError);
    EXPECT_ERROR(wallet.exportMnemonic(0, secret("correct horse")), ErrorCode::NotFound);
    EXPECT_TRUE(wallet.verifyPassword(secret("correct horse")).ok());

    ASSERT_EQ(wallet.accounts().size(), accounts.size());
    EXPECT_TRUE(sameAccount(wallet.accounts()[0], accounts[0]));
    EXPECT_EQ(readBytes(m_path), before);
    auto reopened = reopen();
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened->accounts().size(), 1);
}

TEST_F(WalletTest, OpenWithKeyUsesTheVaultKey)
{
    smallVault();
    auto wallet = reopen();
    ASSERT_TRUE(wallet.ok());
    auto byKey = Wallet::openWithKey(m_path, wallet->vaultKey());
    ASSERT_TRUE(byKey.ok()) << errorText(byKey.error());
    EXPECT_EQ(byKey->vaultId(), wallet->vaultId());
    EXPECT_EQ(byKey->accounts().size(), 1);
    // The password can still be checked, since the salt is in the header.
    EXPECT_TRUE(byKey->verifyPassword(secret("correct horse")).ok());

    SecretBytes wrong = wallet->vaultKey().clone();
    wrong.data()[0] ^= 1;
    EXPECT_ERROR(Wallet::openWithKey(m_path, wrong), ErrorCode::WrongPassword);
    EXPECT_ERROR(Wallet::openWithKey(m_path, SecretBytes(16)), ErrorCode::InvalidArgument);
}

TEST_F(WalletTest, AddDerivedAccountContinuesTheSeedsScheme)
{
    const QString seedHex = golden()[QStringLiteral("key_derivation")]
                                    [QStringLiteral("solana_paths")][QStringLiteral("bip39_seed")]
                                        .toString();
    ASSERT_EQ(seedHex.size(), 128);
    Wallet wallet = create();

    // Bip44Change: 0 → 1, the second golden address.
    auto first = wallet.addMnemonic(secret(Abandon), SecretBytes(), DerivationPath());
    ASSERT_TRUE(first.ok());
    auto next = wallet.addDerivedAccount(first->seedIndex);
    ASSERT_TRUE(next.ok()) << errorText(next.error());
    EXPECT_EQ(next->path, path("m/44'/501'/1'/0'"));
    EXPECT_EQ(next->address.toBase58(),
              QStringLiteral("Hh8QwFUA6MtVu1qAoq12ucvFHNwCcVTV7hpWjeY1Hztb"));

    // Bip44 and Ledger Live: the scheme of the last account, not the first.
    ASSERT_TRUE(wallet.addDerivedAccount(0, path("m/44'/501'/4'")).ok());
    next = wallet.addDerivedAccount(0);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->path, path("m/44'/501'/5'"));
    EXPECT_EQ(next->address, addressFromSeed(seedHex, next->path));
    ASSERT_TRUE(wallet.addDerivedAccount(0, path("m/44'/501'/0'/0'/0'")).ok());
    next = wallet.addDerivedAccount(0);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->path, path("m/44'/501'/1'/0'/0'"));

    // A taken index is skipped: after …/3'/0' comes …/5'/0' when …/4'/0' already exists.
    ASSERT_TRUE(wallet.addDerivedAccount(0, path("m/44'/501'/4'/0'")).ok());
    ASSERT_TRUE(wallet.addDerivedAccount(0, path("m/44'/501'/3'/0'")).ok());
    next = wallet.addDerivedAccount(0);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->path, path("m/44'/501'/5'/0'"));
    EXPECT_EQ(next->address, addressFromSeed(seedHex, next->path));

    // After a legacy (pathless) account, the standard scheme from its first free index: 0 and
    // 1 are taken, so 2.
    ASSERT_TRUE(wallet.addDerivedAccount(0, DerivationPath::legacySeed()).ok());
    next = wallet.addDerivedAccount(0, QStringLiteral("after legacy"));
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->path, path("m/44'/501'/2'/0'"));
    EXPECT_EQ(next->label, QStringLiteral("after legacy"));

    EXPECT_ERROR(wallet.addDerivedAccount(1), ErrorCode::NotFound);
    EXPECT_ERROR(wallet.addDerivedAccount(-1), ErrorCode::NotFound);
}

TEST_F(WalletTest, TheSameAddressIsNeverAddedTwice)
{
    Wallet wallet = create();
    auto first = wallet.addMnemonic(secret(Abandon), SecretBytes(), DerivationPath());
    ASSERT_TRUE(first.ok());
    const QByteArray before = readBytes(m_path);
    EXPECT_ERROR(wallet.addMnemonic(secret(Abandon), SecretBytes(), DerivationPath()),
                 ErrorCode::AlreadyExists);
    EXPECT_ERROR(wallet.addWatchOnly(first->address), ErrorCode::AlreadyExists);
    EXPECT_ERROR(wallet.addDerivedAccount(0, DerivationPath()), ErrorCode::AlreadyExists);
    auto keypair = wallet.keypair(first->id);
    ASSERT_TRUE(keypair.ok());
    EXPECT_ERROR(wallet.importKeypair(keypair.value()), ErrorCode::AlreadyExists);
    EXPECT_EQ(readBytes(m_path), before);
    EXPECT_EQ(wallet.accounts().size(), 1);

    // The same words again at another path share the stored seed.
    auto second = wallet.addMnemonic(secret("  Abandon abandon abandon abandon abandon abandon "
                                            "abandon abandon abandon abandon abandon ABOUT "),
                                     SecretBytes(), path("m/44'/501'/1'/0'"));
    ASSERT_TRUE(second.ok()) << errorText(second.error());
    EXPECT_EQ(second->seedIndex, first->seedIndex);
    // With a passphrase they are another seed.
    auto third = wallet.addMnemonic(secret(Abandon), secret("TREZOR"), DerivationPath());
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->seedIndex, 1);
}

TEST_F(WalletTest, InvalidMnemonicsAreRefusedWithoutWriting)
{
    Wallet wallet = create();
    const QByteArray before = readBytes(m_path);
    EXPECT_ERROR(wallet.addMnemonic(secret("abandon abandon abandon abandon abandon abandon "
                                           "abandon abandon abandon abandon abandon abandon"),
                                    SecretBytes(), DerivationPath()),
                 ErrorCode::BadChecksum);
    EXPECT_ERROR(wallet.addMnemonic(secret("abandon abandon abandon abandon abandon abandon "
                                           "abandon abandon abandon abandon abandon abuot"),
                                    SecretBytes(), DerivationPath()),
                 ErrorCode::UnknownWord);
    EXPECT_EQ(readBytes(m_path), before);
    EXPECT_TRUE(wallet.accounts().isEmpty());
    EXPECT_ERROR(wallet.exportMnemonic(0, secret("correct horse")), ErrorCode::NotFound);
}

TEST_F(WalletTest, RenameAndRemovePersist)
{
    QString kept;
    QString removed;
    {
        Wallet wallet = create();
        auto a = wallet.addMnemonic(secret(Abandon), SecretBytes(), DerivationPath(),
                                    QStringLiteral("a"));
        auto b = wallet.addMnemonic(secret(Abandon), secret("TREZOR"), DerivationPath(),
                                    QStringLiteral("b"));
        auto c = wallet.addDerivedAccount(1, QStringLiteral("c"));
        ASSERT_TRUE(a.ok() && b.ok() && c.ok());
        EXPECT_EQ(a->seedIndex, 0);
        EXPECT_EQ(b->seedIndex, 1);
        ASSERT_TRUE(wallet.renameAccount(b->id, QStringLiteral("  Savings  ")).ok());
        EXPECT_ERROR(wallet.renameAccount(b->id, QStringLiteral("   ")),
                     ErrorCode::InvalidArgument);
        EXPECT_ERROR(wallet.renameAccount(QStringLiteral("nope"), QStringLiteral("x")),
                     ErrorCode::NotFound);
        // Removing the only account of seed 0 removes its words; seed 1 keeps its index.
        ASSERT_TRUE(wallet.removeAccount(a->id).ok());
        EXPECT_ERROR(wallet.removeAccount(a->id), ErrorCode::NotFound);
        EXPECT_ERROR(wallet.exportMnemonic(0, secret("correct horse")), ErrorCode::NotFound);
        EXPECT_ERROR(wallet.addDerivedAccount(0), ErrorCode::NotFound);
        kept = b->id;
        removed = c->id;
        ASSERT_TRUE(wallet.removeAccount(c->id).ok());
        EXPECT_TRUE(wallet.exportMnemonic(1, secret("correct horse")).ok())
            << "seed 1 still has an account";
    }
    EXPECT_FALSE(readBytes(m_path).contains("abandon"));
    auto opened = reopen();
    ASSERT_TRUE(opened.ok()) << errorText(opened.error());
    ASSERT_EQ(opened->accounts().size(), 1);
    EXPECT_EQ(opened->accounts()[0].id, kept);
    EXPECT_EQ(opened->accounts()[0].label, QStringLiteral("Savings"));
    EXPECT_EQ(opened->accounts()[0].seedIndex, 1);
    EXPECT_ERROR(opened->account(removed), ErrorCode::NotFound);
    EXPECT_ERROR(opened->exportMnemonic(0, secret("correct horse")), ErrorCode::NotFound);
    EXPECT_TRUE(opened->exportMnemonic(1, secret("correct horse")).ok());
    EXPECT_TRUE(opened->keypair(kept).ok());
}

TEST_F(WalletTest, DefaultLabelsAreNumbered)
{
    Wallet wallet = create();
    auto a = wallet.addWatchOnly(
        address(QStringLiteral("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")));
    auto b = wallet.addWatchOnly(
        address(QStringLiteral("Hh8QwFUA6MtVu1qAoq12ucvFHNwCcVTV7hpWjeY1Hztb")));
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->label, QStringLiteral("Account 1"));
    EXPECT_EQ(b->label, QStringLiteral("Account 2"));
    EXPECT_NE(a->id, b->id);
    EXPECT_TRUE(a->created.isValid());
}

TEST_F(WalletTest, AMovedFromWalletIsLocked)
{
    Wallet wallet = create();
    Wallet other = std::move(wallet);
    EXPECT_ERROR(wallet.addWatchOnly(PublicKey()),
                 ErrorCode::Locked); // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(wallet.vaultKey().empty());
    EXPECT_TRUE(wallet.accounts().isEmpty());
    EXPECT_EQ(other.vaultKey().size(), 32u);
}

} // namespace
