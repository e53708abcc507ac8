#include "der/sunspec/SunSpecScanner.h"

#include "der/sunspec/SunSpecLogging.h"

#include <QPointer>

#include <algorithm>

namespace ovpp::core {

SunSpecScanner::SunSpecScanner(QObject *parent)
    : QObject(parent)
{ }

SunSpecScanner::~SunSpecScanner()
{
    ++m_generation; // no callback of a running scan fires after this
    qDeleteAll(m_active);
}

Result<QList<QHostAddress>> SunSpecScanner::parseRange(const QString &text)
{
    const QString t = text.trimmed();
    auto ipv4 = [](const QString &s, quint32 *out) {
        QHostAddress a;
        if (!a.setAddress(s.trimmed()) || a.protocol() != QAbstractSocket::IPv4Protocol)
            return false;
        *out = a.toIPv4Address();
        return true;
    };
    auto invalid = [&t](const QString &why) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a scan range: %2").arg(t, why));
    };
    quint32 first = 0, last = 0;
    if (t.contains(QLatin1Char('/'))) {
        bool ok = false;
        const int prefix = t.section(QLatin1Char('/'), 1).toInt(&ok);
        quint32 addr = 0;
        if (!ipv4(t.section(QLatin1Char('/'), 0, 0), &addr))
            return invalid(QStringLiteral("expected an IPv4 address before the /"));
        if (!ok || prefix < 24 || prefix > 32)
            return invalid(QStringLiteral("the prefix must be between /24 and /32"));
        const quint32 mask = prefix == 32 ? 0xFFFFFFFFu : ~((1u << (32 - prefix)) - 1);
        first = addr & mask;
        last = first | ~mask;
        if (prefix <= 30) { // skip network and broadcast addresses
            ++first;
            --last;
        }
    } else if (t.contains(QLatin1Char('-'))) {
        if (!ipv4(t.section(QLatin1Char('-'), 0, 0), &first)
            || !ipv4(t.section(QLatin1Char('-'), 1), &last))
            return invalid(QStringLiteral("expected FIRST-LAST IPv4 addresses"));
        if (last < first)
            return invalid(QStringLiteral("the last address is before the first"));
        if (quint64(last) - first + 1 > quint64(kMaxHosts))
            return invalid(QStringLiteral("more than %1 addresses").arg(kMaxHosts));
    } else {
        if (!ipv4(t, &first))
            return invalid(QStringLiteral("expected an IPv4 address, a /24 or a range"));
        last = first;
    }
    QList<QHostAddress> hosts;
    for (quint64 a = first; a <= last; ++a)
        hosts.append(QHostAddress(quint32(a)));
    return hosts;
}

Result<void> SunSpecScanner::start(const QList<QHostAddress> &hosts,
                                   const SunSpecScanOptions &options, QObject *context,
                                   std::function<void(Result<QList<SunSpecDeviceInfo>>)> done)
{
    if (m_running)
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("a scan is already running"));
    if (hosts.isEmpty() || hosts.size() > kMaxHosts)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a scan covers 1 to %1 addresses, not %2")
                             .arg(kMaxHosts)
                             .arg(hosts.size()));
    m_hosts = hosts;
    m_options = options;
    m_options.concurrency = std::clamp(options.concurrency, 1, kMaxConcurrency);
    QPointer<QObject> ctx(context);
    const bool hasContext = context != nullptr;
    m_done = [ctx, hasContext, done = std::move(done)](Result<QList<SunSpecDeviceInfo>> r) {
        if (!hasContext || ctx)
            done(std::move(r));
    };
    m_found.clear();
    m_next = 0;
    m_scanned = 0;
    m_running = true;
    ++m_generation;
    qCInfo(lcSunSpec) << "scanning" << hosts.size() << "addresses on port" << options.port;
    const quint64 generation = m_generation;
    // Start from the event loop so that `done` and the signals never run inside start().
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation != m_generation)
                return;
            while (m_active.size() < m_options.concurrency && m_next < m_hosts.size())
                launchNext();
        },
        Qt::QueuedConnection);
    return {};
}

void SunSpecScanner::launchNext()
{
    const int index = m_next++;
    SunSpecClientOptions clientOptions;
    clientOptions.timeoutMs = m_options.timeoutMs;
    auto *client = new SunSpecClient(
        SunSpecEndpoint {m_hosts[index].toString(), m_options.port, m_options.unitId},
        clientOptions, this);
    m_active.append(client);
    const quint64 generation = m_generation;
    client->discover(this, [this, client, index, generation](Result<SunSpecDeviceInfo> r) {
        if (generation != m_generation)
            return;
        hostFinished(client, index, std::move(r));
    });
}

void SunSpecScanner::hostFinished(SunSpecClient *client, int index, Result<SunSpecDeviceInfo> r)
{
    m_active.removeOne(client);
    client->deleteLater(); // we are inside one of its callbacks
    ++m_scanned;
    if (r) {
        m_found.append({index, r.value()});
        emit deviceFound(r.value());
    }
    emit progress(m_scanned, int(m_hosts.size()));
    if (!m_running)
        return; // a slot cancelled the scan
    if (m_scanned == m_hosts.size()) {
        std::sort(m_found.begin(), m_found.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        QList<SunSpecDeviceInfo> devices;
        for (const auto &f : m_found)
            devices.append(f.second);
        finish(devices);
        return;
    }
    while (m_active.size() < m_options.concurrency && m_next < m_hosts.size())
        launchNext();
}

void SunSpecScanner::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    for (auto *client : std::as_const(m_active))
        client->deleteLater(); // may be mid-callback; their results are ignored from now on
    m_active.clear();
    qCInfo(lcSunSpec) << "scan cancelled after" << m_scanned << "of" << m_hosts.size();
    auto done = std::move(m_done);
    m_running = false;
    m_done = nullptr;
    const int scanned = m_scanned;
    const int total = int(m_hosts.size());
    QMetaObject::invokeMethod(
        this,
        [done, scanned, total] {
            done(makeError(
                ErrorCode::Cancelled,
                QStringLiteral("scan cancelled after %1 of %2 addresses").arg(scanned).arg(total)));
        },
        Qt::QueuedConnection);
}

void SunSpecScanner::finish(Result<QList<SunSpecDeviceInfo>> result)
{
    m_running = false;
    auto done = std::move(m_done);
    m_done = nullptr;
    qCInfo(lcSunSpec) << "scan finished";
    if (done)
        done(std::move(result));
}

} // namespace ovpp::core
