#pragma once

// Plain value types the SunSpec client hands out. Measurements are integers in fixed units
// (milliwatts, watt-hours, millihertz, ...) with the device's scale factor applied exactly;
// a point the device marks "not implemented" is an empty std::optional, never a number.

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace ovpp::core {

// Well-known SunSpec model ids this client understands.
namespace SunSpecModelId {
inline constexpr quint16 Common = 1;
inline constexpr quint16 InverterSinglePhase = 101;
inline constexpr quint16 InverterSplitPhase = 102;
inline constexpr quint16 InverterThreePhase = 103;
inline constexpr quint16 InverterSinglePhaseFloat = 111;
inline constexpr quint16 InverterSplitPhaseFloat = 112;
inline constexpr quint16 InverterThreePhaseFloat = 113;
inline constexpr quint16 Mppt = 160;
inline constexpr quint16 Battery = 802;
inline constexpr quint16 End = 0xFFFF;
} // namespace SunSpecModelId

// Inverter operating state (model 101..113 point St, enum16).
enum class SunSpecOperatingState : quint16 {
    Off = 1,
    Sleeping = 2,
    Starting = 3,
    Mppt = 4,
    Throttled = 5,
    ShuttingDown = 6,
    Fault = 7,
    Standby = 8,
};

// One model in the device's model chain: its id, length (registers after ID and L) and the
// protocol address of its ID register.
struct SunSpecModelEntry
{
    quint16 id = 0;
    quint16 length = 0;
    quint32 address = 0;
};

// Model 1 (Common).
struct SunSpecCommonInfo
{
    QString manufacturer; // Mn
    QString model; // Md
    QString options; // Opt
    QString version; // Vr
    QString serialNumber; // SN
    std::optional<quint16> deviceAddress; // DA
};

// Models 101/102/103 (integer + scale factor) and 111/112/113 (float32).
struct SunSpecInverterReading
{
    quint16 modelId = 0;
    std::optional<qint64> acPowerMilliwatts; // W
    std::optional<qint64> acCurrentMilliamps; // A
    std::optional<qint64> phaseVoltageAMillivolts; // PhVphA
    std::optional<qint64> frequencyMillihertz; // Hz
    std::optional<quint64> lifetimeEnergyWh; // WH (acc32), never negative
    std::optional<qint64> dcPowerMilliwatts; // DCW
    std::optional<qint64> cabinetTemperatureMillicelsius; // TmpCab
    std::optional<quint16> operatingState; // St, raw; see state()
    std::optional<quint32> events1; // Evt1

    std::optional<SunSpecOperatingState> state() const
    {
        if (!operatingState || *operatingState < 1 || *operatingState > 8)
            return std::nullopt;
        return static_cast<SunSpecOperatingState>(*operatingState);
    }
    // OFF, SLEEPING and STANDBY all mean "not producing, nothing wrong": night time.
    bool sleeping() const
    {
        const auto st = state();
        return st == SunSpecOperatingState::Off || st == SunSpecOperatingState::Sleeping
            || st == SunSpecOperatingState::Standby;
    }
};

// Model 160 (multiple MPPT inverter extension).
struct SunSpecMpptModule
{
    quint16 inputId = 0;
    QString label; // IDStr
    std::optional<qint64> dcCurrentMilliamps;
    std::optional<qint64> dcVoltageMillivolts;
    std::optional<qint64> dcPowerMilliwatts;
    std::optional<quint64> lifetimeEnergyWh;
    std::optional<quint16> operatingState; // DCSt
};

struct SunSpecMpptReading
{
    QList<SunSpecMpptModule> modules;
};

// Model 802 (battery base).
struct SunSpecBatteryReading
{
    std::optional<quint64> capacityWh; // WHRtg
    std::optional<qint64> stateOfChargeMillipercent; // SoC: 55.5 % -> 55500
    std::optional<qint64> powerMilliwatts; // W, positive = discharging
    std::optional<qint64> voltageMillivolts; // V
    std::optional<quint16> chargeStatus; // ChaSt: 3 DISCHARGING, 4 CHARGING, ...
    std::optional<quint16> bankState; // State: 3 CONNECTED, 99 FAULT, ...
};

// What discovery learned about one device.
struct SunSpecDeviceInfo
{
    QString host;
    quint16 port = 502;
    quint8 unitId = 1;
    quint32 baseAddress = 40000;
    QList<SunSpecModelEntry> models;
    SunSpecCommonInfo common;

    // The first model of each kind in the chain, if any.
    std::optional<SunSpecModelEntry> findModel(quint16 id) const
    {
        for (const auto &m : models) {
            if (m.id == id)
                return m;
        }
        return std::nullopt;
    }
    std::optional<SunSpecModelEntry> inverterModel() const
    {
        for (const auto &m : models) {
            if ((m.id >= 101 && m.id <= 103) || (m.id >= 111 && m.id <= 113))
                return m;
        }
        return std::nullopt;
    }
};

// One poll of a paired device.
struct SunSpecSnapshot
{
    // False when the device did not answer (inverters often power their network interface
    // down at night); then `sleeping` is true and there are no readings.
    bool responded = true;
    bool sleeping = false;
    std::optional<SunSpecInverterReading> inverter;
    std::optional<SunSpecMpptReading> mppt;
    std::optional<SunSpecBatteryReading> battery;
};

} // namespace ovpp::core
