// ovpp-faultproxy: the test proxy as a program, to run the app or the CLI against a flaky node.
//   ovpp-faultproxy --upstream http://127.0.0.1:8899 [--seed N] [--rate 0.3] [--max-consecutive 2]
//                   [--faults 429,500,malformed,reset,hold,lost-after-forward] [--retry-after 1]
// Prints PROXY_URL=<url> once it listens on 127.0.0.1 and runs until interrupted.
#include "FaultProxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace ovpp::testing;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fault-injecting JSON-RPC proxy (tests only)"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("upstream"), QStringLiteral("Node to forward to."), QStringLiteral("url")},
        {QStringLiteral("seed"), QStringLiteral("Schedule seed."), QStringLiteral("n"),
         QStringLiteral("1")},
        {QStringLiteral("rate"), QStringLiteral("Fault probability."), QStringLiteral("p"),
         QStringLiteral("0.3")},
        {QStringLiteral("max-consecutive"), QStringLiteral("Most faults in a row."),
         QStringLiteral("n"), QStringLiteral("2")},
        {QStringLiteral("faults"), QStringLiteral("Comma-separated fault kinds."),
         QStringLiteral("list"), QStringLiteral("429,500,malformed,reset")},
        {QStringLiteral("retry-after"), QStringLiteral("Retry-After value sent with 429."),
         QStringLiteral("value"), QStringLiteral("1")},
    });
    parser.process(app);
    QTextStream err(stderr);
    const QUrl upstream(parser.value(QStringLiteral("upstream")));
    if (!upstream.isValid() || upstream.host().isEmpty()) {
        err << "ovpp-faultproxy: --upstream http://host:port is required\n";
        return 2;
    }
    QList<Fault> kinds;
    const QList<Fault> all {Fault::Hold,      Fault::TooManyRequests, Fault::ServerError,
                            Fault::Malformed, Fault::Reset,           Fault::LostAfterForward};
    for (const QString &name : parser.value(QStringLiteral("faults")).split(QLatin1Char(','))) {
        const auto it = std::find_if(all.begin(), all.end(),
                                     [&](Fault f) { return faultName(f) == name.trimmed(); });
        if (it == all.end()) {
            err << "ovpp-faultproxy: unknown fault " << name << '\n';
            return 2;
        }
        kinds.append(*it);
    }
    FaultProxy proxy(upstream);
    proxy.setSchedule(FaultSchedule::seeded(parser.value(QStringLiteral("seed")).toUInt(),
                                            parser.value(QStringLiteral("rate")).toDouble(),
                                            parser.value(QStringLiteral("max-consecutive")).toInt(),
                                            kinds));
    proxy.setRetryAfter(parser.value(QStringLiteral("retry-after")).toLatin1());
    if (!proxy.listen()) {
        err << "ovpp-faultproxy: cannot listen on 127.0.0.1\n";
        return 1;
    }
    QTextStream(stdout) << "PROXY_URL=" << proxy.url().toString() << Qt::endl;
    return app.exec();
}
