#pragma once

// "Unlock on this device": the vault key kept in the OS keychain (Secret Service on Linux,
// through QtKeychain), so the user need not type the password. Optional: where no keychain
// service exists the feature reports itself unavailable, with the reason, and never hangs.
// Asynchronous: callbacks run on the thread of `context`, and never after it is destroyed. Call it
// from one thread that runs a Qt event loop (QtKeychain's jobs need one); a job that times out
// is left to finish in the background, since QtKeychain 0.13 cannot cancel it.

#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <chrono>
#include <functional>

namespace ovpp::core {

class DeviceUnlock
{
public:
    // `service` names our entries in the keychain; tests use their own.
    explicit DeviceUnlock(QString service = QStringLiteral("OpenVPP World"),
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

    struct Availability
    {
        bool available = false;
        QString reason; // why not, in English, when unavailable
    };

    void checkAvailable(QObject *context, std::function<void(Availability)> done) const;
    void store(const QUuid &vaultId, const SecretBytes &vaultKey, QObject *context,
               std::function<void(Result<void>)> done) const;
    // NotFound when no key is stored for this vault.
    void retrieve(const QUuid &vaultId, QObject *context,
                  std::function<void(Result<SecretBytes>)> done) const;
    void remove(const QUuid &vaultId, QObject *context,
                std::function<void(Result<void>)> done) const;

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace ovpp::core
