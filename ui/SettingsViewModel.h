#pragma once

// Settings that need logic: auto-lock, "unlock on this device" (the vault key in the OS
// keychain), and changing the vault password. Theme lives in ThemeController, the network in
// OnboardingViewModel (until the Solana settings arrive).

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ovpp::core {
class DeviceUnlock;
}

namespace ovpp::ui {

class AppSettings;
class IdleMonitor;
class WalletSession;

class SettingsViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.settings")

    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable NOTIFY keychainChanged)
    Q_PROPERTY(QString keychainStatus READ keychainStatus NOTIFY keychainChanged)
    Q_PROPERTY(bool deviceUnlock READ deviceUnlock NOTIFY keychainChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    // Checks the keychain at once (asynchronously; keychainStatus says "Checking…" until then).
    SettingsViewModel(WalletSession *session, core::DeviceUnlock *deviceUnlock,
                      IdleMonitor *idleMonitor, QObject *parent = nullptr);
    ~SettingsViewModel() override;

    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    bool keychainAvailable() const { return m_keychainAvailable; }
    QString keychainStatus() const { return m_keychainStatus; }
    bool deviceUnlock() const;
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    // True once the first keychain check has answered.
    bool keychainChecked() const { return m_keychainChecked; }

    Q_INVOKABLE void setDeviceUnlock(bool on);
    Q_INVOKABLE void changePassword(const QString &current, const QString &replacement,
                                    const QString &confirmation);

signals:
    void autoLockMinutesChanged();
    void keychainChanged();
    void busyChanged();
    void errorTextChanged();
    void notice(const QString &text);

private:
    void checkKeychain();
    void applyAutoLock();
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void storeVaultKey(bool afterPasswordChange);

    QPointer<WalletSession> m_session;
    core::DeviceUnlock *m_deviceUnlock;
    QPointer<IdleMonitor> m_idleMonitor;
    AppSettings *m_settings;
    bool m_keychainAvailable = false;
    bool m_keychainChecked = false;
    QString m_keychainStatus;
    bool m_busy = false;
    QString m_errorText;
};

} // namespace ovpp::ui
