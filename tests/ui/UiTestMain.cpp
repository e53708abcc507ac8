// main() of every view-model test: a QGuiApplication on the offscreen platform, in an
// environment of its own, so that tests neither read nor write the user's settings, wallets or
// keychain, and behave the same on every machine.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Everything Qt and the core read from the environment is set before QGuiApplication.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = home.filePath(QString::fromLatin1(variable).toLower());
        QDir().mkpath(dir);
        QFile::setPermissions(
            dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv(variable, QFile::encodeName(dir));
    }
    // No Secret Service: "unlock on this device" must report itself unavailable, not hang.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");

    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
