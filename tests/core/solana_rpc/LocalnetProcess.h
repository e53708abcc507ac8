#pragma once

// Starts the sandbox localnet (tests/sandbox/localnet/server.mjs: node + litesvm) on a free
// loopback port for one test and stops it afterwards. start() fails with a clear message when
// node or the npm packages are missing: these tests never skip.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ovpp::testing {

class LocalnetProcess
{
public:
    LocalnetProcess() = default;
    ~LocalnetProcess();
    LocalnetProcess(const LocalnetProcess &) = delete;
    LocalnetProcess &operator=(const LocalnetProcess &) = delete;

    // Empty on success, otherwise what went wrong and how to fix it.
    // `extraArguments` go to server.mjs (e.g. --blockhash-ttl-slots 10 for expiry tests).
    QString start(const QStringList &extraArguments = {});
    void stop();

    QUrl rpcUrl() const { return m_rpcUrl; }
    QUrl faucetUrl() const { return m_faucetUrl; }
    QString usdeMint() const { return m_usdeMint; }

private:
    QProcess m_process;
    QUrl m_rpcUrl;
    QUrl m_faucetUrl;
    QString m_usdeMint;
};

} // namespace ovpp::testing
