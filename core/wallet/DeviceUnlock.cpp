#include "DeviceUnlock.h"

#include "common/Logging.h"

#include <QByteArray>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

// How this works, and why:
// - QtKeychain 0.13 has no "is a keychain there?" call, and on Linux it talks to the Secret
//   Service through libsecret (GDBus), whose requests carry no timeout we control and cannot be
//   cancelled. So every operation first checks the session bus itself (QtDBus, on a worker
//   thread, because connecting is synchronous) and then runs the job under one QTimer. A late
//   answer after the timeout is dropped; the job is only deleted once libsecret has answered,
//   since libsecret keeps a raw pointer to it until then.
// - QtKeychain runs its jobs one after another through a process-wide queue that is not
//   thread-safe, and libsecret answers through the GLib main loop of the calling thread. So a
//   DeviceUnlock is used from one thread with an event loop (the GUI thread in the app, the main
//   thread in the CLI); only the callbacks move to `context`'s thread.

namespace ovpp::core {
namespace {

constexpr auto SecretServiceName = "org.freedesktop.secrets";
constexpr std::size_t VaultKeySize = 32;

// A key no vault can have (vault ids are UUIDs): reading it shows whether the keychain answers,
// without creating anything and without prompting.
QString probeKey()
{
    return QStringLiteral("ovpp-availability-probe");
}

QString entryKey(const QUuid &vaultId)
{
    return vaultId.toString(QUuid::WithoutBraces);
}

QString durationText(std::chrono::milliseconds timeout)
{
    if (timeout.count() % 1000 == 0)
        return QStringLiteral("%1 s").arg(timeout.count() / 1000);
    return QStringLiteral("%1 ms").arg(timeout.count());
}

// Cheap check before anything touches the bus. Without an address GDBus would try to
// "autolaunch" a bus through dbus-launch (which starts a stray bus daemon when $DISPLAY is set),
// so we do not let it get that far. systemd user sessions may leave the variable unset and offer
// the bus at $XDG_RUNTIME_DIR/bus; libdbus and GDBus both find it there.
QString missingSessionBus()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return {};
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + QStringLiteral("/bus")))
        return {};
    return QStringLiteral("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set); the OS "
                          "keychain needs a desktop session — type the password instead");
}

struct BusProbe
{
    bool ok = false;
    QString reason;
};

// Runs on a worker thread: connecting to a bus is synchronous. A private, named connection
// (not QDBusConnection::sessionBus(), which remembers its first failure for the whole process)
// so that a keyring started later is seen.
BusProbe probeSecretService(int timeoutMs)
{
    const QString name = QStringLiteral("ovpp-keychain-probe-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    BusProbe probe;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
        if (!bus.isConnected()) {
            probe.reason = QStringLiteral("cannot connect to the D-Bus session bus (%1); the OS "
                                          "keychain needs a desktop session — type the password "
                                          "instead")
                               .arg(bus.lastError().message());
        } else {
            QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"));
            call << QString::fromLatin1(SecretServiceName);
            const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
            if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
                probe.reason = QStringLiteral("the D-Bus session bus did not answer (%1)")
                                   .arg(reply.errorMessage());
            } else if (!reply.arguments().constFirst().toBool()) {
                probe.reason = QStringLiteral(
                    "no Secret Service is running (nothing owns org.freedesktop.secrets on the "
                    "session bus); start GNOME Keyring or KWallet, or type the password");
            } else {
                probe.ok = true;
            }
        }
    }
    QDBusConnection::disconnectFromBus(name);
    return probe;
}

Error jobError(const QKeychain::Job &job)
{
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no key for this vault in the OS keychain"));
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::Cancelled,
                         QStringLiteral("access to the OS keychain was refused (%1)").arg(detail));
    case QKeychain::AccessDenied:
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("the OS keychain is locked or refused access (%1)").arg(detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("no OS keychain service is available (%1)").arg(detail));
    case QKeychain::CouldNotDeleteEntry:
        return makeError(
            ErrorCode::IoError,
            QStringLiteral("the OS keychain could not delete the entry (%1)").arg(detail));
    case QKeychain::OtherError:
        break;
    }
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("the OS keychain failed (%1)").arg(detail));
}

