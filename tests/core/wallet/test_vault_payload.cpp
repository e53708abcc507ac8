// VaultPayload: the encrypted contents' serialization, on its own: round trip, padding, and
// refusal (never a crash) of anything inconsistent.

#include "WalletTestSupport.h"
#include "crypto/Keypair.h"
#include "wallet/VaultPayload.h"

#include <QtEndian>

#include <gtest/gtest.h>

using namespace ovpp::core;
using namespace ovpp::test;
namespace vp = ovpp::core::vaultpayload;

namespace {

vp::Account account(const char *id, AccountKind kind, const PublicKey &address, int seedIndex,
                    DerivationPath path = {})
{
    vp::Account a;
    a.info.id = QString::fromLatin1(id);
    a.info.label = QStringLiteral("Label ") + QString::fromLatin1(id) + QStringLiteral(" ☀");
    a.info.kind = kind;
    a.info.address = address;
    a.info.seedIndex = seedIndex;
    a.info.path = path;
    a.info.created = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    return a;
}

vp::Contents sample()
{
    std::uint8_t seed[32];
    for (int i = 0; i < 32; ++i)
        seed[i] = static_cast<std::uint8_t>(3 * i);
    const Keypair imported = Keypair::fromSeed(seed);

    vp::Contents contents;
    contents.seeds.push_back({secret("legal winner thank year wave sausage worth useful legal "
                                     "winner thank yellow"),
                              secret("TREZOR")});
    contents.seeds.push_back({}); // a removed seed keeps its slot
    contents.seeds.push_back({secret("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"), {}});
    PublicKey::Bytes a {};
    a.fill(1);
    PublicKey::Bytes b {};
    b.fill(2);
    contents.accounts.push_back(
        account("d1", AccountKind::Derived, PublicKey(a), 0,
                DerivationPath::forScheme(DerivationPath::Scheme::LedgerLive, 3)));
    contents.accounts.push_back(
        account("d2", AccountKind::Derived, PublicKey(b), 2, DerivationPath::legacySeed()));
    vp::Account i = account("i1", AccountKind::Imported, imported.publicKey(), -1);
    i.secret = imported.secretKey().clone();
    contents.accounts.push_back(std::move(i));
    vp::Account w = account("w1", AccountKind::WatchOnly, PublicKey(), -1);
    w.info.created = QDateTime(); // never set: stays unset
    contents.accounts.push_back(std::move(w));
    return contents;
}

void expectSame(const vp::Contents &a, const vp::Contents &b)
{
    ASSERT_EQ(a.seeds.size(), b.seeds.size());
    for (std::size_t i = 0; i < a.seeds.size(); ++i) {
        EXPECT_TRUE(a.seeds[i].phrase.equals(b.seeds[i].phrase.span())) << i;
        EXPECT_TRUE(a.seeds[i].passphrase.equals(b.seeds[i].passphrase.span())) << i;
    }
    ASSERT_EQ(a.accounts.size(), b.accounts.size());
    for (std::size_t i = 0; i < a.accounts.size(); ++i) {
        const AccountInfo &x = a.accounts[i].info;
        const AccountInfo &y = b.accounts[i].info;
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.label, y.label);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.address, y.address);
        EXPECT_EQ(x.seedIndex, y.seedIndex);
        EXPECT_EQ(x.path, y.path);
        EXPECT_EQ(x.created, y.created);
        EXPECT_EQ(x.created.isValid(), y.created.isValid());
        EXPECT_TRUE(a.accounts[i].secret.equals(b.accounts[i].secret.span()));
    }
}

TEST(VaultPayload, RoundTripsEveryKindOfEntry)
{
    const vp::Contents contents = sample();
    const SecretBytes bytes = vp::serialize(contents);
    EXPECT_EQ(bytes.size() % vp::PaddingBlock, 0u);
    auto parsed = vp::parse(bytes);
    ASSERT_TRUE(parsed.ok()) << errorText(parsed.error());
    expectSame(parsed.value(), contents);
    EXPECT_TRUE(parsed->seeds[1].removed());

    auto empty = vp::parse(vp::serialize(vp::Contents()));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->accounts.empty());
}

TEST(VaultPayload, EveryCutIsRefusedUntilOnlyPaddingIsMissing)
{
    const SecretBytes full = vp::serialize(sample());
    bool complete = false;
    for (std::size_t length = 0; length <= full.size(); ++length) {
        auto parsed = vp::parse(full.slice(0, length));
        if (complete) {
            EXPECT_TRUE(parsed.ok()) << "cut at " << length << " after a complete prefix";
            continue;
        }
        if (parsed.ok()) {
            complete = true; // from here on only zero padding is cut away
            expectSame(parsed.value(), sample());
        } else {
            EXPECT_EQ(parsed.error().code, ErrorCode::CorruptFile) << length;
        }
    }
    EXPECT_TRUE(complete);
}

TEST(VaultPayload, RefusesInconsistentContents)
{
    auto refuse = [](vp::Contents contents, const char *what) {
        SCOPED_TRACE(what);
        EXPECT_ERROR(vp::parse(vp::serialize(contents)), ErrorCode::CorruptFile);
    };
    {
        vp::Contents c = sample();
        c.accounts[0].info.seedIndex = 7;
        refuse(std::move(c), "derived account of a missing seed");
    }
    {
        vp::Contents c = sample();
        c.accounts[0].info.seedIndex = 1;
        refuse(std::move(c), "derived account of a removed seed");
    }
    {
        vp::Contents c = sample();
        c.accounts[2].secret.data()[40] ^= 1;
        refuse(std::move(c), "imported key whose public half is not the address");
    }
    {
        vp::Contents c = sample();
        c.accounts[3].secret = secret("not allowed");
        refuse(std::move(c), "watch-only account with a secret");
    }
    {
        vp::Contents c = sample();
        c.accounts[3].info.id = c.accounts[0].info.id;
        refuse(std::move(c), "repeated id");
    }
    {
        vp::Contents c = sample();
        c.accounts[3].info.kind = static_cast<AccountKind>(9);
        refuse(std::move(c), "unknown kind");
    }
    {
        vp::Contents c = sample();
        c.accounts[2].info.seedIndex = 0;
        refuse(std::move(c), "imported account naming a seed");
    }
}

TEST(VaultPayload, RefusesBadFramingAndNewerVersions)
{
    SecretBytes bytes = vp::serialize(sample());
    bytes.data()[bytes.size() - 1] = 1;
    EXPECT_ERROR(vp::parse(bytes), ErrorCode::CorruptFile);

    bytes = vp::serialize(sample());
    qToLittleEndian<quint32>(0xffffffffu, bytes.data() + 4); // number of seeds
    EXPECT_ERROR(vp::parse(bytes), ErrorCode::CorruptFile);

    bytes = vp::serialize(sample());
    qToLittleEndian<quint32>(2, bytes.data());
    EXPECT_ERROR(vp::parse(bytes), ErrorCode::UnsupportedVersion);
}

} // namespace
