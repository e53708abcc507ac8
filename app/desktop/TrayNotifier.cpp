#include "TrayNotifier.h"

#include <QGuiApplication>
#include <QIcon>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace ovpp::app {

TrayNotifier::TrayNotifier(QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    QIcon icon = QGuiApplication::windowIcon();
    if (icon.isNull()) {
        // No themed icon installed (a build tree): a plain accent square, never an empty slot.
        QPixmap square(32, 32);
        square.fill(QColor(0x0a, 0x6e, 0x55));
        icon = QIcon(square);
    }
    m_tray = std::make_unique<QSystemTrayIcon>(icon);
    m_tray->setToolTip(QGuiApplication::applicationDisplayName());
    m_tray->show();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::show(const QString &title, const QString &text)
{
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 10'000);
}

} // namespace ovpp::app
