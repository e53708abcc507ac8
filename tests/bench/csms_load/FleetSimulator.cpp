#include "FleetSimulator.h"

#include <QJsonDocument>

#include <cstdio>

namespace ovpp::bench {

FleetSimulator::FleetSimulator(QString nodeExecutable, QString script, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
{
    m_process.setProgram(nodeExecutable);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &FleetSimulator::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray text = m_process.readAllStandardError();
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus st) {
        readOutput();
        m_exitCode = st == QProcess::NormalExit ? exitCode : -1;
        Q_EMIT finished();
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_problems.append(
                QJsonObject {{"event", "failedToStart"}, {"message", m_process.errorString()}});
            Q_EMIT finished();
        }
    });
}

FleetSimulator::~FleetSimulator()
{
    // Never leave a thousand charge points running behind us.
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect(this);
    m_process.kill();
    m_process.waitForFinished(5000);
}

void FleetSimulator::start(const QStringList &arguments)
{
    m_process.setArguments(QStringList {m_script} + arguments);
    m_process.start();
}

void FleetSimulator::stop()
{
    m_stopping = true;
    m_process.terminate();
}

void FleetSimulator::readOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype start = 0;
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n', start)) >= 0) {
        const QJsonObject event = QJsonDocument::fromJson(m_buffer.mid(start, nl - start)).object();
        if (!event.isEmpty())
            handleEvent(event);
        start = nl + 1;
    }
    m_buffer.remove(0, start);
}

void FleetSimulator::handleEvent(const QJsonObject &event)
{
    const QString name = event.value(QLatin1String("event")).toString();
    if (name == QLatin1String("summary")) {
        ChargerSummary s;
        s.connected = event.value(QLatin1String("connected")).toBool();
        s.sent = event.value(QLatin1String("sent")).toInteger();
        s.acked = event.value(QLatin1String("acked")).toInteger();
        s.callErrors = event.value(QLatin1String("callErrors")).toInteger();
        s.timeouts = event.value(QLatin1String("timeouts")).toInteger();
        m_summaries.insert(event.value(QLatin1String("id")).toString(), s);
    } else if (name == QLatin1String("fleetSummary")) {
        m_fleetSummary = event;
    } else if (name == QLatin1String("strictValidationFailure")
               || name == QLatin1String("badMessage") || name == QLatin1String("error")
               || name == QLatin1String("connectFailed") || name == QLatin1String("exit")
               || (name == QLatin1String("disconnected") && !m_stopping)) {
        if (m_problems.size() < 20) // the first few say what went wrong; the count is enough
            std::fprintf(stderr, "simulator: %s\n",
                         QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
        m_problems.append(event);
    }
}

} // namespace ovpp::bench
