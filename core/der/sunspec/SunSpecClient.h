#pragma once

// A SunSpec Modbus TCP client for one device (inverter). Requests are queued and sent one at a
// time over a single connection, because many inverters accept only one Modbus master and
// mishandle pipelined requests. Connection failures back off exponentially; a device that
// was discovered and then stops answering (inverters often sleep at night with their network
// interface off) reads as sleeping rather than producing an error on every poll.

#include "common/Result.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QDeadlineTimer>
#include <QList>
#include <QModbusDevice>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QModbusTcpClient;
class QModbusReply;

namespace ovpp::core {

struct SunSpecEndpoint
{
    QString host;
    quint16 port = 502;
    quint8 unitId = 1;
};

struct SunSpecClientOptions
{
    int timeoutMs = 3000; // per connect attempt and per request
    int initialBackoffMs = 1000;
    int maxBackoffMs = 5 * 60 * 1000;
};

class SunSpecClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;

    explicit SunSpecClient(SunSpecEndpoint endpoint, SunSpecClientOptions options = {},
                           QObject *parent = nullptr);
    ~SunSpecClient() override;

    const SunSpecEndpoint &endpoint() const { return m_endpoint; }
    // Set once discover() has succeeded.
    const std::optional<SunSpecDeviceInfo> &deviceInfo() const { return m_info; }

    // Every callback runs on this object's thread, later (never inside the call), and only
    // while `context` is alive. Destroying the client drops pending callbacks unanswered.

    // Holding registers [address, address + count), split into reads of at most 125.
    void readRegisters(quint32 address, quint32 count, QObject *context,
                       Callback<QList<quint16>> done);
    // Finds SunS at 40000, 0 or 50000, walks the model chain and reads the common model.
    void discover(QObject *context, Callback<SunSpecDeviceInfo> done);
    // Reads the inverter model and, when present, MPPT (160) and battery (802) models.
    // Discovers first if needed. A device that stops answering after discovery yields a
    // snapshot with responded == false and sleeping == true, not an error.
    void readSnapshot(QObject *context, Callback<SunSpecSnapshot> done);

    void disconnectFromDevice();

    static constexpr quint16 kMaxRegistersPerRead = 125;

private:
    // What became of one read: distinguishes a Modbus exception (the device answered "no")
    // from silence and from transport failures, which discovery treats differently.
    struct Outcome
    {
        enum Kind { Ok, Exception, Timeout, Transport };
        Kind kind = Ok;
        QList<quint16> values;
        QString detail;
    };
    using OutcomeCallback = std::function<void(const Outcome &)>;
    struct Request
    {
        quint32 address = 0;
        quint16 count = 0;
        OutcomeCallback done;
    };
    struct Discovery;

    void enqueue(quint32 address, quint16 count, OutcomeCallback done);
    void readBlock(quint32 address, quint32 count, OutcomeCallback done);
    void schedulePump();
    void pump();
    void startConnect();
    void connectFailed(const QString &reason);
    void onStateChanged(QModbusDevice::State state);
    void onReplyFinished(QModbusReply *reply);
    void finishCurrent(const Outcome &outcome);
    void failQueued(const Outcome &outcome);

    void probeBase(std::shared_ptr<Discovery> d, int index);
    void walkChain(std::shared_ptr<Discovery> d, quint32 address);
    void readCommon(std::shared_ptr<Discovery> d);
    void snapshotFailed(const Outcome &outcome, const Callback<SunSpecSnapshot> &done);
    Error toError(const Outcome &outcome) const;
    QString where() const;

    SunSpecEndpoint m_endpoint;
    SunSpecClientOptions m_options;
    QModbusTcpClient *m_modbus = nullptr;
    QQueue<Request> m_queue;
    bool m_inFlight = false;
    bool m_connecting = false;
    bool m_pumpScheduled = false;
    QString m_lastConnectionError;
    QTimer m_connectTimer;
    int m_failures = 0;
    QDeadlineTimer m_backoffUntil {0};
    bool m_asleep = false;
    std::optional<SunSpecDeviceInfo> m_info;
};

} // namespace ovpp::core
