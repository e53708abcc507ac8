#pragma once

// Desktop notifications for the fleet's alerts (FleetAlerts::notify): a system-tray icon that
// shows them as balloon/notification messages, when the desktop has a tray. Where it has none
// (many Wayland sessions, the screenshot tour's Xvfb) available() is false and the caller leaves
// the alerts to the window's in-app toast.

#include <QObject>
#include <QString>

#include <memory>

class QSystemTrayIcon;

namespace ovpp::app {

class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    explicit TrayNotifier(QObject *parent = nullptr);
    ~TrayNotifier() override;

    bool available() const { return m_tray != nullptr; }

public slots:
    void show(const QString &title, const QString &text);

private:
    std::unique_ptr<QSystemTrayIcon> m_tray;
};

} // namespace ovpp::app
