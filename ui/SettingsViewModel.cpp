#include "SettingsViewModel.h"

#include "AppSettings.h"
#include "ErrorText.h"
#include "IdleMonitor.h"
#include "PasswordPolicy.h"
#include "SecretText.h"
#include "UiLogging.h"
#include "WalletSession.h"
#include "wallet/DeviceUnlock.h"

#include <algorithm>
#include <chrono>
#include <memory>

namespace ovpp::ui {

namespace {

using SharedSecret = std::shared_ptr<core::SecretBytes>;

} // namespace

SettingsViewModel::SettingsViewModel(WalletSession *session, core::DeviceUnlock *deviceUnlock,
                                     IdleMonitor *idleMonitor, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_deviceUnlock(deviceUnlock)
    , m_idleMonitor(idleMonitor)
    , m_settings(session ? session->settings() : nullptr)
{
    if (m_settings) {
        connect(m_settings, &AppSettings::deviceUnlockChanged, this,
                &SettingsViewModel::keychainChanged);
    }
    if (session) {
        connect(session, &WalletSession::vaultIdChanged, this, &SettingsViewModel::keychainChanged);
        // A keyring may have been started since we last looked.
        connect(session, &WalletSession::unlocked, this, &SettingsViewModel::checkKeychain);
    }
    applyAutoLock();
    checkKeychain();
}

SettingsViewModel::~SettingsViewModel() = default;

int SettingsViewModel::autoLockMinutes() const
{
    return m_settings ? m_settings->autoLockMinutes() : AppSettings::DefaultAutoLockMinutes;
}

void SettingsViewModel::setAutoLockMinutes(int minutes)
{
    minutes = std::clamp(minutes, 0, AppSettings::MaxAutoLockMinutes);
    if (!m_settings || minutes == autoLockMinutes())
        return;
    m_settings->setAutoLockMinutes(minutes);
    applyAutoLock();
    emit autoLockMinutesChanged();
}

void SettingsViewModel::applyAutoLock()
{
    if (m_idleMonitor)
        m_idleMonitor->setTimeout(std::chrono::minutes(autoLockMinutes()));
}

bool SettingsViewModel::deviceUnlock() const
{
    return m_settings && m_session && m_settings->deviceUnlock(m_session->vaultId());
}

void SettingsViewModel::checkKeychain()
{
    if (!m_deviceUnlock) {
        m_keychainAvailable = false;
        m_keychainChecked = true;
        m_keychainStatus = tr("Not available in this build");
        emit keychainChanged();
        return;
    }
    if (!m_keychainChecked) {
        m_keychainStatus = tr("Checking…");
        emit keychainChanged();
    }
    // DeviceUnlock answers within its timeout even when no keychain service exists.
    m_deviceUnlock->checkAvailable(this, [this](core::DeviceUnlock::Availability availability) {
        m_keychainChecked = true;
        m_keychainAvailable = availability.available;
        // The reason comes from core in English; the sentence around it is ours.
        m_keychainStatus = availability.available
            ? tr("Available")
            : tr("Not available: %1").arg(availability.reason);
        emit keychainChanged();
    });
}

void SettingsViewModel::setDeviceUnlock(bool on)
{
    if (!m_session || !m_settings || !m_deviceUnlock || m_busy)
        return;
    if (on == deviceUnlock())
        return;
    if (m_session->state() != WalletSession::State::Unlocked) {
        setErrorText(tr("Unlock the wallet first."));
        return;
    }
    const QUuid vaultId = m_session->vaultId();
    if (on) {
        if (!m_keychainAvailable) {
            setErrorText(tr("Unlock on this device needs the system keychain, which is not "
                            "available. %1")
                             .arg(m_keychainStatus));
            emit keychainChanged(); // a switch in QML snaps back to the real state
            return;
        }
        setErrorText({});
        storeVaultKey(false);
        return;
    }
    setErrorText({});
    setBusy(true);
    m_deviceUnlock->remove(vaultId, this, [this, vaultId](core::Result<void> removed) {
        setBusy(false);
        // NotFound: nothing stored, which is what we wanted.
        if (!removed && removed.error().code != core::ErrorCode::NotFound) {
            setErrorText(tr("The key could not be removed from the system keychain (%1). "
                            "Remove the entry “OpenVPP World” with your keyring manager.")
                             .arg(removed.error().detail));
        }
        m_settings->setDeviceUnlock(vaultId, false);
        emit keychainChanged();
        if (removed || removed.error().code == core::ErrorCode::NotFound)
            emit notice(tr("This device no longer unlocks the wallet"));
    });
}

// Reads the current vault key on the worker and puts it in the keychain.
void SettingsViewModel::storeVaultKey(bool afterPasswordChange)
{
    setBusy(true);
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [](WalletCore &wc) -> core::Result<SharedSecret> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            return std::make_shared<core::SecretBytes>(wc.wallet->vaultKey().clone());
        },
        [this, epoch, afterPasswordChange](core::Result<SharedSecret> key) {
            if (!key || epoch != m_session->epoch()) {
                setBusy(false);
                setErrorText(tr("Unlock the wallet first."));
                emit keychainChanged();
                return;
            }
            const QUuid vaultId = m_session->vaultId();
            const SharedSecret vaultKey = *key;
            auto stored = [this, vaultId, afterPasswordChange](core::Result<void> result) {
                setBusy(false);
                if (!result) {
                    m_settings->setDeviceUnlock(vaultId, false);
                    setErrorText(afterPasswordChange
                                     ? tr("The password was changed, but the system keychain did "
                                          "not take the new key (%1), so unlock on this device "
                                          "is now off.")
                                           .arg(result.error().detail)
                                     : tr("The system keychain did not take the key (%1). Unlock "
                                          "with your password as before.")
                                           .arg(result.error().detail));
                    emit keychainChanged();
                    return;
                }
                m_settings->setDeviceUnlock(vaultId, true);
                emit keychainChanged();
                emit notice(afterPasswordChange ? tr("Password changed")
                                                : tr("This device can now unlock the wallet"));
            };
            m_deviceUnlock->store(vaultId, *vaultKey, this, stored);
            // DeviceUnlock copied what it needs.
            vaultKey->clear();
        });
}

