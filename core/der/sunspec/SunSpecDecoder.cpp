#include "der/sunspec/SunSpecDecoder.h"

#include <bit>
#include <cmath>
#include <limits>

namespace ovpp::core {

namespace {

// Not-implemented markers per type (sunspec2 mb.py).
constexpr quint16 kNaUint16 = 0xFFFF;
constexpr quint16 kNaInt16 = 0x8000;
constexpr quint32 kNaUint32 = 0xFFFFFFFF;

Error malformed(QString detail)
{
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("not a usable SunSpec register map: %1").arg(detail));
}

// Typed point access into one model's registers (offsets as in the model JSON).
class Points
{
public:
    explicit Points(std::span<const quint16> regs)
        : m_regs(regs)
    { }

    std::optional<quint16> uint16(int off) const
    {
        const quint16 v = m_regs[off];
        return v == kNaUint16 ? std::nullopt : std::optional<quint16>(v);
    }
    std::optional<qint16> int16(int off) const
    {
        const quint16 v = m_regs[off];
        return v == kNaInt16 ? std::nullopt : std::optional<qint16>(static_cast<qint16>(v));
    }
    std::optional<int> sunssf(int off) const
    {
        const auto v = int16(off);
        if (!v)
            return std::nullopt;
        return int(*v);
    }
    std::optional<quint32> uint32(int off) const
    {
        const quint32 v = raw32(off);
        return v == kNaUint32 ? std::nullopt : std::optional<quint32>(v);
    }
    // acc32's "not implemented" marker is 0.
    std::optional<quint32> acc32(int off) const
    {
        const quint32 v = raw32(off);
        return v == 0 ? std::nullopt : std::optional<quint32>(v);
    }
    std::optional<float> float32(int off) const
    {
        const float f = std::bit_cast<float>(raw32(off));
        return std::isnan(f) ? std::nullopt : std::optional<float>(f);
    }
    QString string(int off, int regs) const
    {
        return SunSpecDecoder::decodeString(m_regs.subspan(off, regs));
    }

private:
    quint32 raw32(int off) const { return (quint32(m_regs[off]) << 16) | m_regs[off + 1]; }

    std::span<const quint16> m_regs;
};

template<typename T>
std::optional<qint64> scaled(std::optional<T> raw, std::optional<int> sf, int targetExponent)
{
    if (!raw)
        return std::nullopt;
    return SunSpecDecoder::applyScale(qint64(*raw), sf, targetExponent);
}

std::optional<qint64> scaledFloat(std::optional<float> raw, int targetExponent)
{
    if (!raw)
        return std::nullopt;
    return SunSpecDecoder::scaleFloat(*raw, targetExponent);
}

std::optional<quint64> energyWh(std::optional<qint64> v)
{
    if (!v || *v < 0)
        return std::nullopt;
    return quint64(*v);
}

Result<void> checkHeader(std::span<const quint16> model, std::initializer_list<quint16> ids,
                         int minLength)
{
    if (model.size() < 2)
        return malformed(QStringLiteral("model shorter than its header"));
    bool idOk = false;
    for (quint16 id : ids)
        idOk = idOk || model[0] == id;
    if (!idOk)
        return malformed(QStringLiteral("unexpected model id %1").arg(model[0]));
    if (model[1] < minLength)
        return malformed(QStringLiteral("model %1 has length %2, needs at least %3")
                             .arg(model[0])
                             .arg(model[1])
                             .arg(minLength));
    if (model.size() < std::size_t(model[1]) + 2)
        return malformed(QStringLiteral("model %1 truncated").arg(model[0]));
    return {};
}

} // namespace

bool SunSpecDecoder::isMarker(std::span<const quint16> regs)
{
    return regs.size() >= 2 && regs[0] == kMarkerHigh && regs[1] == kMarkerLow;
}

