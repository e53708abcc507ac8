// SunSpecDecoder: golden.json's register image (decoded independently by pysunspec2), and
// hand-built images for the cases the golden image does not cover.

#include "SunSpecTestSupport.h"
#include "der/sunspec/SunSpecDecoder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <bit>
#include <cmath>
#include <vector>

using namespace ovpp::core;

namespace {

QJsonObject golden()
{
    QFile f(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll())
        .object()
        .value(QStringLiteral("sunspec"))
        .toObject();
}

std::vector<quint16> goldenImage(const QJsonObject &g)
{
    std::vector<quint16> regs;
    const auto words = g.value(QStringLiteral("registers_from_base_hex"))
                           .toString()
                           .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const auto &w : words)
        regs.push_back(quint16(w.toUInt(nullptr, 16)));
    return regs;
}

// value * 10^sf in units of 10^-3, computed exactly in integers from the JSON's raw value and
// scale factor (independent of the decoder's own arithmetic).
std::optional<qint64> expectedMilli(const QJsonObject &raw, const char *point, const char *sf)
{
    const auto v = raw.value(QLatin1String(point));
    const auto s = raw.value(QLatin1String(sf));
    if (v.isNull() || s.isNull())
        return std::nullopt;
    qint64 value = qint64(v.toDouble());
    int exp = s.toInt() + 3;
    while (exp > 0) {
        value *= 10;
        --exp;
    }
    while (exp < 0) {
        value /= 10; // golden values are exact at milli resolution
        ++exp;
    }
    return value;
}

// The same from pysunspec2's scaled (float) value.
std::optional<qint64> scaledMilli(const QJsonObject &scaled, const char *point)
{
    const auto v = scaled.value(QLatin1String(point));
    if (v.isNull())
        return std::nullopt;
    return qint64(std::llround(v.toDouble() * 1000.0));
}

std::vector<quint16> text(const char *s, int regs)
{
    std::vector<quint16> out(std::size_t(regs), 0);
    const QByteArray b(s);
    for (int i = 0; i < b.size(); ++i)
        out[std::size_t(i / 2)] |= quint16(quint8(b[i])) << (i % 2 ? 0 : 8);
    return out;
}

std::vector<quint16> commonModel(int length)
{
    std::vector<quint16> m {1, quint16(length)};
    for (auto part :
         {text("Maker", 16), text("Model-X", 16), text("o", 8), text("2.0", 8), text("SER123", 16)})
        m.insert(m.end(), part.begin(), part.end());
    m.push_back(5); // DA
    if (length == 66)
        m.push_back(0x8000); // Pad
    return m;
}

std::vector<quint16> integerInverter(quint16 id)
{
    std::vector<quint16> m(52, 0xFFFF);
    m[0] = id;
    m[1] = 50;
    for (int sfOffset : {6, 13, 15, 17, 19, 21, 23, 26, 28, 30, 32, 37})
        m[std::size_t(sfOffset)] = 0x8000;
    for (int int16Offset : {14, 18, 20, 22, 31, 33, 34, 35, 36})
        m[std::size_t(int16Offset)] = 0x8000;
    m[24] = 0; // WH acc32 not implemented
    m[25] = 0;
    return m;
}

void putFloat(std::vector<quint16> &m, std::size_t off, float v)
{
    const auto bits = std::bit_cast<quint32>(v);
    m[off] = quint16(bits >> 16);
    m[off + 1] = quint16(bits & 0xFFFF);
}

} // namespace

TEST(SunSpecGolden, ModelChainMatchesTheVector)
{
    const auto g = golden();
    ASSERT_FALSE(g.isEmpty()) << "golden.json has no sunspec section";
    const auto image = goldenImage(g);
    ASSERT_EQ(int(image.size()), g.value(QStringLiteral("register_count")).toInt());
    const quint32 base = quint32(g.value(QStringLiteral("base_address")).toInt());
    const auto addrs = g.value(QStringLiteral("model_addresses")).toObject();

    const auto chain = SunSpecDecoder::walkModelChain(image, base);
    ASSERT_TRUE(chain.ok()) << chain.error().detail.toStdString();
    ASSERT_EQ(chain->size(), 2);
    EXPECT_EQ(chain->at(0).id, 1);
    EXPECT_EQ(int(chain->at(0).address), addrs.value(QStringLiteral("model_1_ID")).toInt());
    EXPECT_EQ(chain->at(1).id, 103);
    EXPECT_EQ(int(chain->at(1).address), addrs.value(QStringLiteral("model_103_ID")).toInt());
    EXPECT_EQ(int(chain->at(1).address + chain->at(1).length + 2),
              addrs.value(QStringLiteral("end_marker")).toInt());
}

