#pragma once

// Test helpers: a QCoreApplication for the event loop, the pymodbus inverter simulator as a
// child process, and a way to wait for one asynchronous result.

#include "common/Result.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <gtest/gtest.h>

#include <functional>
#include <optional>

namespace ovpp::test {

// The simulator, started with the given arguments on a free port of 127.0.0.1.
class InverterSimulator
{
public:
    explicit InverterSimulator(QStringList args)
    {
        args.prepend(QStringLiteral(OVPP_INVERTER_SIMULATOR));
        args << QStringLiteral("--port") << QStringLiteral("0");
        m_process.setProgram(QStringLiteral(OVPP_SYSTEM_PYTHON3));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(30000)) {
            m_error = QStringLiteral("cannot start the simulator: ") + m_process.errorString();
            return;
        }
        // Wait for the announcement line; a generous bound only guards against a hang.
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process.waitForReadyRead(30000)) {
                m_error = QStringLiteral("simulator did not announce its port: ")
                    + QString::fromLocal8Bit(m_process.readAllStandardError());
                return;
            }
            out += m_process.readAllStandardOutput();
        }
        const QString line = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
        const QString prefix = QStringLiteral("INVERTER_URL=");
        if (!line.startsWith(prefix)) {
            m_error = QStringLiteral("unexpected simulator output: ") + line;
            return;
        }
        const QUrl url(line.mid(prefix.size()));
        m_host = url.host();
        m_port = quint16(url.port());
    }
    ~InverterSimulator() { stop(); }
    InverterSimulator(const InverterSimulator &) = delete;
    InverterSimulator &operator=(const InverterSimulator &) = delete;

    bool ok() const { return m_error.isEmpty() && m_port != 0; }
    const QString &error() const { return m_error; }
    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
    QString m_error;
    QString m_host;
    quint16 m_port = 0;
};

// Runs `start(context, callback)` and spins the event loop until the callback fires. The
// bound only turns a hang into a failure; no test asserts on time.
template<typename T>
std::optional<core::Result<T>>
waitFor(const std::function<void(QObject *, std::function<void(core::Result<T>)>)> &start)
{
    QObject context;
    QEventLoop loop;
    std::optional<core::Result<T>> result;
    start(&context, [&](core::Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(90000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace ovpp::test

// gtest main with a QCoreApplication, so QObject-based code has an event loop.
#define OVPP_SUNSPEC_TEST_MAIN                                                                     \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        QCoreApplication app(argc, argv);                                                          \
        ::testing::InitGoogleTest(&argc, argv);                                                    \
        return RUN_ALL_TESTS();                                                                    \
    }