Result<QList<SunSpecModelEntry>> SunSpecDecoder::walkModelChain(std::span<const quint16> image,
                                                                quint32 baseAddress)
{
    if (!isMarker(image))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no SunSpec marker (SunS) at address %1").arg(baseAddress));
    QList<SunSpecModelEntry> models;
    std::size_t offset = 2;
    while (true) {
        if (offset + 1 > image.size())
            return malformed(QStringLiteral("model chain runs past the register map at %1")
                                 .arg(baseAddress + offset));
        if (image[offset] == SunSpecModelId::End)
            return models; // the end marker's length may be missing
        if (offset + 2 > image.size())
            return malformed(
                QStringLiteral("model header cut off at %1").arg(baseAddress + offset));
        if (models.size() >= kMaxModels)
            return malformed(QStringLiteral("more than %1 models").arg(kMaxModels));
        const SunSpecModelEntry entry {image[offset], image[offset + 1],
                                       quint32(baseAddress + offset)};
        models.append(entry);
        offset += std::size_t(entry.length) + 2;
    }
}

Result<SunSpecCommonInfo> SunSpecDecoder::decodeCommon(std::span<const quint16> model)
{
    // Older maps say L = 65 (no Pad), current ones 66: both carry every point up to DA.
    if (auto ok = checkHeader(model, {SunSpecModelId::Common}, 65); !ok)
        return ok.error();
    const Points p(model);
    SunSpecCommonInfo info;
    info.manufacturer = p.string(2, 16);
    info.model = p.string(18, 16);
    info.options = p.string(34, 8);
    info.version = p.string(42, 8);
    info.serialNumber = p.string(50, 16);
    info.deviceAddress = p.uint16(66);
    return info;
}

Result<SunSpecInverterReading> SunSpecDecoder::decodeInverter(std::span<const quint16> model)
{
    if (model.size() >= 1 && isFloatInverterModel(model[0])) {
        if (auto ok = checkHeader(model, {111, 112, 113}, 60); !ok)
            return ok.error();
        const Points p(model);
        SunSpecInverterReading r;
        r.modelId = model[0];
        r.acCurrentMilliamps = scaledFloat(p.float32(2), -3);
        r.phaseVoltageAMillivolts = scaledFloat(p.float32(16), -3);
        r.acPowerMilliwatts = scaledFloat(p.float32(22), -3);
        r.frequencyMillihertz = scaledFloat(p.float32(24), -3);
        r.lifetimeEnergyWh = energyWh(scaledFloat(p.float32(32), 0));
        r.dcPowerMilliwatts = scaledFloat(p.float32(38), -3);
        r.cabinetTemperatureMillicelsius = scaledFloat(p.float32(40), -3);
        r.operatingState = p.uint16(48);
        r.events1 = p.uint32(50);
        return r;
    }
    if (auto ok = checkHeader(model, {101, 102, 103}, 50); !ok)
        return ok.error();
    const Points p(model);
    SunSpecInverterReading r;
    r.modelId = model[0];
    r.acCurrentMilliamps = scaled(p.uint16(2), p.sunssf(6), -3);
    r.phaseVoltageAMillivolts = scaled(p.uint16(10), p.sunssf(13), -3);
    r.acPowerMilliwatts = scaled(p.int16(14), p.sunssf(15), -3);
    r.frequencyMillihertz = scaled(p.uint16(16), p.sunssf(17), -3);
    r.lifetimeEnergyWh = energyWh(scaled(p.acc32(24), p.sunssf(26), 0));
    r.dcPowerMilliwatts = scaled(p.int16(31), p.sunssf(32), -3);
    r.cabinetTemperatureMillicelsius = scaled(p.int16(33), p.sunssf(37), -3);
    r.operatingState = p.uint16(38);
    r.events1 = p.uint32(40);
    return r;
}