TEST(SunSpecGolden, CommonModel)
{
    const auto g = golden();
    const auto image = goldenImage(g);
    const auto expected = g.value(QStringLiteral("decoded_model_1")).toObject();
    const auto chain = SunSpecDecoder::walkModelChain(image, 40000);
    ASSERT_TRUE(chain.ok());
    const auto &m = chain->at(0);
    const auto common
        = SunSpecDecoder::decodeCommon(std::span(image).subspan(m.address - 40000, m.length + 2u));
    ASSERT_TRUE(common.ok()) << common.error().detail.toStdString();
    EXPECT_EQ(common->manufacturer, expected.value(QStringLiteral("Mn")).toString());
    EXPECT_EQ(common->model, expected.value(QStringLiteral("Md")).toString());
    EXPECT_EQ(common->options, expected.value(QStringLiteral("Opt")).toString());
    EXPECT_EQ(common->version, expected.value(QStringLiteral("Vr")).toString());
    EXPECT_EQ(common->serialNumber, expected.value(QStringLiteral("SN")).toString());
    ASSERT_TRUE(common->deviceAddress.has_value());
    EXPECT_EQ(int(*common->deviceAddress), expected.value(QStringLiteral("DA")).toInt());
}

TEST(SunSpecGolden, InverterModelScaledExactly)
{
    const auto g = golden();
    const auto image = goldenImage(g);
    const auto raw = g.value(QStringLiteral("decoded_model_103_raw")).toObject();
    const auto scaled = g.value(QStringLiteral("decoded_model_103_scaled")).toObject();
    const auto chain = SunSpecDecoder::walkModelChain(image, 40000);
    ASSERT_TRUE(chain.ok());
    const auto &m = chain->at(1);
    const auto inv = SunSpecDecoder::decodeInverter(
        std::span(image).subspan(m.address - 40000, m.length + 2u));
    ASSERT_TRUE(inv.ok()) << inv.error().detail.toStdString();
    EXPECT_EQ(inv->modelId, 103);

    EXPECT_EQ(inv->acPowerMilliwatts, expectedMilli(raw, "W", "W_SF"));
    EXPECT_EQ(inv->acPowerMilliwatts, scaledMilli(scaled, "W"));
    EXPECT_EQ(inv->frequencyMillihertz, expectedMilli(raw, "Hz", "Hz_SF"));
    EXPECT_EQ(inv->frequencyMillihertz, scaledMilli(scaled, "Hz"));
    EXPECT_EQ(inv->acCurrentMilliamps, expectedMilli(raw, "A", "A_SF"));
    EXPECT_EQ(inv->acCurrentMilliamps, scaledMilli(scaled, "A"));
    EXPECT_EQ(inv->phaseVoltageAMillivolts, expectedMilli(raw, "PhVphA", "V_SF"));
    EXPECT_EQ(inv->cabinetTemperatureMillicelsius, expectedMilli(raw, "TmpCab", "Tmp_SF"));
    // Not implemented in the vector: absent, not a number.
    EXPECT_TRUE(raw.value(QStringLiteral("DCW")).isNull());
    EXPECT_FALSE(inv->dcPowerMilliwatts.has_value());

    ASSERT_TRUE(inv->lifetimeEnergyWh.has_value());
    EXPECT_EQ(*inv->lifetimeEnergyWh, quint64(scaled.value(QStringLiteral("WH")).toDouble()));
    ASSERT_TRUE(inv->operatingState.has_value());
    EXPECT_EQ(int(*inv->operatingState), raw.value(QStringLiteral("St")).toInt());
    EXPECT_FALSE(inv->sleeping());
    ASSERT_TRUE(inv->events1.has_value());
    EXPECT_EQ(qint64(*inv->events1), qint64(raw.value(QStringLiteral("Evt1")).toDouble()));
}

TEST(SunSpecDecoder, ApplyScaleIsExactAndFloors)
{
    EXPECT_EQ(SunSpecDecoder::applyScale(12345, -1, -3), 1234500);
    EXPECT_EQ(SunSpecDecoder::applyScale(7, 2, 0), 700);
    EXPECT_EQ(SunSpecDecoder::applyScale(12345, -1, 0), 1234); // 1234.5 Wh -> 1234
    EXPECT_EQ(SunSpecDecoder::applyScale(-15, -1, 0), -2); // floor, not toward zero
    EXPECT_EQ(SunSpecDecoder::applyScale(5, -10, 0), 0);
    EXPECT_FALSE(SunSpecDecoder::applyScale(5, std::nullopt, 0).has_value());
    EXPECT_FALSE(SunSpecDecoder::applyScale(5, 11, 0).has_value());
    EXPECT_FALSE(SunSpecDecoder::applyScale(5, -11, 0).has_value());
    EXPECT_FALSE(SunSpecDecoder::applyScale(qint64(0xFFFFFFFF), 10, -10).has_value()); // overflow
}

