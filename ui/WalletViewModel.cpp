#include "WalletViewModel.h"

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "ErrorText.h"
#include "IdleMonitor.h"
#include "SecretText.h"
#include "UiLogging.h"
#include "wallet/DeviceUnlock.h"

#include <QDir>
#include <QFile>

#include <memory>
#include <utility>

namespace ovpp::ui {

namespace {

using SharedSecret = std::shared_ptr<core::SecretBytes>;

SharedSecret shareSecret(core::SecretBytes secret)
{
    return std::make_shared<core::SecretBytes>(std::move(secret));
}

// Written with owner-only permissions: the file holds a secret key.
core::Result<void> writePrivateFile(const QString &path, const core::SecretBytes &contents)
{
    QFile file(path);
    constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, OwnerOnly))
        return core::makeError(core::ErrorCode::IoError, file.errorString());
    // A file that already existed keeps its old mode on open: tighten it before writing.
    if (!file.setPermissions(OwnerOnly))
        return core::makeError(core::ErrorCode::IoError, file.errorString());
    const auto size = qint64(contents.size());
    if (file.write(reinterpret_cast<const char *>(contents.data()), size) != size
        || !file.flush()) {
        return core::makeError(core::ErrorCode::IoError, file.errorString());
    }
    file.close();
    return {};
}

} // namespace

WalletViewModel::WalletViewModel(WalletSession *session, core::DeviceUnlock *deviceUnlock,
                                 ClipboardGuard *clipboard, IdleMonitor *idleMonitor,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_deviceUnlock(deviceUnlock)
    , m_clipboard(clipboard)
    , m_idleMonitor(idleMonitor)
    , m_accounts(new AccountsModel(this))
{
    Q_ASSERT(session);
    connect(session, &WalletSession::stateChanged, this, &WalletViewModel::onStateChanged);
    connect(session, &WalletSession::accountsChanged, this, &WalletViewModel::onAccountsChanged);
    connect(session, &WalletSession::vaultIdChanged, this,
            &WalletViewModel::updateDeviceUnlockReady);
    if (AppSettings *settings = session->settings()) {
        connect(settings, &AppSettings::deviceUnlockChanged, this,
                &WalletViewModel::updateDeviceUnlockReady);
    }
    if (idleMonitor) {
        connect(idleMonitor, &IdleMonitor::idle, this, [this] {
            if (state() == Unlocked) {
                qCInfo(lcUi) << "locking after idle time";
                lock();
            }
        });
        idleMonitor->setActive(state() == Unlocked);
    }
    onAccountsChanged();
    m_lastDeviceReady = deviceUnlockReady();
}

WalletViewModel::~WalletViewModel() = default;

WalletViewModel::State WalletViewModel::state() const
{
    if (!m_session)
        return NoWallet;
    switch (m_session->state()) {
    case WalletSession::State::NoWallet:
        return NoWallet;
    case WalletSession::State::Locked:
        return Locked;
    case WalletSession::State::Unlocked:
        return Unlocked;
    }
    return NoWallet;
}

QString WalletViewModel::vaultPath() const
{
    return m_session ? QDir::toNativeSeparators(m_session->vaultPath()) : QString();
}

void WalletViewModel::setCurrentIndex(int index)
{
    if (index < -1 || index >= m_accounts->rowCount())
        return;
    if (index == m_currentIndex)
        return;
    m_currentIndex = index;
    emit currentIndexChanged();
}

QString WalletViewModel::currentAddress() const
{
    const core::AccountInfo *account = m_accounts->at(m_currentIndex);
    return account ? account->address.toBase58() : QString();
}

QString WalletViewModel::currentLabel() const
{
    const core::AccountInfo *account = m_accounts->at(m_currentIndex);
    return account ? account->label : QString();
}

bool WalletViewModel::currentIsWatchOnly() const
{
    const core::AccountInfo *account = m_accounts->at(m_currentIndex);
    return account && !account->hasSecret();
}

const core::AccountInfo *WalletViewModel::currentAccount() const
{
    return m_accounts->at(m_currentIndex);
}

QString WalletViewModel::currentAccountId() const
{
    const core::AccountInfo *account = m_accounts->at(m_currentIndex);
    return account ? account->id : QString();
}

bool WalletViewModel::deviceUnlockReady() const
{
    if (!m_session || !m_deviceUnlock || m_session->state() != WalletSession::State::Locked)
        return false;
    AppSettings *settings = m_session->settings();
    return settings && settings->deviceUnlock(m_session->vaultId());
}

void WalletViewModel::unlock(const QString &password)
{
    SharedSecret secret = shareSecret(takeSecretText(password));
    if (state() != Locked)
        return;
    if (secret->empty()) {
        setErrorText(tr("Enter your password."));
        return;
    }
    if (!begin(tr("Unlocking…")))
        return;
    const QString path = m_session->vaultPath();
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [path, secret](WalletCore &wc) -> core::Result<WalletSession::Snapshot> {
            auto wallet = core::Wallet::open(path, *secret);
            secret->clear();
            if (!wallet)
                return wallet.error();
            wc.wallet.emplace(std::move(wallet).value());
            return WalletSession::snapshotOf(*wc.wallet);
        },
        [this, epoch](core::Result<WalletSession::Snapshot> result) {
            finishOpening(epoch, false, result);
        });
}