// Wipes the buffer a job shares with us: QByteArray copies share their data, so this reaches the
// job's own copy as well (libsecret's base64 text inside QtKeychain is out of our reach).
void wipeShared(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        wipe(const_cast<char *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
}

// A buffer that held a secret, wiped when the last shared_ptr to it goes.
struct WipedOnRelease
{
    explicit WipedOnRelease(QByteArray data)
        : bytes(std::move(data))
    { }
    ~WipedOnRelease() { wipeShared(bytes); }
    WipedOnRelease(const WipedOnRelease &) = delete;
    WipedOnRelease &operator=(const WipedOnRelease &) = delete;
    QByteArray bytes;
};

// One keychain request: lives in the calling thread, owns its timer and probe watcher, and goes
// away (deleteLater) once the answer is out. Answers exactly once: the first of result, error
// and timeout wins.
template<typename T> class Operation : public QObject
{
public:
    Operation(QObject *context, std::function<void(T)> done)
        : m_context(context)
        , m_done(std::move(done))
    { }

    bool isFinished() const { return m_finished; }

    void armTimeout(std::chrono::milliseconds timeout, std::function<T()> onTimeout)
    {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, this,
                         [this, onTimeout = std::move(onTimeout)] { finish(onTimeout()); });
        timer->start(timeout);
    }

    void finish(T value)
    {
        if (m_finished)
            return;
        m_finished = true;
        deleteLater();
        if (!m_context || !m_done)
            return;
        // Queued even on the same thread, so callers never see the callback run inside their
        // own call; a context destroyed meanwhile takes the queued call with it.
        auto payload = std::make_shared<T>(std::move(value));
        QMetaObject::invokeMethod(
            m_context.data(), [done = std::move(m_done), payload] { done(std::move(*payload)); },
            Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_context;
    std::function<void(T)> m_done;
    bool m_finished = false;
};

// Bus checks first (cheap one here, the connecting one on a worker thread), then `startJob`.
template<typename T>
void afterBusProbe(Operation<T> *op, std::chrono::milliseconds timeout,
                   std::function<T(const QString &)> unavailable,
                   std::function<void(Operation<T> *)> startJob)
{
    if (const QString why = missingSessionBus(); !why.isEmpty()) {
        qCDebug(lcKeychain) << "keychain unavailable:" << why;
        op->finish(unavailable(why));
        return;
    }
    auto *watcher = new QFutureWatcher<BusProbe>(op);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, op,
        [op, watcher, unavailable = std::move(unavailable), startJob = std::move(startJob)] {
            if (op->isFinished())
                return;
            const BusProbe probe = watcher->result();
            if (!probe.ok) {
                qCDebug(lcKeychain) << "keychain unavailable:" << probe.reason;
                op->finish(unavailable(probe.reason));
                return;
            }
            startJob(op);
        });
    watcher->setFuture(QtConcurrent::run(probeSecretService, static_cast<int>(timeout.count())));
}

// Jobs are never parented to an Operation and never deleted before they finish: libsecret holds
// a raw pointer to them until it answers. `autoDelete` stays off so that our own cleanup (wiping)
// runs first and deletes it.
template<typename JobType> JobType *newJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

template<typename T> std::function<T()> timeoutError(std::chrono::milliseconds timeout)
{
    return [timeout]() -> T {
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("the OS keychain did not answer within %1").arg(durationText(timeout)));
    };
}

template<typename T> std::function<T(const QString &)> unavailableError()
{
    return [](const QString &why) -> T {
        return makeError(ErrorCode::Unavailable, why);
    };
}

} // namespace

DeviceUnlock::DeviceUnlock(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service))
    , m_timeout(timeout)
{ }

void DeviceUnlock::checkAvailable(QObject *context, std::function<void(Availability)> done) const
{
    if (!context)
        return;
    auto *op = new Operation<Availability>(context, std::move(done));
    const auto timeout = m_timeout;
    op->armTimeout(timeout, [timeout] {
        return Availability {
            false,
            QStringLiteral("the OS keychain did not answer within %1").arg(durationText(timeout))};
    });
    const QString service = m_service;
    afterBusProbe<Availability>(
        op, timeout,
        [](const QString &why) {
            return Availability {false, why};
        },
        [service](Operation<Availability> *op) {
            auto *job = newJob<QKeychain::ReadPasswordJob>(service, probeKey());
            QObject::connect(job, &QKeychain::Job::finished, op, [op, job] {
                if (job->error() == QKeychain::NoError
                    || job->error() == QKeychain::EntryNotFound) {
                    op->finish(Availability {true, {}});
                    return;
                }
                op->finish(Availability {false, describe(jobError(*job))});
            });
            QObject::connect(job, &QKeychain::Job::finished, job, [job] {
                wipeShared(job->binaryData());
                job->deleteLater();
            });
            job->start();
        });
}

