#pragma once

// Scans a small IPv4 range (at most a /24) for SunSpec Modbus TCP devices: a bounded number
// of discoveries run in parallel, progress is reported after each host, and the scan can be
// cancelled at any time.

#include "common/Result.h"
#include "der/sunspec/SunSpecClient.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <functional>

namespace ovpp::core {

struct SunSpecScanOptions
{
    quint16 port = 502;
    quint8 unitId = 1;
    int concurrency = 16; // discoveries in flight at once
    int timeoutMs = 1500; // per connect and per request
};

class SunSpecScanner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxHosts = 256;
    static constexpr int kMaxConcurrency = 64;

    explicit SunSpecScanner(QObject *parent = nullptr);
    ~SunSpecScanner() override;

    // "192.168.1.0/24" (prefix 24..32; network and broadcast addresses are skipped for /24
    // to /30), "192.168.1.10-192.168.1.20", or a single address. IPv4 only.
    static Result<QList<QHostAddress>> parseRange(const QString &text);

    // Starts a scan; `done` runs once, later, with every device found (in host order), or with
    // ErrorCode::Cancelled after cancel(). Fails at once if a scan is running or the list is
    // empty or longer than kMaxHosts.
    Result<void> start(const QList<QHostAddress> &hosts, const SunSpecScanOptions &options,
                       QObject *context,
                       std::function<void(Result<QList<SunSpecDeviceInfo>>)> done);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int scanned, int total);
    void deviceFound(const ovpp::core::SunSpecDeviceInfo &device);

private:
    void launchNext();
    void hostFinished(SunSpecClient *client, int index, Result<SunSpecDeviceInfo> result);
    void finish(Result<QList<SunSpecDeviceInfo>> result);

    QList<QHostAddress> m_hosts;
    SunSpecScanOptions m_options;
    std::function<void(Result<QList<SunSpecDeviceInfo>>)> m_done;
    QList<SunSpecClient *> m_active;
    QList<std::pair<int, SunSpecDeviceInfo>> m_found;
    int m_next = 0;
    int m_scanned = 0;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace ovpp::core
