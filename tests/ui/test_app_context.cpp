// AppContext as QML sees it: the OpenVPP.Ui module registers the singleton and the view-model
// types, the singleton is the installed C++ instance, the contract's property names resolve,
// and the engine does not take ownership of it.

#include "AppContext.h"
#include "UiTestSupport.h"

#include <QPointer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(OpenVPP_UiPlugin)

namespace ovpp::test {
namespace {

using ui::AppContext;

TEST(AppContextTest, QmlSeesTheInstalledContext)
{
    UiHarness harness;
    AppContext *context = harness.services().context();
    AppContext::install(context);
    QPointer<AppContext> alive(context);
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        // QtQuick, as the app's views import it (plain "import QtQml" also wants
        // QtQml.Models, a Debian package the app does not otherwise need).
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import OpenVPP.Ui
            QtObject {
                property var context: AppContext
                property int state: AppContext.wallet.state
                property bool noWallet: AppContext.wallet.state === WalletViewModel.NoWallet
                property int accounts: AppContext.wallet.accounts.rowCount()
                property int networks: AppContext.onboarding.networks.length
                property bool createMode: AppContext.onboarding.mode === OnboardingViewModel.Create
                property int autoLock: AppContext.settings.autoLockMinutes
                property bool systemTheme: AppContext.theme.mode === ThemeController.System
                property string version: AppContext.appVersion
            })",
                          QUrl(QStringLiteral("qrc:/test/Probe.qml")));
        std::unique_ptr<QObject> probe(component.create());
        ASSERT_TRUE(probe) << component.errorString().toStdString();
        EXPECT_EQ(probe->property("context").value<QObject *>(), context);
        EXPECT_EQ(probe->property("state").toInt(), int(ui::WalletViewModel::NoWallet));
        EXPECT_TRUE(probe->property("noWallet").toBool());
        EXPECT_EQ(probe->property("accounts").toInt(), 0);
        EXPECT_EQ(probe->property("networks").toInt(), 4);
        EXPECT_TRUE(probe->property("createMode").toBool());
        EXPECT_EQ(probe->property("autoLock").toInt(), 5);
        EXPECT_TRUE(probe->property("systemTheme").toBool());
        EXPECT_EQ(probe->property("version").toString(), QStringLiteral(OVPP_VERSION));
    }
    EXPECT_TRUE(alive) << "the engine must not delete the C++-owned context";
    EXPECT_EQ(AppContext::instance(), context);
}

TEST(AppContextTest, UninstallsItselfWhenDestroyed)
{
    {
        UiHarness harness;
        AppContext::install(harness.services().context());
        EXPECT_EQ(AppContext::instance(), harness.services().context());
    }
    EXPECT_EQ(AppContext::instance(), nullptr);
}

} // namespace
} // namespace ovpp::test
