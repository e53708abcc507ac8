#pragma once

// The charge point fleet: one node process running tests/sandbox/chargers/chargepoint.mjs in
// fleet mode. Reads its one-JSON-object-per-line stdout and keeps what the load run needs: the
// end-of-run summaries and anything that went wrong.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>

namespace ovpp::bench {

class FleetSimulator : public QObject
{
    Q_OBJECT
public:
    struct ChargerSummary
    {
        bool connected = false;
        qint64 sent = 0;
        qint64 acked = 0;
        qint64 callErrors = 0;
        qint64 timeouts = 0;
    };

    FleetSimulator(QString nodeExecutable, QString script, QObject *parent = nullptr);
    ~FleetSimulator() override;

    void start(const QStringList &arguments);
    // SIGTERM: the fleet stops sending, waits for its answers, prints its summary and exits.
    void stop();
    // SIGKILL, for a fleet that does not exit after stop(); finished() follows.
    void kill() { m_process.kill(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    int exitCode() const { return m_exitCode; }

    const QHash<QString, ChargerSummary> &summaries() const { return m_summaries; }
    const std::optional<QJsonObject> &fleetSummary() const { return m_fleetSummary; }
    // strictValidationFailure, badMessage, error, connectFailed, and disconnections before stop().
    const QList<QJsonObject> &problems() const { return m_problems; }

Q_SIGNALS:
    void finished();

private:
    void readOutput();
    void handleEvent(const QJsonObject &event);

    QString m_script;
    QProcess m_process;
    QByteArray m_buffer;
    bool m_stopping = false;
    int m_exitCode = -1;
    QHash<QString, ChargerSummary> m_summaries;
    std::optional<QJsonObject> m_fleetSummary;
    QList<QJsonObject> m_problems;
};

} // namespace ovpp::bench
