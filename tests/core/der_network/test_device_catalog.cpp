// DeviceCatalog against real files in a temporary directory: round trips, verifiers, 0600
// writes, and corrupt files left untouched.

#include "der/network/DeviceCatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

PairedDevice inverter(const QString &id = QStringLiteral("inv-1"))
{
    PairedDevice d;
    d.id = id;
    d.kind = PairedDevice::Kind::Inverter;
    d.label = QStringLiteral("Roof");
    d.manufacturer = QStringLiteral("OpenVPP");
    d.model = QStringLiteral("SIM-5K");
    d.serialNumber = QStringLiteral("SN123");
    d.host = QStringLiteral("127.0.0.1");
    d.port = 1502;
    d.unitId = 3;
    return d;
}

PairedDevice charger(const QString &id)
{
    PairedDevice d;
    d.id = id;
    d.kind = PairedDevice::Kind::Charger;
    d.label = QStringLiteral("Garage");
    return d;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

class DeviceCatalogTest : public ::testing::Test
{
protected:
    QString path() const { return m_dir.filePath(QStringLiteral("sub/devices.json")); }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(DeviceCatalogTest, MissingFileIsEmpty)
{
    DeviceCatalog catalog(path());
    ASSERT_TRUE(catalog.load().ok());
    EXPECT_TRUE(catalog.devices().isEmpty());
    EXPECT_FALSE(QFile::exists(path()));
}

TEST_F(DeviceCatalogTest, InverterRoundTripsThroughTheFile)
{
    DeviceCatalog catalog(path());
    ASSERT_TRUE(catalog.add(inverter()).ok());
    const QFileDevice::Permissions perms = QFileInfo(path()).permissions();
    EXPECT_TRUE(perms.testFlag(QFileDevice::ReadOwner) && perms.testFlag(QFileDevice::WriteOwner));
    EXPECT_FALSE(perms
                 & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                    | QFileDevice::WriteOther));

    DeviceCatalog other(path());
    ASSERT_TRUE(other.load().ok());
    ASSERT_EQ(other.devices().size(), 1);
    const PairedDevice read = other.devices().first();
    EXPECT_EQ(read, catalog.devices().first());
    EXPECT_EQ(read.host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(read.port, 1502);
    EXPECT_EQ(read.unitId, 3);
    EXPECT_TRUE(read.pairedAt.isValid());

    const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
    EXPECT_EQ(root.value(QStringLiteral("version")).toInt(), 1);
    EXPECT_EQ(root.value(QStringLiteral("devices")).toArray().size(), 1);
}

TEST_F(DeviceCatalogTest, AddRejectsDuplicatesAndIncompleteDevices)
{
    DeviceCatalog catalog(path());
    ASSERT_TRUE(catalog.add(inverter()).ok());
    EXPECT_EQ(catalog.add(inverter()).error().code, ErrorCode::AlreadyExists);
    PairedDevice noHost = inverter(QStringLiteral("inv-2"));
    noHost.host.clear();
    EXPECT_EQ(catalog.add(noHost).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(catalog.add(inverter(QString())).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(catalog.devices().size(), 1);
}

TEST_F(DeviceCatalogTest, ChargerKeepsOnlyAVerifier)
{
    const SecretBytes key = SecretBytes::fromView("K7M2P9Q4R8T3V6W2X5Y9");
    DeviceCatalog catalog(path());
    ASSERT_TRUE(catalog.addCharger(charger(QStringLiteral("OVPP-ABCDEF")), key).ok());
    EXPECT_FALSE(readAll(path()).contains("K7M2P9Q4R8T3V6W2X5Y9"));

    DeviceCatalog other(path());
    ASSERT_TRUE(other.load().ok());
    EXPECT_TRUE(other.verifyCharger(QStringLiteral("OVPP-ABCDEF"), key));
    EXPECT_FALSE(other.verifyCharger(QStringLiteral("OVPP-ABCDEF"),
                                     SecretBytes::fromView("K7M2P9Q4R8T3V6W2X5Y8")));
    EXPECT_FALSE(other.verifyCharger(QStringLiteral("OVPP-OTHER1"), key));
    const Result<ChargerVerifier> v = other.chargerVerifier(QStringLiteral("OVPP-ABCDEF"));
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->salt.size(), 16);
    EXPECT_EQ(v->digest.size(), 32);
    EXPECT_EQ(other.chargerVerifier(QStringLiteral("nope")).error().code, ErrorCode::NotFound);

    // Same key, another charger: a different salt, so a different digest.
    ASSERT_TRUE(catalog.addCharger(charger(QStringLiteral("OVPP-GHJKLM")), key).ok());
    EXPECT_NE(catalog.chargerVerifier(QStringLiteral("OVPP-GHJKLM"))->digest, v->digest);
    // A key outside OCPP's 16..40 bytes is refused.
    EXPECT_EQ(catalog.addCharger(charger(QStringLiteral("X")), SecretBytes::fromView("short"))
                  .error()
                  .code,
              ErrorCode::InvalidArgument);
}

TEST_F(DeviceCatalogTest, UpdateAndRemove)
{
    DeviceCatalog catalog(path());
    ASSERT_TRUE(catalog.add(inverter()).ok());
    ASSERT_TRUE(
        catalog
            .addCharger(charger(QStringLiteral("CP1")), SecretBytes::fromView("0123456789abcdef"))
            .ok());
    PairedDevice changed = *catalog.device(QStringLiteral("inv-1"));
    changed.label = QStringLiteral("Garage roof");
    changed.registrySignature = QStringLiteral("5sig");
    ASSERT_TRUE(catalog.update(changed).ok());
    EXPECT_EQ(catalog.update(inverter(QStringLiteral("inv-9"))).error().code, ErrorCode::NotFound);

    DeviceCatalog other(path());
    ASSERT_TRUE(other.load().ok());
    EXPECT_EQ(other.device(QStringLiteral("inv-1"))->label, QStringLiteral("Garage roof"));
    EXPECT_EQ(other.device(QStringLiteral("inv-1"))->registrySignature, QStringLiteral("5sig"));

    ASSERT_TRUE(other.remove(QStringLiteral("CP1")).ok());
    EXPECT_EQ(other.remove(QStringLiteral("CP1")).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(catalog.reload().ok());
    EXPECT_FALSE(catalog.contains(QStringLiteral("CP1")));
    EXPECT_EQ(catalog.chargerVerifier(QStringLiteral("CP1")).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(catalog.contains(QStringLiteral("inv-1")));
}

TEST_F(DeviceCatalogTest, ChangesByAnotherProcessAreNotLost)
{
    DeviceCatalog app(path());
    DeviceCatalog cli(path());
    ASSERT_TRUE(app.load().ok());
    ASSERT_TRUE(cli.add(inverter(QStringLiteral("inv-a"))).ok());
    // The app never reloaded, yet its own change keeps the CLI's.
    ASSERT_TRUE(app.add(inverter(QStringLiteral("inv-b"))).ok());
    DeviceCatalog check(path());
    ASSERT_TRUE(check.load().ok());
    EXPECT_EQ(check.devices().size(), 2);
}

TEST_F(DeviceCatalogTest, CorruptFileIsReportedAndLeftUntouched)
{
    DeviceCatalog good(path());
    ASSERT_TRUE(good.add(inverter()).ok());
    const QList<QByteArray> corruptions = {
        QByteArray("{\"version\":1,\"devices\":[{\"id\":\"x\""), // truncated
        QByteArray("[1,2,3]"),
        QByteArray("{\"devices\":[]}"),
        QByteArray("{\"version\":1,\"devices\":[{\"id\":\"a\",\"kind\":\"toaster\"}]}"),
        QByteArray("{\"version\":1,\"devices\":[{\"id\":\"a\",\"kind\":\"charger\"}]}"),
        QByteArray("{\"version\":1,\"devices\":[{\"id\":\"a\",\"kind\":\"inverter\",\"host\":"
                   "\"h\",\"port\":502,\"unitId\":1},{\"id\":\"a\",\"kind\":\"inverter\","
                   "\"host\":\"h\",\"port\":502,\"unitId\":1}]}"),
    };
    for (const QByteArray &bytes : corruptions) {
        writeAll(path(), bytes);
        DeviceCatalog catalog(path());
        const Result<void> loaded = catalog.load();
        ASSERT_FALSE(loaded.ok()) << bytes.constData();
        EXPECT_EQ(loaded.error().code, ErrorCode::CorruptFile) << bytes.constData();
        EXPECT_TRUE(loaded.error().detail.contains(QStringLiteral("devices.json")));
        // Nothing is written over it.
        EXPECT_FALSE(catalog.add(inverter(QStringLiteral("inv-new"))).ok());
        EXPECT_FALSE(catalog.remove(QStringLiteral("a")).ok());
        EXPECT_EQ(readAll(path()), bytes);
    }
}

TEST_F(DeviceCatalogTest, NewerVersionIsRefused)
{
    writeAll(path().replace(QStringLiteral("sub/"), QString()), "{\"version\":2,\"devices\":[]}");
    DeviceCatalog catalog(m_dir.filePath(QStringLiteral("devices.json")));
    EXPECT_EQ(catalog.load().error().code, ErrorCode::UnsupportedVersion);
}

TEST_F(DeviceCatalogTest, GeneratedIds)
{
    DeviceCatalog catalog(path());
    const QRegularExpression form(QStringLiteral("^OVPP-[A-HJ-NP-Z2-9]{6}$"));
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString id = catalog.newChargePointId();
        EXPECT_TRUE(form.match(id).hasMatch()) << qPrintable(id);
        seen.insert(id);
    }
    EXPECT_GT(seen.size(), 45);

    const QString a
        = DeviceCatalog::inverterId(QStringLiteral("10.0.0.5"), 502, 1, QStringLiteral("SN1"));
    EXPECT_EQ(a,
              DeviceCatalog::inverterId(QStringLiteral("10.0.0.5"), 502, 1, QStringLiteral("SN1")));
    EXPECT_NE(a,
              DeviceCatalog::inverterId(QStringLiteral("10.0.0.5"), 502, 2, QStringLiteral("SN1")));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^inv-[0-9a-f]{10}$")).match(a).hasMatch());
}
