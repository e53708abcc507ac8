#include "LoadRun.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>

namespace ovpp::bench {

using core::ocpp::ChargerState;
using core::ocpp::ConnectorState;

namespace {

qint64 cpuMicroseconds(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1'000'000
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

double peakRssMiB(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

double rounded(double v, int decimals = 1)
{
    const double scale = decimals == 1 ? 10.0 : decimals == 2 ? 100.0 : 1000.0;
    return std::round(v * scale) / scale;
}

void append(QByteArray &fp, qint64 v)
{
    fp += QByteArray::number(v);
    fp += '|';
}

// Everything a message from the simulator can change, so a chargerChanged that leaves it as it
// was can be told apart (see SequenceLedger). lastSeen is left out on purpose: every message
// moves it.
QByteArray fingerprint(const ChargerState &s)
{
    QByteArray fp;
    fp.reserve(256);
    append(fp, s.connected);
    append(fp, s.online);
    append(fp, s.booted);
    append(fp, s.lastHeartbeat.isValid() ? s.lastHeartbeat.toMSecsSinceEpoch() : -1);
    for (const ConnectorState &c : s.connectors) {
        append(fp, c.connectorId);
        fp += c.status.toUtf8() + '|' + c.errorCode.toUtf8() + '|' + c.info.toUtf8() + '|';
        append(fp, c.statusAt.isValid() ? c.statusAt.toMSecsSinceEpoch() : -1);
        append(fp, c.energy ? c.energy->wattHours : -1);
        append(fp, c.energy ? c.energy->measuredAt.toMSecsSinceEpoch() : -1);
        append(fp, c.power ? qint64(c.power->watts * 1000) : -1);
        append(fp, c.power ? c.power->measuredAt.toMSecsSinceEpoch() : -1);
        append(fp, c.soc ? qint64(c.soc->percent * 1000) : -1);
        append(fp, c.soc ? c.soc->measuredAt.toMSecsSinceEpoch() : -1);
        append(fp, c.transaction ? c.transaction->transactionId : -1);
        append(fp, c.transaction && c.transaction->meterStopWh ? *c.transaction->meterStopWh : -1);
    }
    return fp;
}

} // namespace

LoadRun::LoadRun(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_fleet(m_options.nodeExecutable, m_options.script)
{
    if (m_options.staggerMs < 0)
        m_options.staggerMs = m_options.meterIntervalMs;
    connect(&m_centralSystem, &core::ocpp::CentralSystem::chargerChanged, this,
            &LoadRun::onChargerChanged);
    connect(&m_centralSystem, &core::ocpp::CentralSystem::connectionRefused, this,
            [this](const QString &id, int status, const QString &reason) {
                if (++m_refused <= 5)
                    std::fprintf(stderr, "refused %s: %d %s\n", qPrintable(id), status,
                                 qPrintable(reason));
            });
    connect(&m_fleet, &FleetSimulator::finished, this, &LoadRun::onFleetFinished);
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &LoadRun::onTick);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        m_stopping = true;
        m_stopAtMs = m_clock.elapsed();
        m_cpuAtStopUs = cpuMicroseconds(RUSAGE_SELF);
        std::fprintf(stderr, "stopping the fleet after %lld s\n",
                     static_cast<long long>(m_stopAtMs / 1000));
        m_fleet.stop();
        m_drainTimeout.start();
    });
    // The fleet waits for its answers before it exits; far longer than that means it hangs.
    m_drainTimeout.setSingleShot(true);
    m_drainTimeout.setInterval(120'000);
    connect(&m_drainTimeout, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "the fleet did not exit after SIGTERM; killing it\n");
        m_fleet.kill();
    });
}

LoadRun::~LoadRun() = default;

core::Result<void> LoadRun::start()
{
    using core::ErrorCode;
    if (!m_tempDir.isValid())
        return core::makeError(ErrorCode::IoError, QStringLiteral("no temporary directory"));
    m_centralSystem.setHeartbeatIntervalSeconds(m_options.heartbeatSeconds);
    const QString credentials = m_tempDir.filePath(QStringLiteral("credentials.json"));
    if (auto paired = writeCredentialsAndPair(credentials); !paired.ok())
        return paired;
    if (auto listening = m_centralSystem.listen(QHostAddress::LocalHost, m_options.port);
        !listening.ok())
        return listening;
    const quint16 port = m_centralSystem.port();
    std::fprintf(stderr, "central system on 127.0.0.1:%u, %d chargers paired\n", port,
                 m_options.chargers);

    m_cpuAtStartUs = cpuMicroseconds(RUSAGE_SELF);
    m_clock.start();
    m_fleet.start({QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                   QStringLiteral("--credentials"), credentials, QStringLiteral("--plug-in"),
                   QStringLiteral("--samples"), QStringLiteral("0"), QStringLiteral("--sequence"),
                   QStringLiteral("--quiet"), QStringLiteral("--meter-interval-ms"),
                   QString::number(m_options.meterIntervalMs), QStringLiteral("--stagger-ms"),
                   QString::number(m_options.staggerMs)});
    m_stopTimer.start(m_options.durationSeconds * 1000);
    m_tick.start();
    return {};
}

