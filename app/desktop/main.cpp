// openvpp-world: the desktop app. Everything lives in the libraries; this file reads the
// command line and the environment, and hands over to the composition root (DesktopApp).
//
//   openvpp-world [--vault FILE] [--screenshot DIR] [solana:URL]
//   OVPP_KDF=test   new vaults use libsodium's minimum Argon2id cost. For tests and screenshots
//                   only: such a vault is cheap to attack.

#include "DesktopApp.h"
#include "wallet/KdfParams.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cstring>
#include <initializer_list>
#include <memory>

Q_IMPORT_QML_PLUGIN(OpenVPP_UiPlugin)
Q_IMPORT_QML_PLUGIN(OpenVPPPlugin)

namespace {

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption vault {QStringLiteral("vault"),
                              QCoreApplication::translate("main", "Open the wallet file FILE."),
                              QStringLiteral("FILE")};
    QCommandLineOption screenshot {
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Write screenshots of every page into DIR and quit."),
        QStringLiteral("DIR")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Wallet, devices and rewards for the OpenVPP energy network"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(vault);
        parser.addOption(screenshot);
        parser.addPositionalArgument(QStringLiteral("url"),
                                     QCoreApplication::translate("main", "A solana: payment link."),
                                     QStringLiteral("[url]"));
    }
};

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("OpenVPP"));
    QCoreApplication::setApplicationName(QStringLiteral("OpenVPP World"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OVPP_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version answer without a display.
    if (hasArgument(argc, argv, {"--help", "-h", "-?", "--help-all", "--version", "-v"})) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        CommandLine commandLine;
        commandLine.parser.process(app); // prints and exits
        return 0;
    }

    // The screenshot tour must start from a first run and must not touch the user's wallets or
    // settings: point the XDG directories at a fresh temporary one before Qt reads them (the
    // QApplication constructor may already do so), and use test-strength Argon2id for the
    // throw-away vault.
    std::unique_ptr<QTemporaryDir> screenshotHome;
    if (hasArgument(argc, argv, {"--screenshot"})) {
        screenshotHome = std::make_unique<QTemporaryDir>();
        if (!screenshotHome->isValid())
            return 1;
        for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
            const QString dir = screenshotHome->filePath(QString::fromLatin1(variable).toLower());
            QDir().mkpath(dir);
            qputenv(variable, QFile::encodeName(dir));
        }
        // The same keychain status on every machine: none.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("OVPP_KDF", "test");
    }

    // QtCharts (Rewards page) needs a QApplication, not just a QGuiApplication.
    QApplication app(argc, argv);
    setApplicationNames();
    QGuiApplication::setDesktopFileName(QStringLiteral("openvpp-world"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("openvpp-world")));

    CommandLine commandLine;
    commandLine.parser.process(app);

    ovpp::app::DesktopApp::Options options;
    if (commandLine.parser.isSet(commandLine.vault))
        options.vaultPath
            = QFileInfo(commandLine.parser.value(commandLine.vault)).absoluteFilePath();
    if (commandLine.parser.isSet(commandLine.screenshot)) {
        options.screenshotDir
            = QFileInfo(commandLine.parser.value(commandLine.screenshot)).absoluteFilePath();
    }
    const QByteArray kdf = qgetenv("OVPP_KDF");
    if (kdf == "test") {
        options.kdf = ovpp::core::KdfParams::minimumForTests();
        qWarning("OVPP_KDF=test: new wallets use the minimum Argon2id cost (tests only)");
    } else if (!kdf.isEmpty()) {
        qWarning("OVPP_KDF=%s is not known; using the standard Argon2id cost", kdf.constData());
    }
    // The desktop file's x-scheme-handler passes a clicked solana: link as the argument.
    if (const QStringList urls = commandLine.parser.positionalArguments(); !urls.isEmpty())
        options.payLink = urls.constFirst();

    ovpp::app::DesktopApp desktop(options);
    return desktop.run();
}
