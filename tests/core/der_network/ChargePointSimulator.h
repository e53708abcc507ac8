#pragma once

// tests/sandbox/chargers/chargepoint.mjs (ocpp-rpc strict-mode charge points) as a child
// process; its stdout is one JSON event per line, collected here. Used by the device network
// tests and the CLI tests.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <csignal>

namespace ovpp::test {

class ChargePointSimulator
{
public:
    static constexpr int waitMs = 30000;

    explicit ChargePointSimulator(QStringList args)
    {
        m_process.setProgram(QStringLiteral(OVPP_NODE_EXECUTABLE));
        m_process.setArguments(QStringList {QStringLiteral(OVPP_CHARGEPOINT_SCRIPT)} + args);
        m_process.setWorkingDirectory(QStringLiteral(OVPP_SOURCE_DIR));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { drain(); });
        m_process.start();
    }

    ~ChargePointSimulator() { stop(); }
    ChargePointSimulator(const ChargePointSimulator &) = delete;
    ChargePointSimulator &operator=(const ChargePointSimulator &) = delete;

    bool started() { return m_process.waitForStarted(10000); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
        drain();
    }

    QList<QJsonObject> events(const QString &name) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &e : m_events) {
            if (e.value(QLatin1String("event")).toString() == name)
                found.append(e);
        }
        return found;
    }

    bool waitForEvent(const QString &name, int count = 1)
    {
        return QTest::qWaitFor([&] { return events(name).size() >= count; }, waitMs);
    }

    // What strict mode found wrong in the central system's messages, and other failures.
    QList<QJsonObject> problems() const
    {
        return events(QStringLiteral("strictValidationFailure"))
            + events(QStringLiteral("badMessage")) + events(QStringLiteral("error"));
    }

    static QString dump(const QList<QJsonObject> &events)
    {
        QJsonArray a;
        for (const QJsonObject &e : events)
            a.append(e);
        return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    }

private:
    void drain()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (!event.isEmpty())
                m_events.append(event);
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
};

} // namespace ovpp::test