Result<SunSpecMpptReading> SunSpecDecoder::decodeMppt(std::span<const quint16> model)
{
    constexpr int kFixed = 8; // DCA_SF .. TmsPer
    constexpr int kModule = 20;
    if (auto ok = checkHeader(model, {SunSpecModelId::Mppt}, kFixed); !ok)
        return ok.error();
    const Points p(model);
    const auto count = p.uint16(8).value_or(0);
    if (kFixed + count * kModule > model[1])
        return malformed(
            QStringLiteral("model 160 says %1 modules but has length %2").arg(count).arg(model[1]));
    const auto dcaSf = p.sunssf(2), dcvSf = p.sunssf(3), dcwSf = p.sunssf(4), whSf = p.sunssf(5);
    SunSpecMpptReading r;
    for (int i = 0; i < count; ++i) {
        const int o = 2 + kFixed + i * kModule;
        SunSpecMpptModule m;
        m.inputId = p.uint16(o).value_or(quint16(i + 1));
        m.label = p.string(o + 1, 8);
        m.dcCurrentMilliamps = scaled(p.uint16(o + 9), dcaSf, -3);
        m.dcVoltageMillivolts = scaled(p.uint16(o + 10), dcvSf, -3);
        m.dcPowerMilliwatts = scaled(p.uint16(o + 11), dcwSf, -3);
        m.lifetimeEnergyWh = energyWh(scaled(p.acc32(o + 12), whSf, 0));
        m.operatingState = p.uint16(o + 17);
        r.modules.append(m);
    }
    return r;
}

Result<SunSpecBatteryReading> SunSpecDecoder::decodeBattery(std::span<const quint16> model)
{
    if (auto ok = checkHeader(model, {SunSpecModelId::Battery}, 62); !ok)
        return ok.error();
    const Points p(model);
    SunSpecBatteryReading r;
    r.capacityWh = energyWh(scaled(p.uint16(3), p.sunssf(53), 0));
    // Percent in 10^-3 units: milli-percent.
    r.stateOfChargeMillipercent = scaled(p.uint16(11), p.sunssf(56), -3);
    r.chargeStatus = p.uint16(16);
    r.bankState = p.uint16(22);
    r.voltageMillivolts = scaled(p.uint16(34), p.sunssf(59), -3);
    r.powerMilliwatts = scaled(p.int16(47), p.sunssf(63), -3);
    return r;
}

std::optional<qint64> SunSpecDecoder::applyScale(qint64 raw, std::optional<int> sf,
                                                 int targetExponent)
{
    if (!sf || *sf < -10 || *sf > 10)
        return std::nullopt;
    int shift = *sf - targetExponent;
    qint64 value = raw;
    if (shift >= 0) {
        for (; shift > 0; --shift) {
            if (__builtin_mul_overflow(value, qint64(10), &value))
                return std::nullopt;
        }
        return value;
    }
    qint64 divisor = 1;
    for (; shift < 0; ++shift) {
        if (__builtin_mul_overflow(divisor, qint64(10), &divisor))
            return qint64(raw < 0 ? -1 : 0); // |raw| < divisor: floors to -1 or 0
    }
    qint64 q = value / divisor;
    if (value % divisor != 0 && value < 0)
        --q; // floor, not truncation toward zero
    return q;
}

std::optional<qint64> SunSpecDecoder::scaleFloat(float value, int targetExponent)
{
    if (!std::isfinite(value))
        return std::nullopt;
    // Float models carry floats on the wire; converting to our integer units is the only place
    // a binary float is touched, and the result is rounded to the target unit.
    const double v = std::floor(double(value) * std::pow(10.0, -targetExponent) + 0.5);
    if (v < double(std::numeric_limits<qint64>::min())
        || v >= double(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return qint64(v);
}

QString SunSpecDecoder::decodeString(std::span<const quint16> regs)
{
    QByteArray bytes;
    bytes.reserve(int(regs.size() * 2));
    for (quint16 r : regs) {
        bytes.append(char(r >> 8));
        bytes.append(char(r & 0xFF));
    }
    const auto nul = bytes.indexOf('\0');
    if (nul >= 0)
        bytes.truncate(nul);
    return QString::fromLatin1(bytes).trimmed();
}

} // namespace ovpp::core
