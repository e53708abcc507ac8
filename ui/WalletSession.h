#pragma once

// The one place that holds the core::Wallet for the view models (not visible to QML).
//
// Threading: the Wallet is not thread-safe, so it is touched only by jobs on the app-owned
// single-thread "wallet worker" pool, one after another (Argon2id takes most of a second). The
// GUI thread never reads it directly: every job that changes accounts hands back a Snapshot of
// public facts, which the session keeps for the view models. Results come back to the GUI
// thread with QFuture::then(context, ...), and never reach a context object that is gone.
//
// Locking moves to Locked at once and wipes the wallet on the worker, after any job already
// queued. The epoch counts locks, so that a result computed before a lock (an account added a
// moment earlier) cannot bring accounts back onto a locked screen.
//
// Shutdown: the destructor waits for the worker's jobs before the wallet is destroyed.

#include "wallet/AccountInfo.h"
#include "wallet/KdfParams.h"
#include "wallet/Wallet.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace ovpp::ui {

class AppSettings;

// What worker jobs see: the wallet, when unlocked.
struct WalletCore
{
    std::optional<core::Wallet> wallet;
};

class WalletSession : public QObject
{
    Q_OBJECT

public:
    enum class State { NoWallet, Locked, Unlocked };

    struct Snapshot
    {
        QString path;
        QUuid vaultId;
        QList<core::AccountInfo> accounts;
    };

    // `worker` must be single-threaded (maxThreadCount 1) and outlive the session.
    WalletSession(QThreadPool *worker, AppSettings *settings, core::KdfParams newVaultKdf,
                  QObject *parent = nullptr);
    ~WalletSession() override;

    // Chooses the vault file: Locked if it exists, else NoWallet. Locks first if unlocked.
    void setVaultPath(const QString &path);
    QString vaultPath() const { return m_vaultPath; }
    State state() const { return m_state; }
    QUuid vaultId() const { return m_vaultId; }
    const QList<core::AccountInfo> &accounts() const { return m_accounts; }
    core::KdfParams newVaultKdf() const { return m_newVaultKdf; }
    AppSettings *settings() const { return m_settings; }
    quint64 epoch() const { return m_epoch; }

    // Runs `job(WalletCore &)` on the worker, then `done(result)` on the GUI thread unless
    // `context` is gone by then. The result type must be copyable (QFuture stores it).
    template<typename Job, typename Done> void run(QObject *context, Job job, Done done)
    {
        using T = std::invoke_result_t<Job &, WalletCore &>;
        std::shared_ptr<WalletCore> core = m_core;
        // Continued on the session, not on `context`: the session outlives every job (its
        // destructor waits for them), so Qt never has to post to an object being destroyed on
        // another thread. `context` is then checked where it lives, on the GUI thread.
        // Then posted once more: when the job finished before then() was attached, Qt 6.4 runs
        // the continuation at once inside this call (a direct invokeMethod), and `done` would
        // run before the caller has even returned (and before it showed it is busy).
        QtConcurrent::run(m_worker, [core, job = std::move(job)]() mutable { return job(*core); })
            .then(this,
                  [this, context = QPointer<QObject>(context),
                   done = std::move(done)](T result) mutable {
                      QMetaObject::invokeMethod(
                          this,
                          [context, done = std::move(done), result = std::move(result)]() mutable {
                              if (context)
                                  done(std::move(result));
                          },
                          Qt::QueuedConnection);
                  });
    }

    // Worker side: the public facts of an open wallet.
    static Snapshot snapshotOf(const core::Wallet &wallet);

    // GUI side: a job opened or changed the wallet. Ignored when a lock came in between.
    void applySnapshot(const Snapshot &snapshot, quint64 epoch);
    void lock();

signals:
    void stateChanged();
    void accountsChanged();
    void vaultIdChanged();
    // Just unlocked (by password, device key or creating the vault).
    void unlocked();

private:
    void setState(State state);
    void readVaultId();

    QThreadPool *m_worker; // outlives the session (see the constructor)
    AppSettings *m_settings;
    core::KdfParams m_newVaultKdf;
    std::shared_ptr<WalletCore> m_core = std::make_shared<WalletCore>();
    QString m_vaultPath;
    State m_state = State::NoWallet;
    QUuid m_vaultId;
    QList<core::AccountInfo> m_accounts;
    quint64 m_epoch = 0;
};

} // namespace ovpp::ui
