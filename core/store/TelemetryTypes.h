#pragma once

// Plain value types of the telemetry store. Values are integers in a fixed base unit per kind
// (never floating point), so sums, averages and rollups are exact and reproducible.

#include <QList>
#include <QtGlobal>

namespace ovpp::core {

// What a reading measures, and in which integer unit. Stored as its number: never renumber.
enum class TelemetryKind : int {
    AcPowerMilliwatts = 1, // instantaneous AC power (negative = consumption)
    EnergyWattHours = 2, // lifetime energy counter
    StateOfChargePermille = 3, // battery or EV state of charge, 0..1000
    VoltageMillivolts = 4,
    CurrentMilliamps = 5,
    TemperatureMillicelsius = 6,
    DeviceStatus = 7, // protocol status code (SunSpec St, OCPP status)
};

struct TelemetryReading
{
    qint64 device = 0; // from TelemetryStore::deviceId()
    TelemetryKind kind = TelemetryKind::AcPowerMilliwatts;
    qint64 tsMs = 0; // milliseconds since the Unix epoch, UTC, >= 0
    qint64 value = 0;
};

struct TelemetrySample
{
    qint64 tsMs = 0;
    qint64 value = 0;
};

// One chart point: the aggregate of every reading in [startMs, startMs + bucket length).
struct TelemetryBucket
{
    qint64 startMs = 0;
    qint64 count = 0; // readings aggregated (raw readings plus those folded into rollups)
    qint64 min = 0;
    qint64 max = 0;
    qint64 sum = 0;
    qint64 avg = 0; // sum / count, truncated toward zero (SQLite integer division)
    qint64 last = 0; // value of the latest reading in the bucket
    qint64 lastTsMs = 0;
};

// The chart spans the UI offers, each with a bucket length that keeps it under 500 points.
enum class ChartSpan { Day, Week, Month, Year };

struct ChartWindow
{
    qint64 fromMs = 0; // inclusive
    qint64 toMs = 0; // exclusive
    qint64 bucketMs = 0;
};

struct CompactionStats
{
    qint64 readingsRolledUp = 0;
    qint64 hoursWritten = 0; // rollup rows inserted or merged
};

} // namespace ovpp::core
