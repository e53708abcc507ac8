// Runs send_page.qml beside this one on the real object graph (AppServices, as test_qml.cpp
// does) pointed at a sandbox localnet of its own, with a vault holding the BIP39 test words'
// first account, funded with SOL: the page test reaches the network's review.
#include "AppServices.h"
#include "SendChainSupport.h"
#include "wallet/KdfParams.h"
#include "wallet/Wallet.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <memory>
#include <string_view>

Q_IMPORT_QML_PLUGIN(OpenVPP_UiPlugin)
Q_IMPORT_QML_PLUGIN(OpenVPPPlugin)

namespace {

// Protects a throw-away vault in a temporary directory; tst_send.qml unlocks with it.
constexpr auto Password = "send-page-test-password";

QString testMnemonic()
{
    QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll())
        .object()[QStringLiteral("key_derivation")][QStringLiteral("solana_paths")]
                 [QStringLiteral("mnemonic")]
        .toString();
}

} // namespace

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() { m_worker.setMaxThreadCount(1); }

public slots:
    void applicationAvailable()
    {
        const QString problem = ovpp::test::chain::start();
        if (!problem.isEmpty())
            qFatal("localnet: %s", qPrintable(problem));
        qputenv("OVPP_RPC_URL", ovpp::test::chain::rpcUrl().toString().toUtf8());
        qputenv("OVPP_USDE_MINT", ovpp::test::chain::usdeMint().toUtf8());
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_services.reset();
        m_worker.waitForDone();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("no temporary directory");
        qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir->filePath(QStringLiteral("config")));

        const QString vaultPath = m_dir->filePath(QStringLiteral("data/wallets/test.ovppvault"));
        QDir().mkpath(QFileInfo(vaultPath).absolutePath());
        {
            using ovpp::core::SecretBytes;
            auto wallet = ovpp::core::Wallet::create(vaultPath, SecretBytes::fromView(Password),
                                                     ovpp::core::KdfParams::minimumForTests());
            if (!wallet)
                qFatal("cannot create the test vault");
            const QByteArray phrase = testMnemonic().toLatin1();
            auto account = wallet->addMnemonic(
                SecretBytes::fromView(std::string_view(phrase.constData(), phrase.size())),
                SecretBytes(), ovpp::core::DerivationPath(), QStringLiteral("Main"));
            if (!account)
                qFatal("cannot add the test account");
            const QString problem
                = ovpp::test::chain::airdrop(account->address.toBase58(), 1'000'000'000);
            if (!problem.isEmpty())
                qFatal("airdrop: %s", qPrintable(problem));
        }

        ovpp::ui::AppServices::Options options;
        options.vaultPath = vaultPath;
        options.kdf = ovpp::core::KdfParams::minimumForTests();
        m_services = std::make_unique<ovpp::ui::AppServices>(&m_worker, nullptr, options);
        ovpp::ui::AppContext::install(m_services->context());
    }

    void cleanupTestCase()
    {
        m_services.reset();
        m_worker.waitForDone();
        m_dir.reset();
        ovpp::test::chain::stop();
    }

private:
    QThreadPool m_worker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ovpp::ui::AppServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(ovpp_qml_send, Setup)

#include "test_qml_send.moc"
