// RegistryMemo: the v1 memo text (docs/registry-format.md) — round trips, the canonical form,
// escaping and Unicode, every malformed variant, the size limits, and the serial hash checked
// against an independent SHA-256 (libsodium).
#include "crypto/Base58.h"
#include "crypto/Keypair.h"
#include "der/registry/RegistryMemo.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/Message.h"
#include "solana/ProgramIds.h"
#include "solana/Transaction.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <random>

using namespace ovpp::core;

namespace {

RegistryRecord sampleRegistration()
{
    auto record = RegistryMemo::registration(
        QStringLiteral("inv-01"), QStringLiteral("inverter"), QStringLiteral("SunSpec Sim"),
        QStringLiteral("SIM-103"), QStringLiteral("SN-000123"));
    EXPECT_TRUE(record.ok()) << record.error().detail.toStdString();
    return record.value();
}

// SHA-256 by libsodium, not by the code under test.
RegistryRecord::SerialHash referenceHash(const QByteArray &normalizedSerial)
{
    QByteArray input("ovpp:der:serial:1");
    input.append('\0');
    input.append(normalizedSerial);
    RegistryRecord::SerialHash out {};
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char *>(input.constData()),
                       static_cast<unsigned long long>(input.size()));
    return out;
}

QByteArray bytes(const char *text)
{
    return QByteArray(text);
}

std::string utf8(const QByteArray &b)
{
    return b.toStdString();
}

} // namespace

TEST(RegistryMemo, RegistrationHasTheDocumentedCanonicalText)
{
    const RegistryRecord record = sampleRegistration();
    auto text = RegistryMemo::encode(record);
    ASSERT_TRUE(text.ok()) << text.error().detail.toStdString();
    const QString sn = base58::encode(referenceHash("SN-000123"));
    EXPECT_EQ(text.value(),
              QStringLiteral("ovpp:der:1;op=reg;id=inv-01;k=inverter;mf=SunSpec Sim;md=SIM-103;sn=")
                      .toUtf8()
                  + sn.toUtf8());
}

TEST(RegistryMemo, RetirementCarriesOnlyTheId)
{
    auto record = RegistryMemo::retirement(QStringLiteral("inv-01"));
    ASSERT_TRUE(record.ok());
    auto text = RegistryMemo::encode(record.value());
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(text.value(), bytes("ovpp:der:1;op=ret;id=inv-01"));

    RegistryRecord withDetails = record.value();
    withDetails.kind = QStringLiteral("inverter");
    EXPECT_FALSE(RegistryMemo::encode(withDetails).ok());
}

TEST(RegistryMemo, RoundTripsBothActions)
{
    for (const RegistryRecord &record :
         {sampleRegistration(), RegistryMemo::retirement(QStringLiteral("a.b_c:d-9")).value()}) {
        auto text = RegistryMemo::encode(record);
        ASSERT_TRUE(text.ok());
        auto parsed = RegistryMemo::parse(text.value());
        ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
        EXPECT_EQ(parsed.value(), record);
        EXPECT_EQ(RegistryMemo::encode(parsed.value()).value(), text.value());
    }
}

TEST(RegistryMemo, SerialHashIsDomainSeparatedSha256OfTheNormalisedSerial)
{
    auto hash = RegistryMemo::serialHash(QStringLiteral("SN-000123"));
    ASSERT_TRUE(hash.ok());
    EXPECT_EQ(hash.value(), referenceHash("SN-000123"));
    // Not the plain SHA-256 of the serial: the domain tag is part of the input.
    RegistryRecord::SerialHash plain {};
    crypto_hash_sha256(plain.data(), reinterpret_cast<const unsigned char *>("SN-000123"), 9);
    EXPECT_NE(hash.value(), plain);
}

