#include "UiTestSupport.h"

#include "AppSettings.h"
#include "WalletViewModel.h"
#include "crypto/DerivationPath.h"
#include "wallet/KdfParams.h"
#include "wallet/Wallet.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTest>

namespace ovpp::test {

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds limit)
{
    QDeadlineTimer deadline(limit);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

QJsonObject golden()
{
    static const QJsonObject object = [] {
        QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            ADD_FAILURE() << "cannot read golden.json";
            return QJsonObject();
        }
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return object;
}

namespace {

QJsonObject solanaPaths()
{
    return golden()[QStringLiteral("key_derivation")][QStringLiteral("solana_paths")].toObject();
}

} // namespace

QString goldenMnemonic()
{
    return solanaPaths()[QStringLiteral("mnemonic")].toString();
}

QMap<QString, QString> goldenAddresses()
{
    QMap<QString, QString> addresses;
    const QJsonObject paths = solanaPaths();
    for (const QJsonValue &entry : paths[QStringLiteral("derived")].toArray()) {
        addresses.insert(entry[QStringLiteral("path")].toString(),
                         entry[QStringLiteral("address")].toString());
    }
    addresses.insert(
        QStringLiteral("none"),
        paths[QStringLiteral("no_derivation_first32")][QStringLiteral("address")].toString());
    return addresses;
}

QByteArray goldenKeypairJson()
{
    for (const QJsonValue &entry : solanaPaths()[QStringLiteral("derived")].toArray()) {
        if (entry[QStringLiteral("path")].toString() == QLatin1String("m/44'/501'/0'/0'"))
            return entry[QStringLiteral("keypair_file_json")].toString().toLatin1();
    }
    ADD_FAILURE() << "golden.json has no keypair for m/44'/501'/0'/0'";
    return {};
}

void createGoldenVault(const QString &path, const char *password)
{
    auto wallet = core::Wallet::create(path, core::SecretBytes::fromView(password),
                                       core::KdfParams::minimumForTests());
    ASSERT_TRUE(wallet.ok()) << core::describe(wallet.error()).toStdString();
    const QByteArray phrase = goldenMnemonic().toLatin1();
    auto account = wallet->addMnemonic(
        core::SecretBytes::fromView(std::string_view(phrase.constData(), phrase.size())),
        core::SecretBytes(), core::DerivationPath(), QStringLiteral("Main"));
    ASSERT_TRUE(account.ok()) << core::describe(account.error()).toStdString();
}

void clearSettings()
{
    QSettings settings(QStringLiteral("OpenVPP"), QStringLiteral("OpenVPP World"));
    settings.clear();
    settings.sync();
}

UiHarness::UiHarness(Options options)
{
    EXPECT_TRUE(m_dir.isValid());
    clearSettings();
    m_vaultPath = m_dir.filePath(QStringLiteral("wallets/test.ovppvault"));
    if (options.createVault) {
        QDir().mkpath(m_dir.filePath(QStringLiteral("wallets")));
        createGoldenVault(m_vaultPath);
    }
    m_worker.setMaxThreadCount(1);
    // A service name of our own, and a short timeout: no test waits long on a keychain.
    m_deviceUnlock = std::make_unique<core::DeviceUnlock>(QStringLiteral("OpenVPP World UI tests"),
                                                          std::chrono::seconds(3));
    ui::AppServices::Options serviceOptions;
    serviceOptions.vaultPath = m_vaultPath;
    serviceOptions.kdf = core::KdfParams::minimumForTests();
    serviceOptions.clipboardClearAfter = options.clipboardClearAfter;
    // The device network on a free port and beside the vault, not the app's 8887.
    serviceOptions.csmsPort = 0;
    serviceOptions.deviceCatalogPath
        = QFileInfo(m_vaultPath).dir().filePath(QStringLiteral("devices.json"));
    serviceOptions.telemetryPath
        = QFileInfo(m_vaultPath).dir().filePath(QStringLiteral("telemetry.sqlite"));
    m_services = std::make_unique<ui::AppServices>(&m_worker, m_deviceUnlock.get(), serviceOptions);
}

UiHarness::~UiHarness()
{
    m_services.reset();
    m_worker.waitForDone();
    clearSettings();
}

bool UiHarness::unlock(const char *password)
{
    wallet().unlock(text(password));
    const bool opened = waitUntil(
        [this] { return !wallet().busy() && wallet().state() == ui::WalletViewModel::Unlocked; });
    EXPECT_TRUE(opened) << "unlock failed: " << wallet().errorText().toStdString();
    return opened;
}

} // namespace ovpp::test
