// Fleet load benchmark for the OCPP central system (docs/benchmarks.md, "Fleet load (OCPP)"):
// the real CentralSystem on 127.0.0.1 and N simulated charge points (one node process running
// tests/sandbox/chargers/chargepoint.mjs) sending MeterValues every --meter-interval-ms for
// --duration seconds. Prints one JSON report on stdout (progress on stderr) and exits 0 only if
// every charger connected and every sample arrived exactly once, with no CALLERROR; how fast it
// went is reported, never judged.
//
//   bench_csms_load --chargers 1000 --meter-interval-ms 10000 --duration 300

#include "LoadRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>
#include <sys/resource.h>

namespace {

// A thousand WebSockets on each side of one machine: make sure both processes may open them
// (the node child inherits the limit).
void raiseFileLimit(rlim_t wanted)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("OCPP central system fleet load run (see docs/benchmarks.md)"));
    parser.addHelpOption();
    const QCommandLineOption chargers(QStringLiteral("chargers"), QStringLiteral("charge points"),
                                      QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption interval(QStringLiteral("meter-interval-ms"),
                                      QStringLiteral("time between MeterValues"),
                                      QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("seconds from the fleet's start to SIGTERM"),
                                      QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption stagger(
        QStringLiteral("stagger-ms"),
        QStringLiteral("connections spread over this long (default: one meter interval)"),
        QStringLiteral("ms"), QStringLiteral("-1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("port on 127.0.0.1 (0: any free one)"),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat"),
                                       QStringLiteral("Heartbeat interval handed to chargers"),
                                       QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("node executable"),
                                  QStringLiteral("path"), QStringLiteral(OVPP_NODE_EXECUTABLE));
    const QCommandLineOption script(
        QStringLiteral("script"), QStringLiteral("the charge point simulator"),
        QStringLiteral("path"), QStringLiteral(OVPP_CHARGEPOINT_SCRIPT));
    parser.addOptions({chargers, interval, duration, stagger, port, heartbeat, node, script});
    parser.process(app);

    ovpp::bench::LoadRun::Options options;
    bool ok = true;
    const auto number = [&](const QCommandLineOption &option, int min, int max) {
        bool valid = false;
        const int v = parser.value(option).toInt(&valid);
        if (!valid || v < min || v > max) {
            std::fprintf(stderr, "--%s must be a number from %d to %d\n",
                         qPrintable(option.names().constFirst()), min, max);
            ok = false;
        }
        return v;
    };
    options.chargers = number(chargers, 1, 9999);
    options.meterIntervalMs = number(interval, 100, 3'600'000);
    options.durationSeconds = number(duration, 1, 86'400);
    options.staggerMs = number(stagger, -1, 3'600'000);
    options.port = static_cast<quint16>(number(port, 0, 65535));
    options.heartbeatSeconds = number(heartbeat, 1, 86'400);
    options.nodeExecutable = parser.value(node);
    options.script = parser.value(script);
    if (!ok)
        return 2;

    raiseFileLimit(rlim_t(options.chargers) * 2 + 256);
    // Per-connection info lines would be a thousand lines of noise and cost CPU we measure.
    QLoggingCategory::setFilterRules(QStringLiteral("ovpp.ocpp.info=false"));

    ovpp::bench::LoadRun run(options);
    int exitCode = 1;
    QObject::connect(&run, &ovpp::bench::LoadRun::finished, &app,
                     [&](const QJsonObject &report, bool passed) {
                         const QByteArray json = QJsonDocument(report).toJson();
                         std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
                         std::fflush(stdout);
                         exitCode = passed ? 0 : 1;
                         app.quit();
                     });
    if (const auto started = run.start(); !started.ok()) {
        std::fprintf(stderr, "cannot start: %s\n", qPrintable(started.error().detail));
        return 2;
    }
    app.exec();
    return exitCode;
}
