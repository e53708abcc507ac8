// `ovpp keys derive` against the golden key-derivation vectors (tests/data/golden.json).

#include "OvppProcess.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace ovpp::test;

namespace {

QJsonObject solanaPaths()
{
    return goldenVectors()
        .value(QStringLiteral("key_derivation"))
        .toObject()
        .value(QStringLiteral("solana_paths"))
        .toObject();
}

QByteArray goldenMnemonic()
{
    return solanaPaths().value(QStringLiteral("mnemonic")).toString().toUtf8();
}

// Every (path, address) pair of the vectors; the legacy rule as path "none".
QList<std::pair<QString, QString>> goldenAddresses()
{
    QList<std::pair<QString, QString>> pairs;
    const QJsonObject vectors = solanaPaths();
    for (const QJsonValue &entry : vectors.value(QStringLiteral("derived")).toArray()) {
        pairs.append({entry[QStringLiteral("path")].toString(),
                      entry[QStringLiteral("address")].toString()});
    }
    const QJsonObject legacy = vectors.value(QStringLiteral("no_derivation_first32")).toObject();
    pairs.append({QStringLiteral("none"), legacy.value(QStringLiteral("address")).toString()});
    return pairs;
}

QString firstLine(const OvppRun &run)
{
    return run.outText().section(u'\n', 0, 0);
}

class KeysDerive : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ovpp.ready());
        ASSERT_FALSE(goldenMnemonic().isEmpty()) << "golden.json not found in " OVPP_TEST_DATA_DIR;
    }
    OvppProcess m_ovpp;
};

TEST_F(KeysDerive, EveryGoldenPathGivesItsAddress)
{
    const auto pairs = goldenAddresses();
    ASSERT_GE(pairs.size(), 5);
    for (const auto &[path, address] : pairs) {
        const OvppRun run = m_ovpp.run(
            {QStringLiteral("keys"), QStringLiteral("derive"), QStringLiteral("--path"), path},
            goldenMnemonic() + '\n');
        ASSERT_TRUE(run.finished);
        EXPECT_EQ(run.exitCode, 0) << path.toStdString() << ": " << run.errText().toStdString();
        EXPECT_EQ(firstLine(run), address) << path.toStdString();
        EXPECT_TRUE(run.err.isEmpty()) << run.errText().toStdString();
    }
}

TEST_F(KeysDerive, DefaultPathIsPhantoms)
{
    QString expected;
    for (const auto &[path, address] : goldenAddresses()) {
        if (path == QLatin1String("m/44'/501'/0'/0'"))
            expected = address;
    }
    ASSERT_FALSE(expected.isEmpty());
    const OvppRun run
        = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive")}, goldenMnemonic());
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(firstLine(run), expected);
}

TEST_F(KeysDerive, JsonOutputHasAddressAndPath)
{
    const auto [path, address] = goldenAddresses().at(1);
    const OvppRun run
        = m_ovpp.run({QStringLiteral("--output"), QStringLiteral("json"), QStringLiteral("keys"),
                      QStringLiteral("derive"), QStringLiteral("--path"), path},
                     goldenMnemonic());
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0);
    const auto json = run.json();
    ASSERT_TRUE(json.has_value()) << run.outText().toStdString();
    EXPECT_EQ(json->value(QStringLiteral("address")).toString(), address);
    EXPECT_EQ(json->value(QStringLiteral("path")).toString(), path);
}

TEST_F(KeysDerive, InputIsNormalised)
{
    const auto [path, address] = goldenAddresses().at(0);
    QByteArray messy = "  " + goldenMnemonic().toUpper() + "\n\n";
    messy.replace(' ', "  \t ");
    const OvppRun run = m_ovpp.run(
        {QStringLiteral("keys"), QStringLiteral("derive"), QStringLiteral("--path"), path}, messy);
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(firstLine(run), address);
}

TEST_F(KeysDerive, PassphraseFromAFileChangesTheKey)
{
    using namespace ovpp::core;
    const QByteArray phrase = goldenMnemonic();
    const QByteArray passphrase = "TREZOR";
    const SecretBytes seed
        = mnemonic::toSeed(std::span(reinterpret_cast<const std::uint8_t *>(phrase.constData()),
                                     static_cast<std::size_t>(phrase.size())),
                           std::span(reinterpret_cast<const std::uint8_t *>(passphrase.constData()),
                                     static_cast<std::size_t>(passphrase.size())));
    const QString expected
        = Keypair::fromBip39Seed(seed.span(), DerivationPath()).publicKey().toBase58();

    const QString file = m_ovpp.writeFile(QStringLiteral("passphrase.txt"), passphrase + '\n');
    const OvppRun run = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive"),
                                    QStringLiteral("--passphrase-file"), file},
                                   phrase);
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(firstLine(run), expected);
    EXPECT_NE(firstLine(run), goldenAddresses().at(0).second);
}

TEST_F(KeysDerive, UnknownWordIsNamed)
{
    QByteArray phrase = goldenMnemonic();
    phrase.replace(QByteArray("about"), QByteArray("abuot"));
    const OvppRun run = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive")}, phrase);
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.out.isEmpty());
    EXPECT_TRUE(run.errText().contains(QLatin1String("\"abuot\""))) << run.errText().toStdString();
    EXPECT_TRUE(run.errText().startsWith(QLatin1String("ovpp: ")));
    EXPECT_EQ(run.err.count('\n'), 1) << "one line on stderr: " << run.errText().toStdString();
}

TEST_F(KeysDerive, BadChecksumIsReported)
{
    QByteArray phrase = goldenMnemonic();
    phrase.replace(QByteArray("about"), QByteArray("abandon")); // every word valid, checksum not
    const OvppRun run = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive")}, phrase);
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(QLatin1String("checksum"))) << run.errText().toStdString();
}

TEST_F(KeysDerive, MalformedPathIsAUsageError)
{
    const OvppRun run = m_ovpp.run({QStringLiteral("keys"), QStringLiteral("derive"),
                                    QStringLiteral("--path"), QStringLiteral("m/44'/x/0'")},
                                   goldenMnemonic());
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.errText().contains(QLatin1String("--path"))) << run.errText().toStdString();
}

} // namespace
