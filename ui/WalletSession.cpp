#include "WalletSession.h"

#include "AppSettings.h"
#include "UiLogging.h"

#include <QFileInfo>

namespace ovpp::ui {

WalletSession::WalletSession(QThreadPool *worker, AppSettings *settings,
                             core::KdfParams newVaultKdf, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_settings(settings)
    , m_newVaultKdf(newVaultKdf)
{
    Q_ASSERT(worker && worker->maxThreadCount() == 1);
}

WalletSession::~WalletSession()
{
    // Jobs hold the wallet through m_core; let them finish, then wipe it here and now.
    m_worker->waitForDone();
    m_core->wallet.reset();
}

void WalletSession::setVaultPath(const QString &path)
{
    if (m_state == State::Unlocked)
        lock();
    m_vaultPath = path;
    m_vaultId = QUuid();
    setState(QFileInfo::exists(path) ? State::Locked : State::NoWallet);
    emit vaultIdChanged();
    readVaultId();
}

WalletSession::Snapshot WalletSession::snapshotOf(const core::Wallet &wallet)
{
    return Snapshot {wallet.path(), wallet.vaultId(), wallet.accounts()};
}

void WalletSession::applySnapshot(const Snapshot &snapshot, quint64 epoch)
{
    if (epoch != m_epoch)
        return;
    const bool wasUnlocked = m_state == State::Unlocked;
    if (snapshot.path != m_vaultPath)
        m_vaultPath = snapshot.path; // a vault just created where the session pointed
    if (snapshot.vaultId != m_vaultId) {
        m_vaultId = snapshot.vaultId;
        emit vaultIdChanged();
    }
    m_accounts = snapshot.accounts;
    emit accountsChanged();
    setState(State::Unlocked);
    if (!wasUnlocked) {
        if (m_settings)
            m_settings->setLastVaultPath(m_vaultPath);
        emit unlocked();
    }
}

void WalletSession::lock()
{
    if (m_state != State::Unlocked)
        return;
    ++m_epoch;
    m_accounts.clear();
    emit accountsChanged();
    setState(State::Locked);
    // Queued behind whatever the worker is doing with the wallet right now.
    run(
        this,
        [](WalletCore &core) {
            core.wallet.reset();
            return true;
        },
        [](bool) { qCInfo(lcUi) << "wallet locked and wiped"; });
}

void WalletSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void WalletSession::readVaultId()
{
    if (m_state == State::NoWallet)
        return;
    const QString path = m_vaultPath;
    run(
        this, [path](WalletCore &) { return core::Wallet::readVaultId(path); },
        [this, path](core::Result<QUuid> id) {
            if (path != m_vaultPath)
                return;
            if (!id) {
                // Unlocking will say what is wrong with the file; here it only means no
                // "unlock on this device" for it.
                qCWarning(lcUi) << "cannot read the vault id:" << core::describe(id.error());
                return;
            }
            if (*id != m_vaultId) {
                m_vaultId = *id;
                emit vaultIdChanged();
            }
        });
}

} // namespace ovpp::ui