TEST(RegistryMemo, SerialNormalisationIgnoresCaseSpacesAndCompatibilityForms)
{
    const auto expected = referenceHash("SN-000123");
    for (const QString &typed :
         {QStringLiteral(" sn-000123 "), QStringLiteral("SN-000 123"),
          QStringLiteral("sN-000123\t"),
          // Full-width letters and digits, as some label printers produce them (NFKC folds them).
          QString::fromUtf8("\xEF\xBC\xB3\xEF\xBC\xAE-\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90"
                            "123")}) {
        auto hash = RegistryMemo::serialHash(typed);
        ASSERT_TRUE(hash.ok()) << typed.toStdString();
        EXPECT_EQ(hash.value(), expected) << typed.toStdString();
    }
    // The hyphen is significant: it is part of many vendors' serials.
    EXPECT_NE(RegistryMemo::serialHash(QStringLiteral("SN000123")).value(), expected);
}

TEST(RegistryMemo, SerialLimits)
{
    EXPECT_EQ(RegistryMemo::serialHash(QString()).error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(RegistryMemo::serialHash(QStringLiteral(" \t ")).ok());
    EXPECT_TRUE(RegistryMemo::serialHash(QString(RegistryMemo::MaxSerialBytes, u'A')).ok());
    EXPECT_FALSE(RegistryMemo::serialHash(QString(RegistryMemo::MaxSerialBytes + 1, u'A')).ok());
    EXPECT_FALSE(RegistryMemo::serialHash(QStringLiteral("AB\x01")).ok());
}

TEST(RegistryMemo, EscapesPercentAndSemicolonOnly)
{
    auto record = RegistryMemo::registration(QStringLiteral("d1"), QStringLiteral("battery"),
                                             QStringLiteral("A;B%C=D"), QStringLiteral("x%3By"),
                                             QStringLiteral("1"));
    ASSERT_TRUE(record.ok());
    auto text = RegistryMemo::encode(record.value());
    ASSERT_TRUE(text.ok());
    EXPECT_TRUE(text->contains(";mf=A%3BB%25C=D;")) << utf8(text.value());
    EXPECT_TRUE(text->contains(";md=x%253By;")) << utf8(text.value());
    auto parsed = RegistryMemo::parse(text.value());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    EXPECT_EQ(parsed->manufacturer, QStringLiteral("A;B%C=D"));
    EXPECT_EQ(parsed->model, QStringLiteral("x%3By"));
}

TEST(RegistryMemo, UnicodeTextTravelsAsUtf8InNfc)
{
    // "Müller" typed with a combining diaeresis becomes the precomposed form.
    const QString decomposed = QStringLiteral("Mu") + QChar(0x0308) + QStringLiteral("ller");
    auto record = RegistryMemo::registration(
        QStringLiteral("hp-1"), QStringLiteral("heatpump"), decomposed,
        QString::fromUtf8("\xCE\xA3\xCE\xBF\xCE\xBB\xCE\xAC\xCF\x81 \xF0\x9F\x94\x8B"), // Σολάρ 🔋
        QStringLiteral("x"));
    ASSERT_TRUE(record.ok()) << record.error().detail.toStdString();
    EXPECT_EQ(record->manufacturer, QString::fromUtf8("M\xC3\xBCller"));
    auto text = RegistryMemo::encode(record.value());
    ASSERT_TRUE(text.ok());
    EXPECT_TRUE(text->contains("mf=M\xC3\xBCller;"));
    EXPECT_TRUE(text->contains("md=\xCE\xA3\xCE\xBF\xCE\xBB\xCE\xAC\xCF\x81 \xF0\x9F\x94\x8B;"));
    auto parsed = RegistryMemo::parse(text.value());
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail.toStdString();
    EXPECT_EQ(parsed.value(), record.value());

    // encode() does not normalise silently: a hand-made record must already be canonical.
    RegistryRecord raw = record.value();
    raw.manufacturer = decomposed;
    EXPECT_FALSE(RegistryMemo::encode(raw).ok());
}

TEST(RegistryMemo, FieldLimitsCountUtf8Bytes)
{
    const QString e = QString::fromUtf8("\xC3\xA9"); // é: 2 bytes
    EXPECT_TRUE(RegistryMemo::registration(QStringLiteral("d"), QStringLiteral("meter"),
                                           e.repeated(32), QStringLiteral("m"), QStringLiteral("s"))
                    .ok());
    EXPECT_FALSE(RegistryMemo::registration(QStringLiteral("d"), QStringLiteral("meter"),
                                            e.repeated(33), QStringLiteral("m"),
                                            QStringLiteral("s"))
                     .ok());
    EXPECT_TRUE(RegistryMemo::retirement(QString(64, u'a')).ok());
    EXPECT_FALSE(RegistryMemo::retirement(QString(65, u'a')).ok());
    EXPECT_TRUE(RegistryMemo::registration(QStringLiteral("d"), QString(24, u'k'),
                                           QStringLiteral("m"), QStringLiteral("m"),
                                           QStringLiteral("s"))
                    .ok());
    EXPECT_FALSE(RegistryMemo::registration(QStringLiteral("d"), QString(25, u'k'),
                                            QStringLiteral("m"), QStringLiteral("m"),
                                            QStringLiteral("s"))
                     .ok());
}

TEST(RegistryMemo, RegistrationRejectsBadFields)
{
    const auto make = [](const QString &id, const QString &kind, const QString &mf,
                         const QString &md, const QString &serial) {
        return RegistryMemo::registration(id, kind, mf, md, serial);
    };
    const QString ok = QStringLiteral("x");
    EXPECT_FALSE(make(QString(), QStringLiteral("meter"), ok, ok, ok).ok());
    EXPECT_FALSE(make(QStringLiteral("a b"), QStringLiteral("meter"), ok, ok, ok).ok());
    EXPECT_FALSE(make(QStringLiteral("a;b"), QStringLiteral("meter"), ok, ok, ok).ok());
    EXPECT_FALSE(make(ok, QStringLiteral("Meter"), ok, ok, ok).ok());
    EXPECT_FALSE(make(ok, QStringLiteral("-meter"), ok, ok, ok).ok());
    EXPECT_FALSE(make(ok, QString(), ok, ok, ok).ok());
    EXPECT_FALSE(make(ok, QStringLiteral("meter"), QStringLiteral("   "), ok, ok).ok());
    EXPECT_FALSE(make(ok, QStringLiteral("meter"), ok, QStringLiteral("a\nb"), ok).ok());
    EXPECT_FALSE(make(ok, QStringLiteral("meter"), ok, ok, QString()).ok());
    // Surrounding white space is trimmed, not an error, when building from user input.
    auto trimmed = make(ok, QStringLiteral("meter"), QStringLiteral("  Acme "), ok, ok);
    ASSERT_TRUE(trimmed.ok());
    EXPECT_EQ(trimmed->manufacturer, QStringLiteral("Acme"));
}

TEST(RegistryMemo, WorstCaseMemoIsTheLimitAndFitsAPacket)
{
    auto record
        = RegistryMemo::registration(QString(64, u'i'), QString(24, u'k'), QString(64, u';'),
                                     QString(64, u';'), QStringLiteral("s"));
    ASSERT_TRUE(record.ok());
    // The longest sn: a hash whose base58 has 44 characters.
    record->serialHash.fill(0xff);
    auto text = RegistryMemo::encode(record.value());
    ASSERT_TRUE(text.ok()) << text.error().detail.toStdString();
    EXPECT_EQ(static_cast<std::size_t>(text->size()), RegistryMemo::MaxMemoBytes);
    EXPECT_TRUE(RegistryMemo::parse(text.value()).ok());
    EXPECT_FALSE(RegistryMemo::parse(text.value() + "x").ok());

    // With the priority-fee instructions a wallet adds, the registration is still one packet.
    std::array<std::uint8_t, 32> seed {};
    seed[0] = 7;
    const Keypair owner = Keypair::fromSeed(seed);
    auto memo = RegistryMemo::instruction(record.value(), owner.publicKey());
    ASSERT_TRUE(memo.ok());
    auto message
        = Message::compile(owner.publicKey(),
                           {ComputeBudgetProgram::setComputeUnitLimit(50'000),
                            ComputeBudgetProgram::setComputeUnitPrice(1'000'000), memo.value()},
                           Blockhash());
    ASSERT_TRUE(message.ok());
    Transaction tx(message.value());
    ASSERT_TRUE(tx.sign(owner).ok());
    EXPECT_TRUE(tx.serialize().ok());
    EXPECT_LE(tx.size(), Transaction::PacketDataSize);
}

TEST(RegistryMemo, InstructionIsAMemoSignedByTheOwner)
{
    std::array<std::uint8_t, 32> seed {};
    seed[0] = 1;
    const PublicKey owner = Keypair::fromSeed(seed).publicKey();
    const RegistryRecord record = sampleRegistration();
    auto ix = RegistryMemo::instruction(record, owner);
    ASSERT_TRUE(ix.ok());
    EXPECT_EQ(ix->programId, programs::memoProgram());
    ASSERT_EQ(ix->accounts.size(), 1);
    EXPECT_EQ(ix->accounts.front().pubkey, owner);
    EXPECT_TRUE(ix->accounts.front().isSigner);
    EXPECT_FALSE(ix->accounts.front().isWritable);
    EXPECT_EQ(ix->data, RegistryMemo::encode(record).value());

    RegistryRecord bad = record;
    bad.deviceId.clear();
    EXPECT_FALSE(RegistryMemo::instruction(bad, owner).ok());
}

TEST(RegistryMemo, RecognisesItsPrefixOnly)
{
    EXPECT_TRUE(RegistryMemo::isRegistryMemo("ovpp:der:1;op=ret;id=a"));
    EXPECT_TRUE(RegistryMemo::isRegistryMemo("ovpp:der:garbage"));
    EXPECT_FALSE(RegistryMemo::isRegistryMemo("hello"));
    EXPECT_FALSE(RegistryMemo::isRegistryMemo("OVPP:DER:1;op=ret;id=a"));
    EXPECT_FALSE(RegistryMemo::isRegistryMemo(" ovpp:der:1;op=ret;id=a"));
    EXPECT_FALSE(RegistryMemo::isRegistryMemo(""));
    auto foreign = RegistryMemo::parse("hello world");
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, ErrorCode::InvalidArgument);
}

TEST(RegistryMemo, OtherVersionsAreUnsupportedNotMalformed)
{
    for (const char *memo :
         {"ovpp:der:2;op=reg;id=a", "ovpp:der:2", "ovpp:der:17;{\"x\":1}", "ovpp:der:999999999;"}) {
        auto parsed = RegistryMemo::parse(memo);
        ASSERT_FALSE(parsed.ok()) << memo;
        EXPECT_EQ(parsed.error().code, ErrorCode::UnsupportedVersion) << memo;
    }
    // A newer version may be longer than v1 allows; that is still "unsupported".
    QByteArray longer("ovpp:der:3;");
    longer.append(QByteArray(2000, 'x'));
    EXPECT_EQ(RegistryMemo::parse(longer).error().code, ErrorCode::UnsupportedVersion);
}

TEST(RegistryMemo, RejectsEveryMalformedVariant)
{
    const QByteArray sn = base58::encode(referenceHash("1")).toUtf8();
    const QByteArray short31 = base58::encode(std::array<std::uint8_t, 31> {9}).toUtf8();
    std::array<std::uint8_t, 33> bytes33 {};
    bytes33.fill(0xee);
    const QByteArray long33 = base58::encode(bytes33).toUtf8();
    const QByteArray good = "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + sn;
    ASSERT_TRUE(RegistryMemo::parse(good).ok());

    const QList<QByteArray> malformed {
        "ovpp:der:",
        "ovpp:der:1",
        "ovpp:der:1;",
        "ovpp:der:;op=ret;id=a",
        "ovpp:der:01;op=ret;id=a",
        "ovpp:der:0;op=ret;id=a",
        "ovpp:der:1x;op=ret;id=a",
        "ovpp:der:-1;op=ret;id=a",
        "ovpp:der:1234567890;op=ret;id=a",
        "ovpp:der:1;op=ret;id=a;",
        "ovpp:der:1;op=ret;id=",
        "ovpp:der:1;op=ret",
        "ovpp:der:1;op=ret;id=a;id=a",
        "ovpp:der:1;op=ret;id=a b",
        "ovpp:der:1;op=ret;ID=a",
        "ovpp:der:1;op=ret;id",
        "ovpp:der:1;op=ret;id=a;k=meter",
        "ovpp:der:1;op=del;id=a",
        "ovpp:der:1;op=;id=a",
        "ovpp:der:1;id=a;op=ret",
        "ovpp:der:1; op=ret;id=a",
        "ovpp:der:1;op=ret;id=a\n",
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1",
        "ovpp:der:1;op=reg;id=d1;k=meter;md=M1;mf=Acme;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + sn + ";x=1",
        "ovpp:der:1;op=reg;id=d1;k=Meter;mf=Acme;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=;mf=Acme;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf= Acme;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme ;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A%3bB;md=M1;sn=" + sn, // lower-case escape
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A%41;md=M1;sn=" + sn, // escape of a plain char
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A%;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A%2;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A\tB;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A" + QByteArray(1, '\0') + "B;md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A\xC2\x85"
        "B;md=M1;sn="
            + sn, // C1 control (NEL)
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A\xE2\x80\xAE"
        "B;md=M1;sn="
            + sn, // RLO override
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A\xE2\x81\xA6"
        "B;md=M1;sn="
            + sn, // LRI isolate
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=A\xE2\x80\xA8"
        "B;md=M1;sn="
            + sn, // line separator
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=\xEF\xBB\xBF"
        "A;md=M1;sn="
            + sn, // BOM
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=\xFF;md=M1;sn=" + sn, // not UTF-8
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=\xC0\xBB;md=M1;sn=" + sn, // overlong ';'
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=\xED\xA0\x80;md=M1;sn=" + sn, // UTF-16 surrogate
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=\xE2\x82;md=M1;sn=" + sn, // truncated sequence
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=e\xCC\x81;md=M1;sn=" + sn, // not NFC (e + U+0301)
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=" + QByteArray(65, 'a') + ";md=M1;sn=" + sn,
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=",
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + short31, // 31 bytes
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + long33, // 33 bytes
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + sn + "1",
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=1" + sn, // non-canonical (extra 1)
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=0" + sn.mid(1), // '0' not base58
        "ovpp:der:1;op=reg;id=d1;k=meter;mf=Acme;md=M1;sn=" + sn + "\n",
        good + QByteArray(int(RegistryMemo::MaxMemoBytes), 'x'),
    };
    for (const QByteArray &memo : malformed) {
        auto parsed = RegistryMemo::parse(memo);
        ASSERT_FALSE(parsed.ok()) << utf8(memo);
        EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument) << utf8(memo);
        EXPECT_FALSE(parsed.error().detail.isEmpty()) << utf8(memo);
    }
}

