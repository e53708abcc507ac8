#pragma once

// The app's persisted preferences (QSettings, organization "OpenVPP", application
// "OpenVPP World"): auto-lock minutes, theme, network, last vault, and which vaults have
// "unlock on this device" on. Never a secret: the vault key itself lives in the OS keychain.

#include <QObject>
#include <QSettings>
#include <QString>
#include <QUuid>

namespace ovpp::ui {

class AppSettings : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultAutoLockMinutes = 5;
    static constexpr int MaxAutoLockMinutes = 24 * 60;

    explicit AppSettings(QObject *parent = nullptr);

    int autoLockMinutes() const; // 0 = never
    void setAutoLockMinutes(int minutes);

    int themeMode() const; // ThemeController::Mode
    void setThemeMode(int mode);

    QString network() const; // "" when never chosen
    void setNetwork(const QString &network);

    QString lastVaultPath() const;
    void setLastVaultPath(const QString &path);

    bool deviceUnlock(const QUuid &vaultId) const;
    void setDeviceUnlock(const QUuid &vaultId, bool on);

signals:
    void deviceUnlockChanged();

private:
    QSettings m_settings;
};

} // namespace ovpp::ui