void SettingsViewModel::changePassword(const QString &current, const QString &replacement,
                                       const QString &confirmation)
{
    const QString problem = PasswordPolicy::problem(replacement, confirmation);
    const SharedSecret oldSecret = std::make_shared<core::SecretBytes>(takeSecretText(current));
    const SharedSecret newSecret = std::make_shared<core::SecretBytes>(takeSecretText(replacement));
    static_cast<void>(takeSecretText(confirmation)); // only to wipe it
    if (!m_session || m_busy)
        return;
    if (m_session->state() != WalletSession::State::Unlocked) {
        setErrorText(tr("Unlock the wallet first."));
        return;
    }
    if (oldSecret->empty()) {
        setErrorText(tr("Enter your current password."));
        return;
    }
    if (!problem.isEmpty()) {
        setErrorText(problem);
        return;
    }
    setErrorText({});
    setBusy(true);
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [oldSecret, newSecret](WalletCore &wc) -> core::Result<void> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            auto changed = wc.wallet->changePassword(*oldSecret, *newSecret);
            oldSecret->clear();
            newSecret->clear();
            return changed;
        },
        [this, epoch](core::Result<void> changed) {
            setBusy(false);
            if (!changed) {
                switch (changed.error().code) {
                case core::ErrorCode::WrongPassword:
                    setErrorText(tr("The current password is wrong. Nothing was changed."));
                    break;
                case core::ErrorCode::IoError:
                    setErrorText(tr("The new password could not be saved (%1). The old password "
                                    "still works.")
                                     .arg(changed.error().detail));
                    break;
                default:
                    setErrorText(ErrorText::common(changed.error()));
                    break;
                }
                return;
            }
            qCInfo(lcUi) << "vault password changed";
            // The vault now has a new key: the one in the keychain would no longer open it.
            if (deviceUnlock() && epoch == m_session->epoch())
                storeVaultKey(true);
            else
                emit notice(tr("Password changed"));
        });
}

void SettingsViewModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void SettingsViewModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
