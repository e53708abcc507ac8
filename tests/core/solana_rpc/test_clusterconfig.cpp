// ClusterConfig: the built-in list, --url monikers and custom URLs, validation of the file.
#include "solana/rpc/ClusterConfig.h"

#include <gtest/gtest.h>

using namespace ovpp::core;

TEST(ClusterConfig, BuiltInHasTheFourClustersAndTheUsdcMints)
{
    auto config = ClusterConfig::builtIn();
    ASSERT_TRUE(config.ok()) << config.error().detail.toStdString();
    ASSERT_EQ(config->clusters().size(), 4);
    auto mainnet = config->cluster(u"mainnet-beta");
    ASSERT_TRUE(mainnet.ok());
    EXPECT_EQ(mainnet->rpcUrl, QUrl("https://api.mainnet-beta.solana.com"));
    ASSERT_TRUE(mainnet->usdcMint.has_value());
    EXPECT_EQ(mainnet->usdcMint->toBase58(), "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    EXPECT_FALSE(mainnet->usdeMint.has_value());
    auto devnet = config->cluster(u"devnet");
    ASSERT_TRUE(devnet.ok());
    ASSERT_TRUE(devnet->usdcMint.has_value());
    EXPECT_EQ(devnet->usdcMint->toBase58(), "4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU");
    EXPECT_FALSE(devnet->usdeMint.has_value());
}

TEST(ClusterConfig, MonikersResolveLikeTheSolanaCli)
{
    auto config = ClusterConfig::builtIn();
    ASSERT_TRUE(config.ok());
    const std::pair<const char16_t *, const char *> cases[]
        = {{u"m", "mainnet-beta"}, {u"d", "devnet"}, {u"t", "testnet"}, {u"l", "localnet"}};
    for (const auto &[moniker, name] : cases) {
        auto cluster = config->resolveUrl(moniker);
        ASSERT_TRUE(cluster.ok()) << name;
        EXPECT_EQ(cluster->name, QString::fromLatin1(name));
    }
    auto local = config->resolveUrl(u"l");
    ASSERT_TRUE(local.ok());
    EXPECT_EQ(local->rpcUrl.host(), "127.0.0.1");
    EXPECT_EQ(local->rpcUrl.port(), 8899);
}

TEST(ClusterConfig, CustomUrlDerivesTheWebsocketUrl)
{
    auto config = ClusterConfig::builtIn();
    ASSERT_TRUE(config.ok());
    auto custom = config->resolveUrl(u"https://rpc.example.test/v1/key123?x=1");
    ASSERT_TRUE(custom.ok());
    EXPECT_EQ(custom->name, "custom");
    EXPECT_EQ(custom->wsUrl.scheme(), "wss");
    EXPECT_EQ(custom->wsUrl.path(), "/v1/key123");
    auto plain = config->resolveUrl(u"http://127.0.0.1:1234");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->wsUrl.scheme(), "ws");
    for (const char16_t *bad : {u"x", u"ftp://host/", u"", u"mainnet"}) {
        auto r = config->resolveUrl(bad);
        EXPECT_FALSE(r.ok());
        if (!r.ok()) {
            EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
        }
    }
}

TEST(ClusterConfig, SetMintAddsTheSandboxUsde)
{
    auto config = ClusterConfig::builtIn();
    ASSERT_TRUE(config.ok());
    auto mint = PublicKey::fromBase58(u"2gXh7sVJQ7w43gFdk4wn2xv9oH5rKvGJ3heKc8v1zGM6");
    ASSERT_TRUE(mint.ok());
    ASSERT_TRUE(config->setMint(u"localnet", u"USDE", *mint).ok());
    EXPECT_EQ(config->cluster(u"l")->usdeMint, *mint);
    EXPECT_FALSE(config->setMint(u"localnet", u"DOGE", *mint).ok());
    EXPECT_EQ(config->setMint(u"nowhere", u"USDE", *mint).error().code, ErrorCode::NotFound);
}

TEST(ClusterConfig, RejectsBrokenFiles)
{
    const char *bad[] = {
        "not json",
        R"({"clusters":[]})",
        R"({"clusters":[{"name":"a","rpcUrl":"ftp://x","wsUrl":"ws://x"}]})",
        R"({"clusters":[{"name":"a","rpcUrl":"http://x","wsUrl":"http://x"}]})",
        R"({"clusters":[{"name":"a","rpcUrl":"http://x","wsUrl":"ws://x","mints":{"USDC":"0OIl"}}]})",
        R"({"clusters":[{"name":"a","rpcUrl":"http://x","wsUrl":"ws://x"},
                        {"name":"a","rpcUrl":"http://y","wsUrl":"ws://y"}]})",
    };
    for (const char *json : bad) {
        auto config = ClusterConfig::fromJson(json);
        EXPECT_FALSE(config.ok()) << json;
        if (!config.ok()) {
            EXPECT_EQ(config.error().code, ErrorCode::InvalidArgument);
        }
    }
}