TEST(SunSpecDecoder, FloatScaling)
{
    EXPECT_EQ(SunSpecDecoder::scaleFloat(2750.5f, -3), 2750500);
    EXPECT_EQ(SunSpecDecoder::scaleFloat(50.02f, -3), 50020);
    EXPECT_FALSE(SunSpecDecoder::scaleFloat(std::nanf(""), -3).has_value());
    EXPECT_FALSE(SunSpecDecoder::scaleFloat(INFINITY, -3).has_value());
}

TEST(SunSpecDecoder, StringsStopAtNul)
{
    const std::vector<quint16> cut {0x4142, 0x0043, 0x4400}; // "AB", NUL, then garbage
    EXPECT_EQ(SunSpecDecoder::decodeString(cut), QStringLiteral("AB"));
    EXPECT_EQ(SunSpecDecoder::decodeString(text("SunSpecTest", 16)), QStringLiteral("SunSpecTest"));
    EXPECT_EQ(SunSpecDecoder::decodeString(text("", 4)), QString());
    EXPECT_EQ(SunSpecDecoder::decodeString(text("odd", 2)), QStringLiteral("odd"));
}

TEST(SunSpecDecoder, CommonModelLength65And66)
{
    for (int length : {65, 66}) {
        const auto m = commonModel(length);
        const auto info = SunSpecDecoder::decodeCommon(m);
        ASSERT_TRUE(info.ok()) << length;
        EXPECT_EQ(info->manufacturer, QStringLiteral("Maker"));
        EXPECT_EQ(info->model, QStringLiteral("Model-X"));
        EXPECT_EQ(info->options, QStringLiteral("o"));
        EXPECT_EQ(info->version, QStringLiteral("2.0"));
        EXPECT_EQ(info->serialNumber, QStringLiteral("SER123"));
        EXPECT_EQ(info->deviceAddress, std::optional<quint16>(5));
    }
    auto shortModel = commonModel(65);
    shortModel[1] = 64;
    shortModel.pop_back();
    EXPECT_FALSE(SunSpecDecoder::decodeCommon(shortModel).ok());
}

TEST(SunSpecDecoder, NotImplementedMarkersAreAbsent)
{
    for (quint16 id : {101, 102, 103}) {
        const auto inv = SunSpecDecoder::decodeInverter(integerInverter(id));
        ASSERT_TRUE(inv.ok()) << id;
        EXPECT_EQ(inv->modelId, id);
        EXPECT_FALSE(inv->acPowerMilliwatts.has_value());
        EXPECT_FALSE(inv->acCurrentMilliamps.has_value());
        EXPECT_FALSE(inv->frequencyMillihertz.has_value());
        EXPECT_FALSE(inv->lifetimeEnergyWh.has_value());
        EXPECT_FALSE(inv->dcPowerMilliwatts.has_value());
        EXPECT_FALSE(inv->operatingState.has_value());
        EXPECT_FALSE(inv->state().has_value());
        EXPECT_FALSE(inv->events1.has_value());
    }
    // A value with a not-implemented scale factor is absent too.
    auto m = integerInverter(103);
    m[14] = 100; // W raw, W_SF still 0x8000
    EXPECT_FALSE(SunSpecDecoder::decodeInverter(m)->acPowerMilliwatts.has_value());
    m[15] = 0;
    EXPECT_EQ(SunSpecDecoder::decodeInverter(m)->acPowerMilliwatts, 100000);
}

TEST(SunSpecDecoder, NegativePowerAndSleepingStates)
{
    auto m = integerInverter(101);
    m[14] = quint16(qint16(-250)); // importing 25.0 W
    m[15] = quint16(qint16(-1));
    for (quint16 st : {1, 2, 8}) {
        m[38] = st;
        const auto inv = SunSpecDecoder::decodeInverter(m);
        EXPECT_TRUE(inv->sleeping()) << st;
    }
    m[38] = 7;
    const auto inv = SunSpecDecoder::decodeInverter(m);
    EXPECT_EQ(inv->state(), SunSpecOperatingState::Fault);
    EXPECT_FALSE(inv->sleeping());
    EXPECT_EQ(inv->acPowerMilliwatts, -25000);
}

