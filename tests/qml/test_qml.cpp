// Runs the tst_*.qml files beside this one. Before each file, a fresh AppServices (the same
// object graph the app builds) over a temporary data and settings directory is installed as the
// AppContext, so each file starts on a first run with no wallet. No OS keychain: device unlock
// is off, as on a machine without one.

#include "AppServices.h"
#include "wallet/KdfParams.h"

#include <QFile>
#include <QJSEngine>
#include <QJSValue>
#include <QJsonDocument>
#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtPlugin>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(OpenVPP_UiPlugin)
Q_IMPORT_QML_PLUGIN(OpenVPPPlugin)

namespace {

QVariant &goldenVectors()
{
    static QVariant vectors;
    return vectors;
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
        // The published vectors (tests/data/golden.json) as the singleton `Golden` of
        // OpenVPP.Test: test input such as the BIP39 test mnemonic and its known addresses.
        QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        goldenVectors() = QJsonDocument::fromJson(file.readAll()).toVariant();
        qmlRegisterSingletonType("OpenVPP.Test", 1, 0, "Golden",
                                 [](QQmlEngine *, QJSEngine *js) -> QJSValue {
                                     return js->toScriptValue(goldenVectors());
                                 });
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));

        // Everything of the previous file goes first (its engine is gone by now).
        m_services.reset();
        m_worker.waitForDone();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("no temporary directory");
        qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toLocal8Bit());
        // QSettings caches its directory: point it at this file's own one.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir->filePath(QStringLiteral("config")));

        ovpp::ui::AppServices::Options options;
        options.vaultPath = m_dir->filePath(QStringLiteral("data/wallets/test.ovppvault"));
        options.kdf = ovpp::core::KdfParams::minimumForTests();
        // The device network on a free port and in this file's directory, not the app's 8887.
        options.csmsPort = 0;
        options.deviceCatalogPath = m_dir->filePath(QStringLiteral("data/devices.json"));
        options.telemetryPath = m_dir->filePath(QStringLiteral("data/telemetry.sqlite"));
        m_services = std::make_unique<ovpp::ui::AppServices>(&m_worker, nullptr, options);
        ovpp::ui::AppContext::install(m_services->context());
    }

    void cleanupTestCase()
    {
        m_services.reset();
        m_worker.waitForDone();
        m_dir.reset();
    }

private:
    QThreadPool m_worker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ovpp::ui::AppServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(ovpp_qml, Setup)

#include "test_qml.moc"