void WalletViewModel::unlockWithDevice()
{
    if (state() != Locked || !m_deviceUnlock)
        return;
    const QUuid vaultId = m_session->vaultId();
    if (vaultId.isNull() || !deviceUnlockReady()) {
        setErrorText(tr("Unlock on this device is not turned on for this wallet. Type your "
                        "password."));
        return;
    }
    if (!begin(tr("Asking the system keychain…")))
        return;
    const QString path = m_session->vaultPath();
    const quint64 epoch = m_session->epoch();
    m_deviceUnlock->retrieve(
        vaultId, this, [this, vaultId, path, epoch](core::Result<core::SecretBytes> key) {
            if (!key) {
                end();
                const core::Error &error = key.error();
                switch (error.code) {
                case core::ErrorCode::NotFound:
                    if (AppSettings *settings = m_session->settings())
                        settings->setDeviceUnlock(vaultId, false);
                    setErrorText(
                        tr("This device no longer holds the key to this wallet. Unlock with "
                           "your password, then turn “Unlock on this device” on again in "
                           "Settings."));
                    break;
                case core::ErrorCode::Cancelled:
                    setErrorText(tr("The system keychain refused access. Unlock with your "
                                    "password."));
                    break;
                default:
                    setErrorText(tr("The system keychain is not available (%1). Unlock with your "
                                    "password.")
                                     .arg(error.detail));
                    break;
                }
                return;
            }
            SharedSecret vaultKey = shareSecret(std::move(key).value());
            setBusyText(tr("Unlocking…"));
            m_session->run(
                this,
                [path, vaultKey](WalletCore &wc) -> core::Result<WalletSession::Snapshot> {
                    auto wallet = core::Wallet::openWithKey(path, *vaultKey);
                    vaultKey->clear();
                    if (!wallet)
                        return wallet.error();
                    wc.wallet.emplace(std::move(wallet).value());
                    return WalletSession::snapshotOf(*wc.wallet);
                },
                [this, epoch](core::Result<WalletSession::Snapshot> result) {
                    finishOpening(epoch, true, result);
                });
        });
}

void WalletViewModel::finishOpening(quint64 epoch, bool withDeviceKey,
                                    const core::Result<WalletSession::Snapshot> &result)
{
    end();
    if (result) {
        m_session->applySnapshot(*result, epoch);
        return;
    }
    const core::Error &error = result.error();
    qCInfo(lcUi) << "unlock failed:" << core::describe(error);
    QString text;
    if (error.code == core::ErrorCode::WrongPassword && withDeviceKey) {
        // The vault was re-keyed elsewhere (password changed on another machine, or restored).
        if (AppSettings *settings = m_session->settings())
            settings->setDeviceUnlock(m_session->vaultId(), false);
        text = tr("The key kept on this device no longer opens this wallet (was the password "
                  "changed?). Unlock with your password, then turn “Unlock on this device” on "
                  "again in Settings.");
    } else if (error.code == core::ErrorCode::WrongPassword) {
        text = tr("Wrong password. Try again.");
    } else {
        text = ErrorText::common(error);
    }
    setErrorText(text);
}

