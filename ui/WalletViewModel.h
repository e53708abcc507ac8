#pragma once

// The wallet as the shell and the lock screen see it: state, accounts, the current account, and
// the operations that need the vault (unlock, add and rename accounts, export a secret). Every
// wallet call runs on the wallet worker; `busy` is set while one does.

#include "AccountsModel.h"
#include "WalletSession.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace ovpp::core {
class DeviceUnlock;
}

namespace ovpp::ui {

class AppSettings;
class ClipboardGuard;
class IdleMonitor;

class WalletViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.wallet")

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString vaultPath READ vaultPath NOTIFY stateChanged)
    Q_PROPERTY(QAbstractItemModel *accounts READ accounts CONSTANT)
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged)
    Q_PROPERTY(QString currentAddress READ currentAddress NOTIFY currentIndexChanged)
    Q_PROPERTY(QString currentLabel READ currentLabel NOTIFY currentIndexChanged)
    Q_PROPERTY(bool currentIsWatchOnly READ currentIsWatchOnly NOTIFY currentIndexChanged)
    Q_PROPERTY(bool deviceUnlockReady READ deviceUnlockReady NOTIFY deviceUnlockReadyChanged)

public:
    enum State { NoWallet, Locked, Unlocked };
    Q_ENUM(State)

    // `deviceUnlock`, `clipboard` and `idleMonitor` may be null (then those features are off).
    WalletViewModel(WalletSession *session, core::DeviceUnlock *deviceUnlock,
                    ClipboardGuard *clipboard, IdleMonitor *idleMonitor, QObject *parent = nullptr);
    ~WalletViewModel() override;

    State state() const;
    bool busy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    QString errorText() const { return m_errorText; }
    QString vaultPath() const;
    QAbstractItemModel *accounts() const { return m_accounts; }
    int currentIndex() const { return m_currentIndex; }
    void setCurrentIndex(int index);
    QString currentAddress() const;
    QString currentLabel() const;
    bool currentIsWatchOnly() const;
    bool deviceUnlockReady() const;
    // The account the user is on (null while locked or empty); valid until the accounts change.
    const core::AccountInfo *currentAccount() const;

    // Passwords: converted to SecretBytes at once, and the QString wiped where that is safe
    // (see SecretText.h). QML clears its field right after the call.
    Q_INVOKABLE void unlock(const QString &password);
    Q_INVOKABLE void unlockWithDevice();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void addAccount(const QString &label);
    Q_INVOKABLE void renameAccount(int row, const QString &label);
    Q_INVOKABLE void copyAddress();
    // format: 0 = keypair JSON (Solana CLI file contents), 1 = base58 (what Phantom imports).
    Q_INVOKABLE void copySecretToClipboard(const QString &password, int format);
    Q_INVOKABLE void exportKeypairFile(const QString &password, const QUrl &file);

signals:
    void stateChanged();
    void busyChanged();
    void errorTextChanged();
    void currentIndexChanged();
    void deviceUnlockReadyChanged();
    void notice(const QString &text);

private:
    bool begin(const QString &busyText);
    void end();
    void setErrorText(const QString &text);
    void onAccountsChanged();
    void onStateChanged();
    void setBusyText(const QString &text);
    void updateDeviceUnlockReady();
    void finishOpening(quint64 epoch, bool withDeviceKey,
                       const core::Result<WalletSession::Snapshot> &result);
    QString currentAccountId() const;

    QPointer<WalletSession> m_session;
    core::DeviceUnlock *m_deviceUnlock;
    QPointer<ClipboardGuard> m_clipboard;
    QPointer<IdleMonitor> m_idleMonitor;
    AccountsModel *m_accounts;
    int m_currentIndex = -1;
    QString m_busyText;
    QString m_errorText;
    bool m_lastDeviceReady = false;
};

} // namespace ovpp::ui
