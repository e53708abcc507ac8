#pragma once

// Pure decoding of SunSpec register images (no I/O), shared by the Modbus client and tests.
// Register layouts follow the sunspec/models JSON definitions (REFERENCE.md section 7).

#include "common/Result.h"
#include "der/sunspec/SunSpecTypes.h"

#include <QList>

#include <optional>
#include <span>

namespace ovpp::core {

class SunSpecDecoder
{
public:
    // The base addresses a SunSpec map may start at, in the order pysunspec2 probes them.
    static constexpr quint32 kBaseAddresses[] = {40000, 0, 50000};
    static constexpr quint16 kMarkerHigh = 0x5375; // "Su"
    static constexpr quint16 kMarkerLow = 0x6E53; // "nS"
    // A guard against devices whose chain never ends.
    static constexpr int kMaxModels = 64;

    static bool isMarker(std::span<const quint16> regs);

    // Walks the model chain of a complete image that starts at `baseAddress` with SunS.
    static Result<QList<SunSpecModelEntry>> walkModelChain(std::span<const quint16> image,
                                                           quint32 baseAddress);

    // Each decoder takes one model's registers starting at its ID register (ID, L, body...).
    static Result<SunSpecCommonInfo> decodeCommon(std::span<const quint16> model);
    static Result<SunSpecInverterReading> decodeInverter(std::span<const quint16> model);
    static Result<SunSpecMpptReading> decodeMppt(std::span<const quint16> model);
    static Result<SunSpecBatteryReading> decodeBattery(std::span<const quint16> model);

    // raw x 10^sf expressed in units of 10^targetExponent, rounded toward negative infinity
    // (an energy counter never claims more than was produced); nullopt on a missing scale
    // factor, one outside SunSpec's -10..10, or overflow.
    static std::optional<qint64> applyScale(qint64 raw, std::optional<int> sf, int targetExponent);
    // The same for a float32 point (models 11x); NaN ("not implemented") gives nullopt.
    static std::optional<qint64> scaleFloat(float value, int targetExponent);

    // Registers -> ASCII, cut at the first NUL.
    static QString decodeString(std::span<const quint16> regs);

    static bool isIntegerInverterModel(quint16 id) { return id >= 101 && id <= 103; }
    static bool isFloatInverterModel(quint16 id) { return id >= 111 && id <= 113; }
};

} // namespace ovpp::core