void WalletViewModel::lock()
{
    if (state() != Unlocked)
        return;
    setErrorText({});
    m_session->lock();
}

void WalletViewModel::addAccount(const QString &label)
{
    if (state() != Unlocked)
        return;
    int seedIndex = -1;
    for (const core::AccountInfo &account : m_session->accounts()) {
        if (account.kind == core::AccountKind::Derived) {
            seedIndex = account.seedIndex;
            break;
        }
    }
    if (seedIndex < 0) {
        setErrorText(tr("This wallet has no recovery words to derive more accounts from. Import "
                        "another keypair or recovery words instead."));
        return;
    }
    QString name = label.trimmed();
    if (name.isEmpty())
        name = tr("Account %1").arg(m_session->accounts().size() + 1);
    if (!begin(tr("Adding an account…")))
        return;
    const quint64 epoch = m_session->epoch();
    using Added = std::pair<QString, WalletSession::Snapshot>;
    m_session->run(
        this,
        [seedIndex, name](WalletCore &wc) -> core::Result<Added> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            auto account = wc.wallet->addDerivedAccount(seedIndex, name);
            if (!account)
                return account.error();
            return Added {account->id, WalletSession::snapshotOf(*wc.wallet)};
        },
        [this, epoch](core::Result<Added> result) {
            end();
            if (!result) {
                setErrorText(tr("The account could not be added. %1")
                                 .arg(ErrorText::common(result.error())));
                return;
            }
            m_session->applySnapshot(result->second, epoch);
            const QList<core::AccountInfo> &rows = m_accounts->accounts();
            for (int row = 0; row < rows.size(); ++row) {
                if (rows[row].id == result->first)
                    setCurrentIndex(row);
            }
            emit notice(tr("Account added"));
        });
}

void WalletViewModel::renameAccount(int row, const QString &label)
{
    if (state() != Unlocked)
        return;
    const core::AccountInfo *account = m_accounts->at(row);
    if (!account)
        return;
    const QString name = label.trimmed();
    if (name.isEmpty()) {
        setErrorText(tr("Enter a name for the account."));
        return;
    }
    if (name == account->label)
        return;
    if (!begin(tr("Renaming…")))
        return;
    const QString id = account->id;
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [id, name](WalletCore &wc) -> core::Result<WalletSession::Snapshot> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            if (auto renamed = wc.wallet->renameAccount(id, name); !renamed)
                return renamed.error();
            return WalletSession::snapshotOf(*wc.wallet);
        },
        [this, epoch](core::Result<WalletSession::Snapshot> result) {
            end();
            if (!result) {
                setErrorText(tr("The account could not be renamed. %1")
                                 .arg(ErrorText::common(result.error())));
                return;
            }
            m_session->applySnapshot(*result, epoch);
        });
}

void WalletViewModel::copyAddress()
{
    const QString address = currentAddress();
    if (address.isEmpty() || !m_clipboard)
        return;
    m_clipboard->copyText(address);
    emit notice(tr("Address copied"));
}

void WalletViewModel::copySecretToClipboard(const QString &password, int format)
{
    SharedSecret secret = shareSecret(takeSecretText(password));
    if (state() != Unlocked || !m_clipboard)
        return;
    if (format != 0 && format != 1) {
        qCWarning(lcUi) << "copySecretToClipboard: unknown format" << format;
        return;
    }
    if (currentIsWatchOnly()) {
        setErrorText(tr("A watch-only account has no secret key to copy."));
        return;
    }
    const QString id = currentAccountId();
    if (id.isEmpty())
        return;
    if (secret->empty()) {
        setErrorText(tr("Enter your password to copy the secret key."));
        return;
    }
    if (!begin(tr("Checking the password…")))
        return;
    const auto exportFormat = format == 0 ? core::Wallet::ExportFormat::KeypairJson
                                          : core::Wallet::ExportFormat::Base58;
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [id, exportFormat, secret](WalletCore &wc) -> core::Result<SharedSecret> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            auto exported = wc.wallet->exportSecret(id, exportFormat, *secret);
            secret->clear();
            if (!exported)
                return exported.error();
            return shareSecret(std::move(exported).value());
        },
        [this, epoch](core::Result<SharedSecret> result) {
            end();
            if (!result) {
                setErrorText(result.error().code == core::ErrorCode::WrongPassword
                                 ? tr("Wrong password. Nothing was copied.")
                                 : ErrorText::common(result.error()));
                return;
            }
            const SharedSecret &text = *result;
            // Locked while the password was being checked: do not hand the secret out.
            if (epoch == m_session->epoch() && m_clipboard) {
                m_clipboard->copySecret(*text);
                const auto seconds = int(
                    std::chrono::duration_cast<std::chrono::seconds>(m_clipboard->clearAfter())
                        .count());
                emit notice(tr("Secret key copied. The clipboard is cleared in %n second(s).",
                               nullptr, seconds));
            }
            text->clear();
        });
}