void DeviceUnlock::store(const QUuid &vaultId, const SecretBytes &vaultKey, QObject *context,
                         std::function<void(Result<void>)> done) const
{
    if (!context)
        return;
    auto *op = new Operation<Result<void>>(context, std::move(done));
    if (vaultId.isNull() || vaultKey.size() != VaultKeySize) {
        op->finish(makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a vault key is %1 bytes with a vault id; got %2 bytes")
                                 .arg(VaultKeySize)
                                 .arg(vaultKey.size())));
        return;
    }
    op->armTimeout(m_timeout, timeoutError<Result<void>>(m_timeout));
    // The only unprotected copy of the key we make. The job shares its buffer; it is wiped when
    // the last holder (the pending operation or the job) lets go, never while a job may still
    // read it.
    auto payload = std::make_shared<WipedOnRelease>(QByteArray(
        reinterpret_cast<const char *>(vaultKey.data()), static_cast<qsizetype>(vaultKey.size())));
    afterBusProbe<Result<void>>(
        op, m_timeout, unavailableError<Result<void>>(),
        [service = m_service, key = entryKey(vaultId), payload](Operation<Result<void>> *op) {
            auto *job = newJob<QKeychain::WritePasswordJob>(service, key);
            job->setBinaryData(payload->bytes);
            QObject::connect(job, &QKeychain::Job::finished, op, [op, job] {
                if (job->error() != QKeychain::NoError) {
                    op->finish(jobError(*job));
                    return;
                }
                qCDebug(lcKeychain) << "vault key stored in the OS keychain";
                op->finish(Result<void> {});
            });
            QObject::connect(job, &QKeychain::Job::finished, job, [job, payload] {
                Q_UNUSED(payload); // keeps the key buffer until the job is gone
                job->deleteLater();
            });
            job->start();
        });
}

void DeviceUnlock::retrieve(const QUuid &vaultId, QObject *context,
                            std::function<void(Result<SecretBytes>)> done) const
{
    if (!context)
        return;
    auto *op = new Operation<Result<SecretBytes>>(context, std::move(done));
    if (vaultId.isNull()) {
        op->finish(makeError(ErrorCode::InvalidArgument, QStringLiteral("no vault id")));
        return;
    }
    op->armTimeout(m_timeout, timeoutError<Result<SecretBytes>>(m_timeout));
    afterBusProbe<Result<SecretBytes>>(
        op, m_timeout, unavailableError<Result<SecretBytes>>(),
        [service = m_service, key = entryKey(vaultId)](Operation<Result<SecretBytes>> *op) {
            auto *job = newJob<QKeychain::ReadPasswordJob>(service, key);
            QObject::connect(job, &QKeychain::Job::finished, op, [op, job] {
                if (job->error() != QKeychain::NoError) {
                    op->finish(jobError(*job));
                    return;
                }
                const QByteArray data = job->binaryData();
                if (static_cast<std::size_t>(data.size()) != VaultKeySize) {
                    op->finish(
                        makeError(ErrorCode::CorruptFile,
                                  QStringLiteral("the OS keychain entry for this vault holds %1 "
                                                 "bytes, not a %2-byte key; turn \"unlock on this "
                                                 "device\" off and on again")
                                      .arg(data.size())
                                      .arg(VaultKeySize)));
                    return;
                }
                op->finish(SecretBytes(reinterpret_cast<const std::uint8_t *>(data.constData()),
                                       VaultKeySize));
            });
            QObject::connect(job, &QKeychain::Job::finished, job, [job] {
                wipeShared(job->binaryData());
                job->deleteLater();
            });
            job->start();
        });
}

void DeviceUnlock::remove(const QUuid &vaultId, QObject *context,
                          std::function<void(Result<void>)> done) const
{
    if (!context)
        return;
    auto *op = new Operation<Result<void>>(context, std::move(done));
    if (vaultId.isNull()) {
        op->finish(makeError(ErrorCode::InvalidArgument, QStringLiteral("no vault id")));
        return;
    }
    op->armTimeout(m_timeout, timeoutError<Result<void>>(m_timeout));
    afterBusProbe<Result<void>>(
        op, m_timeout, unavailableError<Result<void>>(),
        [service = m_service, key = entryKey(vaultId)](Operation<Result<void>> *op) {
            auto *job = newJob<QKeychain::DeletePasswordJob>(service, key);
            QObject::connect(job, &QKeychain::Job::finished, op, [op, job] {
                if (job->error() != QKeychain::NoError) {
                    op->finish(jobError(*job));
                    return;
                }
                op->finish(Result<void> {});
            });
            QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
            job->start();
        });
}

} // namespace ovpp::core
