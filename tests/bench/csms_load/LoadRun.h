#pragma once

// One load run: the real CentralSystem on 127.0.0.1, N paired charge points, the simulated fleet
// sending MeterValues for a while, then a comparison of what was sent with what arrived, and the
// resources both sides used. The result is a JSON object; `passed` is about counts only (nothing
// lost, repeated or refused), never about how fast anything was.

#include "FleetSimulator.h"
#include "SequenceLedger.h"
#include "common/Result.h"
#include "der/ocpp/CentralSystem.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

namespace ovpp::bench {

class LoadRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int chargers = 1000;
        int meterIntervalMs = 10000;
        int durationSeconds = 300; // from the fleet's start until SIGTERM
        int staggerMs = -1; // -1: one meter interval
        quint16 port = 0;
        int heartbeatSeconds = 300;
        QString nodeExecutable;
        QString script;
    };

    explicit LoadRun(Options options, QObject *parent = nullptr);
    ~LoadRun() override;

    core::Result<void> start();

Q_SIGNALS:
    void finished(const QJsonObject &report, bool passed);

private:
    core::Result<void> writeCredentialsAndPair(const QString &path);
    void onChargerChanged(const QString &chargePointId);
    void onFleetFinished();
    void onTick();
    void reportProgress();

    Options m_options;
    core::ocpp::CentralSystem m_centralSystem;
    FleetSimulator m_fleet;
    QTemporaryDir m_tempDir;
    SequenceLedger m_ledger;

    QSet<QString> m_connected;
    qint64 m_peakConnected = 0;
    QSet<QString> m_charging; // reached "Charging" at least once
    qint64 m_allChargingMs = -1; // since the fleet started
    qint64 m_refused = 0;
    qint64 m_disconnectsDuringRun = 0;
    bool m_stopping = false;

    QElapsedTimer m_clock; // since the fleet started
    qint64 m_stopAtMs = 0;
    qint64 m_cpuAtStartUs = 0;
    qint64 m_cpuAtAllChargingUs = -1; // steady state: every charger connected and charging
    qint64 m_cpuAtStopUs = 0;
    QTimer m_tick; // event loop lag and progress
    qint64 m_lastTickMs = 0;
    qint64 m_maxLagMs = 0;
    qint64 m_lastProgressMs = 0;
    QTimer m_stopTimer;
    QTimer m_drainTimeout;
};

} // namespace ovpp::bench