void WalletViewModel::exportKeypairFile(const QString &password, const QUrl &file)
{
    SharedSecret secret = shareSecret(takeSecretText(password));
    if (state() != Unlocked)
        return;
    if (currentIsWatchOnly()) {
        setErrorText(tr("A watch-only account has no secret key to export."));
        return;
    }
    if (!file.isLocalFile() || file.toLocalFile().isEmpty()) {
        setErrorText(tr("Choose a file on this computer to save the keypair to."));
        return;
    }
    const QString id = currentAccountId();
    if (id.isEmpty())
        return;
    if (secret->empty()) {
        setErrorText(tr("Enter your password to export the secret key."));
        return;
    }
    if (!begin(tr("Checking the password…")))
        return;
    const QString path = file.toLocalFile();
    m_session->run(
        this,
        [id, secret, path](WalletCore &wc) -> core::Result<void> {
            if (!wc.wallet)
                return core::makeError(core::ErrorCode::Locked);
            auto exported
                = wc.wallet->exportSecret(id, core::Wallet::ExportFormat::KeypairJson, *secret);
            secret->clear();
            if (!exported)
                return exported.error();
            return writePrivateFile(path, *exported);
        },
        [this, path](core::Result<void> result) {
            end();
            if (!result) {
                switch (result.error().code) {
                case core::ErrorCode::WrongPassword:
                    setErrorText(tr("Wrong password. Nothing was saved."));
                    break;
                case core::ErrorCode::IoError:
                    setErrorText(tr("The keypair file could not be written (%1). Choose another "
                                    "folder and try again.")
                                     .arg(result.error().detail));
                    break;
                default:
                    setErrorText(ErrorText::common(result.error()));
                    break;
                }
                return;
            }
            emit notice(tr("Keypair file saved to %1").arg(QDir::toNativeSeparators(path)));
        });
}

bool WalletViewModel::begin(const QString &busyText)
{
    if (busy() || !m_session)
        return false;
    setErrorText({});
    setBusyText(busyText);
    return true;
}

void WalletViewModel::end()
{
    setBusyText({});
}

void WalletViewModel::setBusyText(const QString &text)
{
    if (m_busyText == text)
        return;
    m_busyText = text;
    emit busyChanged();
}

void WalletViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

void WalletViewModel::onAccountsChanged()
{
    const QString currentId = currentAccountId();
    m_accounts->setAccounts(m_session ? m_session->accounts() : QList<core::AccountInfo>());
    const QList<core::AccountInfo> &rows = m_accounts->accounts();
    int index = rows.isEmpty() ? -1 : 0;
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row].id == currentId)
            index = row;
    }
    m_currentIndex = index;
    // Always: the current account's label or address may have changed even at the same index.
    emit currentIndexChanged();
}

void WalletViewModel::onStateChanged()
{
    if (m_idleMonitor)
        m_idleMonitor->setActive(state() == Unlocked);
    emit stateChanged();
    updateDeviceUnlockReady();
}

void WalletViewModel::updateDeviceUnlockReady()
{
    const bool ready = deviceUnlockReady();
    if (ready == m_lastDeviceReady)
        return;
    m_lastDeviceReady = ready;
    emit deviceUnlockReadyChanged();
}

} // namespace ovpp::ui