core::Result<void> LoadRun::writeCredentialsAndPair(const QString &path)
{
    using core::ErrorCode;
    // 0600 from the first byte, and unbuffered so no copy of a key lingers in a Qt buffer.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return core::makeError(ErrorCode::IoError, file.errorString());
    bool ok = file.write("[\n") == 2;
    for (int i = 1; i <= m_options.chargers && ok; ++i) {
        const QString id = QStringLiteral("LOAD-%1").arg(i, 4, 10, QLatin1Char('0'));
        core::SecretBytes key = core::ocpp::CentralSystem::generateAuthorizationKey();
        // The key alphabet needs no JSON escaping.
        const QByteArray head = "{\"id\":\"" + id.toUtf8() + "\",\"password\":\"";
        const QByteArray tail = i < m_options.chargers ? "\"},\n" : "\"}\n";
        ok = file.write(head) == head.size()
            && file.write(reinterpret_cast<const char *>(key.data()), qint64(key.size()))
                == qint64(key.size())
            && file.write(tail) == tail.size();
        if (auto added = m_centralSystem.addCharger(id, std::move(key)); !added.ok())
            return added;
    }
    ok = ok && file.write("]\n") == 2;
    if (!ok)
        return core::makeError(ErrorCode::IoError, file.errorString());
    return {};
}

void LoadRun::onChargerChanged(const QString &chargePointId)
{
    const std::optional<ChargerState> state = m_centralSystem.charger(chargePointId);
    if (!state)
        return;
    if (state->connected) {
        m_connected.insert(chargePointId);
        m_peakConnected = std::max<qint64>(m_peakConnected, m_connected.size());
    } else if (m_connected.remove(chargePointId) && !m_stopping) {
        ++m_disconnectsDuringRun;
    }
    std::optional<qint64> sequence;
    const auto connector = state->connectors.constFind(1);
    if (connector != state->connectors.cend()) {
        if (connector->transaction && connector->transaction->active() && connector->energy)
            sequence = connector->energy->wattHours;
        if (connector->status == QLatin1String("Charging") && !m_charging.contains(chargePointId)) {
            m_charging.insert(chargePointId);
            if (m_charging.size() == m_options.chargers) {
                m_allChargingMs = m_clock.elapsed();
                m_cpuAtAllChargingUs = cpuMicroseconds(RUSAGE_SELF);
            }
        }
    }
    m_ledger.observe(chargePointId, sequence, fingerprint(*state));
}

void LoadRun::onTick()
{
    const qint64 now = m_clock.elapsed();
    if (m_lastTickMs > 0)
        m_maxLagMs = std::max(m_maxLagMs, now - m_lastTickMs - m_tick.interval());
    m_lastTickMs = now;
    if (now - m_lastProgressMs >= 30'000) {
        m_lastProgressMs = now;
        reportProgress();
    }
}

void LoadRun::reportProgress()
{
    const qint64 cpu = cpuMicroseconds(RUSAGE_SELF) - m_cpuAtStartUs;
    std::fprintf(
        stderr, "t=%llds connected=%lld charging=%lld meterValues=%lld cpu=%.1f%% rss=%.0fMiB\n",
        static_cast<long long>(m_clock.elapsed() / 1000),
        static_cast<long long>(m_connected.size()), static_cast<long long>(m_charging.size()),
        static_cast<long long>(m_ledger.received()),
        m_clock.elapsed() > 0 ? 100.0 * double(cpu) / 1000.0 / double(m_clock.elapsed()) : 0.0,
        peakRssMiB(RUSAGE_SELF));
}