// Mutations of valid memos (byte flips, insertions, deletions, truncations) with a fixed seed:
// parse() must never crash, and whatever it accepts must be canonical (encode gives it back).
TEST(RegistryMemo, MutatedMemosAreRejectedOrCanonical)
{
    const QList<QByteArray> seeds {
        RegistryMemo::encode(sampleRegistration()).value(), "ovpp:der:1;op=ret;id=inv-01",
        RegistryMemo::encode(
            RegistryMemo::registration(QStringLiteral("x"), QStringLiteral("evcharger"),
                                       QStringLiteral("A;%B"), QString::fromUtf8("\xC3\xBC"),
                                       QStringLiteral("s"))
                .value())
            .value()};
    std::mt19937 rng(20261124);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray memo = seeds[round % seeds.size()];
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits && !memo.isEmpty(); ++e) {
            const auto at = static_cast<qsizetype>(rng() % static_cast<unsigned>(memo.size()));
            const char byte = static_cast<char>(rng() & 0xff);
            switch (rng() % 4) {
            case 0:
                memo[at] = byte;
                break;
            case 1:
                memo.insert(at, byte);
                break;
            case 2:
                memo.remove(at, 1);
                break;
            default:
                memo.truncate(at);
                break;
            }
        }
        auto parsed = RegistryMemo::parse(memo);
        if (!parsed.ok()) {
            ++rejected;
            continue;
        }
        ++accepted;
        auto again = RegistryMemo::encode(parsed.value());
        ASSERT_TRUE(again.ok()) << utf8(memo);
        ASSERT_EQ(again.value(), memo);
    }
    // Both outcomes occur, so the property above was really exercised.
    EXPECT_GT(accepted, 0);
    EXPECT_GT(rejected, 0);
}
