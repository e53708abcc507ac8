// ThemeController: the chosen mode is persisted; System follows the application palette.

#include "AppSettings.h"
#include "ThemeController.h"
#include "UiTestSupport.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>

namespace ovpp::test {
namespace {

using ui::ThemeController;

class ThemeControllerTest : public ::testing::Test
{
protected:
    void SetUp() override { clearSettings(); }
    void TearDown() override
    {
        QGuiApplication::setPalette(QPalette());
        clearSettings();
    }
};

QPalette paletteWithWindow(const QColor &window)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    return palette;
}

TEST_F(ThemeControllerTest, ModeIsPersisted)
{
    ui::AppSettings settings;
    {
        ThemeController theme(&settings);
        EXPECT_EQ(theme.mode(), ThemeController::System);
        QSignalSpy changed(&theme, &ThemeController::changed);
        theme.setMode(ThemeController::Dark);
        EXPECT_TRUE(theme.dark());
        EXPECT_EQ(changed.count(), 1);
        theme.setMode(ThemeController::Dark);
        EXPECT_EQ(changed.count(), 1);
    }
    {
        ThemeController theme(&settings);
        EXPECT_EQ(theme.mode(), ThemeController::Dark);
        EXPECT_TRUE(theme.dark());
        theme.setMode(ThemeController::Light);
        EXPECT_FALSE(theme.dark());
    }
    ui::AppSettings fresh;
    ThemeController theme(&fresh);
    EXPECT_EQ(theme.mode(), ThemeController::Light);
    EXPECT_FALSE(theme.dark());
}

TEST_F(ThemeControllerTest, SystemFollowsThePalette)
{
    ui::AppSettings settings;
    QGuiApplication::setPalette(paletteWithWindow(QColor(245, 245, 245)));
    ThemeController theme(&settings);
    ASSERT_EQ(theme.mode(), ThemeController::System);
    EXPECT_FALSE(theme.dark());

    QSignalSpy changed(&theme, &ThemeController::changed);
    QGuiApplication::setPalette(paletteWithWindow(QColor(30, 30, 34)));
    EXPECT_TRUE(waitUntil([&] { return theme.dark(); }));
    EXPECT_EQ(changed.count(), 1);

    // An explicit mode is not overruled by the palette.
    theme.setMode(ThemeController::Light);
    QGuiApplication::setPalette(paletteWithWindow(QColor(20, 20, 20)));
    EXPECT_FALSE(theme.dark());

    QGuiApplication::setPalette(paletteWithWindow(QColor(250, 250, 250)));
    theme.setMode(ThemeController::System);
    EXPECT_FALSE(theme.dark());
}

TEST_F(ThemeControllerTest, ChangingToSystemNotifiesEvenIfDarknessStays)
{
    ui::AppSettings settings;
    QGuiApplication::setPalette(paletteWithWindow(QColor(250, 250, 250)));
    ThemeController theme(&settings);
    theme.setMode(ThemeController::Light);
    QSignalSpy changed(&theme, &ThemeController::changed);
    theme.setMode(ThemeController::System);
    EXPECT_EQ(changed.count(), 1) << "QML binds `mode` to the same signal";
    EXPECT_FALSE(theme.dark());
}

} // namespace
} // namespace ovpp::test
