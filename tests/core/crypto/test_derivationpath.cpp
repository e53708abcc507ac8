// DerivationPath: the schemes, parsing what users and other wallets write, and rejecting the rest.

#include "crypto/DerivationPath.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

QList<std::uint32_t> solanaDefault()
{
    return {44, 501, 0, 0};
}

} // namespace

TEST(DerivationPath, DefaultIsSolanaBip44Change)
{
    const DerivationPath path;
    EXPECT_FALSE(path.isLegacySeed());
    EXPECT_EQ(path.components(), solanaDefault());
    EXPECT_EQ(path.toString(), QStringLiteral("m/44'/501'/0'/0'"));
}

TEST(DerivationPath, Schemes)
{
    using S = DerivationPath::Scheme;
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44Change, 3).toString(),
              QStringLiteral("m/44'/501'/3'/0'"));
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44, 3).toString(), QStringLiteral("m/44'/501'/3'"));
    EXPECT_EQ(DerivationPath::forScheme(S::LedgerLive, 3).toString(),
              QStringLiteral("m/44'/501'/3'/0'/0'"));
    EXPECT_TRUE(DerivationPath::forScheme(S::LegacySeed, 3).isLegacySeed());
    EXPECT_EQ(DerivationPath::forScheme(S::Bip44Change, 0), DerivationPath());
}

TEST(DerivationPath, LegacySeed)
{
    const DerivationPath legacy = DerivationPath::legacySeed();
    EXPECT_TRUE(legacy.isLegacySeed());
    EXPECT_TRUE(legacy.components().isEmpty());
    EXPECT_EQ(legacy.toString(), QStringLiteral("none"));
    EXPECT_NE(legacy, DerivationPath());
    EXPECT_EQ(legacy, DerivationPath::forScheme(DerivationPath::Scheme::LegacySeed, 0));
}

TEST(DerivationPath, ParsesTheHardenedSpellings)
{
    for (const QString &text :
         {QStringLiteral("m/44'/501'/0'/0'"), QStringLiteral("m/44h/501h/0h/0h"),
          QStringLiteral("M/44H/501H/0H/0H"), QStringLiteral("m/44'/501h/0H/0'"),
          QStringLiteral("m/44\u2019/501\u2019/0\u2019/0\u2019"),
          QStringLiteral("  m/44'/501'/0'/0'\n")}) {
        SCOPED_TRACE(text.toStdString());
        const auto path = DerivationPath::parse(text);
        ASSERT_TRUE(path.ok()) << describe(path.error()).toStdString();
        EXPECT_EQ(path->components(), solanaDefault());
        EXPECT_EQ(*path, DerivationPath());
    }
}

TEST(DerivationPath, PromotesNonHardenedComponents)
{
    // solana-keygen hardens every index; SLIP-0010 ed25519 has nothing else.
    const auto path = DerivationPath::parse(u"m/44/501/7/0");
    ASSERT_TRUE(path.ok()) << describe(path.error()).toStdString();
    EXPECT_EQ(path->components(), (QList<std::uint32_t> {44, 501, 7, 0}));
    EXPECT_EQ(path->toString(), QStringLiteral("m/44'/501'/7'/0'"));
}

TEST(DerivationPath, ParsesNoneAsLegacy)
{
    for (const QString &text :
         {QStringLiteral("none"), QStringLiteral("NONE"), QStringLiteral(" None ")}) {
        const auto path = DerivationPath::parse(text);
        ASSERT_TRUE(path.ok());
        EXPECT_EQ(*path, DerivationPath::legacySeed());
    }
}

TEST(DerivationPath, ParsesMasterAndShortPaths)
{
    const auto master = DerivationPath::parse(u"m");
    ASSERT_TRUE(master.ok());
    EXPECT_TRUE(master->components().isEmpty());
    EXPECT_FALSE(master->isLegacySeed());
    EXPECT_EQ(master->toString(), QStringLiteral("m"));

    const auto root = DerivationPath::parse(u"m/44'/501'");
    ASSERT_TRUE(root.ok());
    EXPECT_EQ(root->components(), (QList<std::uint32_t> {44, 501}));
}

TEST(DerivationPath, LargestIndexIsAccepted)
{
    const auto path = DerivationPath::parse(u"m/2147483647'");
    ASSERT_TRUE(path.ok()) << describe(path.error()).toStdString();
    EXPECT_EQ(path->components(), QList<std::uint32_t> {2147483647u});
}

TEST(DerivationPath, RoundTripsThroughText)
{
    using S = DerivationPath::Scheme;
    for (const S scheme : {S::Bip44Change, S::Bip44, S::LedgerLive, S::LegacySeed}) {
        const DerivationPath path = DerivationPath::forScheme(scheme, 12);
        const auto parsed = DerivationPath::parse(path.toString());
        ASSERT_TRUE(parsed.ok()) << path.toString().toStdString();
        EXPECT_EQ(*parsed, path);
    }
}

TEST(DerivationPath, RejectsGarbage)
{
    const QStringList bad = {
        QString(),
        QStringLiteral("   "),
        QStringLiteral("44'/501'/0'/0'"), // no "m"
        QStringLiteral("x/44'"),
        QStringLiteral("m44'"),
        QStringLiteral("m/"),
        QStringLiteral("m//0'"),
        QStringLiteral("m/44'/"),
        QStringLiteral("m/abc"),
        QStringLiteral("m/-1"),
        QStringLiteral("m/+1"),
        QStringLiteral("m/1''"),
        QStringLiteral("m/'"),
        QStringLiteral("m/44 '/0'"),
        QStringLiteral("m/0x10"),
        QStringLiteral("m/1.5"),
        QStringLiteral("m/\u0661"), // ARABIC-INDIC DIGIT ONE: a digit, but not an ASCII one
        QStringLiteral("nonesuch"),
    };
    for (const QString &text : bad) {
        SCOPED_TRACE(text.toStdString());
        const auto path = DerivationPath::parse(text);
        ASSERT_FALSE(path.ok());
        EXPECT_EQ(path.error().code, ErrorCode::InvalidArgument);
        EXPECT_FALSE(path.error().detail.isEmpty());
    }
}

TEST(DerivationPath, RejectsIndexesOf2To31AndAbove)
{
    for (const QString &text : {QStringLiteral("m/2147483648'"), QStringLiteral("m/44'/4294967295"),
                                QStringLiteral("m/99999999999999999999999")}) {
        SCOPED_TRACE(text.toStdString());
        const auto path = DerivationPath::parse(text);
        ASSERT_FALSE(path.ok());
        EXPECT_EQ(path.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(path.error().detail.contains(u"2^31")) << path.error().detail.toStdString();
    }
}

TEST(DerivationPath, ErrorNamesTheComponent)
{
    const auto path = DerivationPath::parse(u"m/44'/501'/zero'/0'");
    ASSERT_FALSE(path.ok());
    EXPECT_TRUE(path.error().detail.contains(u"component 3")) << path.error().detail.toStdString();
}

TEST(DerivationPath, RejectsAbsurdDepth)
{
    QString text = QStringLiteral("m");
    for (int i = 0; i < 300; ++i)
        text += QStringLiteral("/0'");
    const auto path = DerivationPath::parse(text);
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().code, ErrorCode::InvalidArgument);
}