TEST(SunSpecDecoder, FloatInverterModel)
{
    std::vector<quint16> m(62, 0);
    m[0] = 113;
    m[1] = 60;
    const float nan = std::nanf("");
    for (std::size_t off = 2; off < 48; off += 2)
        putFloat(m, off, nan);
    putFloat(m, 22, 1234.5f); // W
    putFloat(m, 24, 59.98f); // Hz
    putFloat(m, 32, 4200000.f); // WH
    m[48] = 4;
    m[49] = 0xFFFF;
    const auto inv = SunSpecDecoder::decodeInverter(m);
    ASSERT_TRUE(inv.ok());
    EXPECT_EQ(inv->modelId, 113);
    EXPECT_EQ(inv->acPowerMilliwatts, 1234500);
    EXPECT_EQ(inv->frequencyMillihertz, 59980);
    EXPECT_EQ(inv->lifetimeEnergyWh, 4200000u);
    EXPECT_FALSE(inv->dcPowerMilliwatts.has_value());
    EXPECT_FALSE(inv->acCurrentMilliamps.has_value());
    EXPECT_EQ(inv->state(), SunSpecOperatingState::Mppt);
    m[1] = 59;
    m.pop_back();
    EXPECT_FALSE(SunSpecDecoder::decodeInverter(m).ok());
}

TEST(SunSpecDecoder, MpptModules)
{
    std::vector<quint16> m {160, 48,    quint16(qint16(-1)), quint16(qint16(-1)), 0, 0, 0, 0,
                            2,   0xFFFF};
    for (quint16 i = 1; i <= 2; ++i) {
        std::vector<quint16> module {i};
        const auto label = text(i == 1 ? "East" : "West", 8);
        module.insert(module.end(), label.begin(), label.end());
        module.insert(
            module.end(),
            {quint16(52 * i), 3800, quint16(1000 * i), 0, quint16(500 * i), 0, 0, 30, 4, 0, 0});
        m.insert(m.end(), module.begin(), module.end());
    }
    const auto r = SunSpecDecoder::decodeMppt(m);
    ASSERT_TRUE(r.ok()) << r.error().detail.toStdString();
    ASSERT_EQ(r->modules.size(), 2);
    EXPECT_EQ(r->modules[0].label, QStringLiteral("East"));
    EXPECT_EQ(r->modules[1].label, QStringLiteral("West"));
    EXPECT_EQ(r->modules[1].dcCurrentMilliamps, 10400);
    EXPECT_EQ(r->modules[1].dcVoltageMillivolts, 380000);
    EXPECT_EQ(r->modules[1].dcPowerMilliwatts, 2000000);
    EXPECT_EQ(r->modules[1].lifetimeEnergyWh, 1000u);
    m[8] = 3; // claims more modules than the length holds
    EXPECT_FALSE(SunSpecDecoder::decodeMppt(m).ok());
}

TEST(SunSpecDecoder, BatteryModel)
{
    std::vector<quint16> m(64, 0xFFFF);
    m[0] = 802;
    m[1] = 62;
    m[3] = 1000; // WHRtg, WHRtg_SF 1 -> 10 kWh
    m[11] = 615; // SoC, SoC_SF -1 -> 61.5 %
    m[16] = 4;
    m[22] = 3;
    m[34] = 4001;
    m[47] = quint16(qint16(-1500));
    m[53] = 1;
    m[56] = quint16(qint16(-1));
    m[59] = quint16(qint16(-1));
    m[63] = 0;
    const auto r = SunSpecDecoder::decodeBattery(m);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->capacityWh, 10000u);
    EXPECT_EQ(r->stateOfChargeMillipercent, 61500);
    EXPECT_EQ(r->voltageMillivolts, 400100);
    EXPECT_EQ(r->powerMilliwatts, -1500000);
    EXPECT_EQ(r->chargeStatus, std::optional<quint16>(4));
    EXPECT_EQ(r->bankState, std::optional<quint16>(3));
}

TEST(SunSpecDecoder, ChainErrors)
{
    std::vector<quint16> noMarker {0x1234, 0x5678, 1, 0};
    const auto a = SunSpecDecoder::walkModelChain(noMarker, 40000);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(a.error().detail.contains(QStringLiteral("SunS")));

    // Model 1 claims a length that runs off the end.
    std::vector<quint16> pastEnd {0x5375, 0x6E53, 1, 200, 0, 0};
    EXPECT_FALSE(SunSpecDecoder::walkModelChain(pastEnd, 0).ok());

    // The end marker may come without a length register.
    std::vector<quint16> shortEnd {0x5375, 0x6E53, 64001, 1, 0, 0xFFFF};
    const auto c = SunSpecDecoder::walkModelChain(shortEnd, 50000);
    ASSERT_TRUE(c.ok());
    ASSERT_EQ(c->size(), 1);
    EXPECT_EQ(c->at(0).id, 64001);
    EXPECT_EQ(c->at(0).address, 50002u);
}

OVPP_SUNSPEC_TEST_MAIN