void LoadRun::onFleetFinished()
{
    m_tick.stop();
    m_stopTimer.stop();
    m_drainTimeout.stop();
    const qint64 wallMs = m_clock.elapsed();
    const qint64 runMs = m_stopAtMs > 0 ? m_stopAtMs : wallMs;
    const qint64 cpuUs = cpuMicroseconds(RUSAGE_SELF) - m_cpuAtStartUs;

    QHash<QString, qint64> sentPerCharger;
    FleetSimulator::ChargerSummary sim;
    qint64 simConnected = 0;
    qint64 chargersWithoutSamples = 0;
    for (auto it = m_fleet.summaries().cbegin(); it != m_fleet.summaries().cend(); ++it) {
        const FleetSimulator::ChargerSummary &s = it.value();
        sentPerCharger.insert(it.key(), s.sent);
        sim.sent += s.sent;
        sim.acked += s.acked;
        sim.callErrors += s.callErrors;
        sim.timeouts += s.timeouts;
        simConnected += s.connected ? 1 : 0;
        chargersWithoutSamples += s.sent == 0 ? 1 : 0;
    }
    const LedgerTotals totals = m_ledger.compare(sentPerCharger);

    QJsonObject simulator {{"reportedChargers", qint64(m_fleet.summaries().size())},
                           {"connected", simConnected},
                           {"meterValuesSent", sim.sent},
                           {"meterValuesAcked", sim.acked},
                           {"callErrors", sim.callErrors},
                           {"timeouts", sim.timeouts},
                           {"problems", qint64(m_fleet.problems().size())},
                           {"exitCode", m_fleet.exitCode()}};
    const double childCpuS = double(cpuMicroseconds(RUSAGE_CHILDREN)) / 1e6;
    simulator.insert(QStringLiteral("cpuSeconds"), rounded(childCpuS, 2));
    simulator.insert(QStringLiteral("cpuPercentOfOneCore"),
                     rounded(100.0 * childCpuS * 1000.0 / double(wallMs)));
    if (const auto &fleet = m_fleet.fleetSummary())
        simulator.insert(QStringLiteral("peakRssMiB"),
                         rounded(fleet->value(QLatin1String("maxRssKb")).toDouble() / 1024.0));

    const double cpuS = double(cpuUs) / 1e6;
    // From the moment every charger was charging until SIGTERM: MeterValues (and pings,
    // heartbeats) only, without the connection storm or the shutdown.
    double steadyCpuPercent = -1;
    if (m_cpuAtAllChargingUs >= 0 && m_stopAtMs > m_allChargingMs)
        steadyCpuPercent = rounded(100.0 * double(m_cpuAtStopUs - m_cpuAtAllChargingUs) / 1000.0
                                   / double(m_stopAtMs - m_allChargingMs));
    const QJsonObject centralSystem {
        {"cpuSeconds", rounded(cpuS, 2)},
        {"cpuPercentOfOneCore", rounded(100.0 * cpuS * 1000.0 / double(wallMs))},
        {"peakRssMiB", rounded(peakRssMiB(RUSAGE_SELF))},
        {"chargerChangedEvents", totals.events},
        {"meterValuesPerSecond", rounded(double(totals.received) * 1000.0 / double(runMs))},
        {"steadyCpuPercentOfOneCore", steadyCpuPercent},
        {"maxEventLoopLagMs", m_maxLagMs},
        {"refusedHandshakes", m_refused},
        {"disconnectsDuringRun", m_disconnectsDuringRun},
    };
    const QJsonObject meterValues {{"expected", totals.expected},
                                   {"received", totals.received},
                                   {"lost", totals.lost},
                                   {"gaps", totals.gaps},
                                   {"duplicates", totals.duplicates},
                                   {"unexpected", totals.unexpected}};

    const bool passed = m_fleet.exitCode() == 0 && m_fleet.fleetSummary().has_value()
        && m_fleet.summaries().size() == m_options.chargers && simConnected == m_options.chargers
        && m_peakConnected == m_options.chargers && chargersWithoutSamples == 0
        && totals.expected > 0 && totals.lost == 0 && totals.gaps == 0 && totals.duplicates == 0
        && totals.unexpected == 0 && sim.acked == sim.sent && sim.callErrors == 0
        && sim.timeouts == 0 && m_fleet.problems().isEmpty() && m_refused == 0
        && m_disconnectsDuringRun == 0;

    const QJsonObject report {
        {"chargers", m_options.chargers},
        {"meterIntervalMs", m_options.meterIntervalMs},
        {"durationSeconds", m_options.durationSeconds},
        {"staggerMs", m_options.staggerMs},
        {"heartbeatSeconds", m_options.heartbeatSeconds},
        {"connectedAtCentralSystem", m_peakConnected},
        {"allChargingAfterMs", m_allChargingMs},
        {"chargersWithoutSamples", chargersWithoutSamples},
        {"meterValues", meterValues},
        {"centralSystem", centralSystem},
        {"simulator", simulator},
        {"wallSeconds", rounded(double(wallMs) / 1000.0)},
        {"passed", passed},
    };
    Q_EMIT finished(report, passed);
}

} // namespace ovpp::bench
