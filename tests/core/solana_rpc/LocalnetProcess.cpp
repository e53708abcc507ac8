#include "LocalnetProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace ovpp::testing {

LocalnetProcess::~LocalnetProcess()
{
    stop();
}

QString LocalnetProcess::start(const QStringList &extraArguments)
{
    const QString node = QStringLiteral(OVPP_NODE_EXECUTABLE);
    const QDir root(QStringLiteral(OVPP_SOURCE_DIR));
    if (node.isEmpty() || !QFileInfo(node).isExecutable())
        return QStringLiteral(
                   "Node.js (>= 20) was not found when cmake ran; install nodejs and npm, "
                   "run `npm ci` in %1 (scripts/install-node-deps), then re-run cmake")
            .arg(root.path());
    if (!QFileInfo::exists(root.filePath(QStringLiteral("node_modules/litesvm/package.json"))))
        return QStringLiteral("the sandbox's npm packages are missing (%1/node_modules/litesvm): "
                              "run `npm ci` in %1 (scripts/install-node-deps does it)")
            .arg(root.path());
    m_process.setWorkingDirectory(root.path());
    m_process.setProgram(node);
    // Fast slots keep confirmation quick; 150 slots of blockhash validity are still 15 s.
    m_process.setArguments(
        QStringList {root.filePath(QStringLiteral("tests/sandbox/localnet/server.mjs")),
                     QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--slot-ms"),
                     QStringLiteral("100")}
        + extraArguments);
#ifdef Q_OS_LINUX
    // If the test process dies (a crash, a failed assertion that aborts), the localnet goes with
    // it instead of living on as an orphan.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("could not start %1: %2").arg(node, m_process.errorString());
    QByteArray out;
    const QDeadlineTimer deadline(60000); // a hang guard for a loaded machine, not a measurement
    while (!out.contains("USDE_MINT_AUTHORITY=") || !out.endsWith('\n')) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            const QString err = QString::fromUtf8(m_process.readAllStandardError());
            stop();
            return QStringLiteral("the localnet did not come up: %1").arg(err);
        }
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        const QString name = QString::fromLatin1(line.left(eq));
        const QString value = QString::fromLatin1(line.mid(eq + 1)).trimmed();
        if (name == QLatin1String("RPC_URL"))
            m_rpcUrl = QUrl(value);
        else if (name == QLatin1String("FAUCET_URL"))
            m_faucetUrl = QUrl(value);
        else if (name == QLatin1String("USDE_MINT"))
            m_usdeMint = value;
    }
    if (!m_rpcUrl.isValid() || m_rpcUrl.host() != QLatin1String("127.0.0.1"))
        return QStringLiteral("the localnet printed no loopback RPC_URL: %1")
            .arg(QString::fromUtf8(out));
    return {};
}

void LocalnetProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace ovpp::testing
