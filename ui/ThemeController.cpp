#include "ThemeController.h"

#include "AppSettings.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

namespace ovpp::ui {

ThemeController::ThemeController(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    if (settings) {
        const int saved = settings->themeMode();
        if (saved == Light || saved == Dark)
            m_mode = Mode(saved);
    }
    m_dark = m_mode == Dark || (m_mode == System && systemPrefersDark());
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

ThemeController::~ThemeController()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void ThemeController::setMode(Mode mode)
{
    if (mode != System && mode != Light && mode != Dark)
        return;
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (m_settings)
        m_settings->setThemeMode(int(mode));
    m_dark = m_mode == Dark || (m_mode == System && systemPrefersDark());
    emit changed(); // the mode changed, whether or not `dark` did
}

bool ThemeController::systemPrefersDark()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
    return QGuiApplication::palette().color(QPalette::Active, QPalette::Window).lightness() < 128;
}

bool ThemeController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange
        && watched == QCoreApplication::instance())
        update();
    return QObject::eventFilter(watched, event);
}

void ThemeController::update()
{
    const bool dark = m_mode == Dark || (m_mode == System && systemPrefersDark());
    if (dark == m_dark)
        return;
    m_dark = dark;
    emit changed();
}

} // namespace ovpp::ui
