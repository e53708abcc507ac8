// The Devices page's model against the real device side: DeviceNetwork on its own thread
// polling the pymodbus SunSpec inverter simulator, and an ocpp-rpc strict charge point sending
// meter values. Cards must appear with live values, in words and exact units.

#include "../core/der_network/ChargePointSimulator.h"
#include "../core/sunspec/SunSpecTestSupport.h"
#include "DeviceFormat.h"
#include "DeviceTestSupport.h"
#include "DevicesViewModel.h"
#include "der/ocpp/CentralSystem.h"

#include <QAbstractItemModelTester>
#include <QLocale>

#include <gtest/gtest.h>

using namespace ovpp;
using ovpp::test::ChargePointSimulator;
using ovpp::test::DeviceRig;
using ovpp::test::InverterSimulator;
using Roles = ui::DevicesViewModel::Role;

namespace {

QString role(const ui::DevicesViewModel &vm, int row, Roles r)
{
    return vm.data(vm.index(row), r).toString();
}

class DeviceFormatTest : public ::testing::Test
{
protected:
    void SetUp() override { QLocale::setDefault(QLocale::c()); }
};

} // namespace

TEST_F(DeviceFormatTest, PowerIsExactAndRounded)
{
    EXPECT_EQ(ui::DeviceFormat::power(0), QStringLiteral("0 W"));
    EXPECT_EQ(ui::DeviceFormat::power(949'499), QStringLiteral("949 W"));
    EXPECT_EQ(ui::DeviceFormat::power(949'500), QStringLiteral("950 W"));
    EXPECT_EQ(ui::DeviceFormat::power(999'400), QStringLiteral("999 W"));
    EXPECT_EQ(ui::DeviceFormat::power(1'000'000), QStringLiteral("1.00 kW"));
    EXPECT_EQ(ui::DeviceFormat::power(1'234'567), QStringLiteral("1.23 kW"));
    EXPECT_EQ(ui::DeviceFormat::power(3'205'000), QStringLiteral("3.21 kW"));
    EXPECT_EQ(ui::DeviceFormat::power(-3'400'000), QStringLiteral("-3.40 kW"));
    EXPECT_EQ(ui::DeviceFormat::power(-400'000), QStringLiteral("-400 W"));
}

TEST_F(DeviceFormatTest, EnergyAndPercent)
{
    EXPECT_EQ(ui::DeviceFormat::energy(820), QStringLiteral("820 Wh"));
    EXPECT_EQ(ui::DeviceFormat::energy(12'345), QStringLiteral("12.35 kWh"));
    EXPECT_EQ(ui::DeviceFormat::energy(12'345'678), QStringLiteral("12.35 MWh"));
    EXPECT_EQ(ui::DeviceFormat::percent(55'500), QStringLiteral("55.5 %"));
    EXPECT_EQ(ui::DeviceFormat::percent(80'000), QStringLiteral("80 %"));
}

TEST_F(DeviceFormatTest, RelativeTimes)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EXPECT_EQ(ui::DeviceFormat::relative(now.addSecs(-2), now), QStringLiteral("just now"));
    EXPECT_EQ(ui::DeviceFormat::relative(now.addSecs(-42), now), QStringLiteral("42 s ago"));
    EXPECT_EQ(ui::DeviceFormat::relative(now.addSecs(-5 * 60 - 3), now),
              QStringLiteral("5 min ago"));
    EXPECT_EQ(ui::DeviceFormat::relative(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
    EXPECT_EQ(ui::DeviceFormat::relative(QDateTime(), now), QStringLiteral("never"));
}

TEST(DevicesViewModelTest, CardsAppearWithLiveValues)
{
    QLocale::setDefault(QLocale::c());
    InverterSimulator inverter({QStringLiteral("--time"), QStringLiteral("12:00"),
                                QStringLiteral("--battery"), QStringLiteral("--battery-soc"),
                                QStringLiteral("62.5")});
    ASSERT_TRUE(inverter.error().isEmpty()) << inverter.error().toStdString();

    DeviceRig rig;
    core::DeviceCatalog catalog(rig.options.catalogPath);
    ASSERT_TRUE(bool(catalog.load()));
    core::PairedDevice inv;
    inv.kind = core::PairedDevice::Kind::Inverter;
    inv.host = inverter.host();
    inv.port = inverter.port();
    inv.unitId = 1;
    inv.manufacturer = QStringLiteral("OpenVPP");
    inv.model = QStringLiteral("SimInverter-3P");
    inv.serialNumber = QStringLiteral("SIM-0001");
    inv.id = core::DeviceCatalog::inverterId(inv.host, inv.port, 1, inv.serialNumber);
    ASSERT_TRUE(bool(catalog.add(inv)));
    core::PairedDevice charger;
    charger.kind = core::PairedDevice::Kind::Charger;
    charger.id = catalog.newChargePointId();
    const core::SecretBytes key = core::ocpp::CentralSystem::generateAuthorizationKey();
    ASSERT_TRUE(bool(catalog.addCharger(charger, key)));

    ui::DevicesViewModel vm(rig.network, rig.catalog.get(), rig.telemetry.get());
    QAbstractItemModelTester tester(&vm, QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_TRUE(rig.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.rowCount() == 2; }, DeviceRig::waitMs));

    const int invRow = vm.indexOf(inv.id);
    const int chRow = vm.indexOf(charger.id);
    ASSERT_GE(invRow, 0);
    ASSERT_GE(chRow, 0);
    EXPECT_EQ(role(vm, invRow, Roles::KindRole), QStringLiteral("inverter"));
    EXPECT_EQ(role(vm, invRow, Roles::MakeModelRole), QStringLiteral("OpenVPP SimInverter-3P"));
    // Until the charger connects, its card says so instead of showing a stale value.
    EXPECT_EQ(role(vm, chRow, Roles::StateRole), QStringLiteral("offline"));

    // The inverter at noon produces; the card shows its power, battery SoC and as-of time.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return role(vm, vm.indexOf(inv.id), Roles::StateRole) == QLatin1String("producing");
        },
        DeviceRig::waitMs));
    const int row = vm.indexOf(inv.id);
    EXPECT_TRUE(role(vm, row, Roles::PowerTextRole).endsWith(QLatin1String(" kW")))
        << role(vm, row, Roles::PowerTextRole).toStdString();
    EXPECT_EQ(role(vm, row, Roles::SocTextRole), QStringLiteral("Battery 62.5 %"));
    EXPECT_TRUE(role(vm, row, Roles::AsOfTextRole).startsWith(QLatin1String("as of ")));
    EXPECT_TRUE(role(vm, row, Roles::AsOfToolTipRole).startsWith(QLatin1String("Measured ")));
    EXPECT_EQ(role(vm, row, Roles::StateTextRole), QStringLiteral("Producing"));
    // Energy today comes from the telemetry store the network writes.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            vm.refresh();
            QTest::qWait(300);
            return role(vm, vm.indexOf(inv.id), Roles::EnergyTodayTextRole)
                .endsWith(QLatin1String(" today"));
        },
        DeviceRig::waitMs));

    // A charger plugs in and charges: its card goes live with power and its state in words.
    ChargePointSimulator sim(
        {QStringLiteral("--url"), rig.wsUrl(), QStringLiteral("--id"), charger.id,
         QStringLiteral("--password"), QString::fromUtf8(key.view().data(), qsizetype(key.size())),
         QStringLiteral("--plug-in"), QStringLiteral("--samples"), QStringLiteral("0"),
         QStringLiteral("--meter-interval-ms"), QStringLiteral("200")});
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int r = vm.indexOf(charger.id);
            return role(vm, r, Roles::StateRole) == QLatin1String("charging")
                && role(vm, r, Roles::PowerTextRole) != QStringLiteral("—");
        },
        DeviceRig::waitMs))
        << role(vm, vm.indexOf(charger.id), Roles::StateRole).toStdString();
    EXPECT_EQ(role(vm, vm.indexOf(charger.id), Roles::StateTextRole), QStringLiteral("Charging"));
    EXPECT_TRUE(sim.problems().isEmpty())
        << ChargePointSimulator::dump(sim.problems()).toStdString();
}

TEST(DevicesViewModelTest, RemoveDropsTheDeviceFromCatalogAndCards)
{
    DeviceRig rig;
    core::DeviceCatalog catalog(rig.options.catalogPath);
    ASSERT_TRUE(bool(catalog.load()));
    core::PairedDevice charger;
    charger.kind = core::PairedDevice::Kind::Charger;
    charger.id = catalog.newChargePointId();
    ASSERT_TRUE(
        bool(catalog.addCharger(charger, core::ocpp::CentralSystem::generateAuthorizationKey())));

    ui::DevicesViewModel vm(rig.network, rig.catalog.get(), rig.telemetry.get());
    ASSERT_TRUE(rig.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.rowCount() == 1; }, DeviceRig::waitMs));
    vm.remove(charger.id);
    EXPECT_TRUE(vm.busy());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.rowCount() == 0 && !vm.busy(); }, DeviceRig::waitMs));
    EXPECT_TRUE(vm.errorText().isEmpty());
    EXPECT_FALSE(rig.loadCatalog().contains(charger.id));

    // Removing what is gone says so.
    vm.remove(charger.id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.busy(); }, DeviceRig::waitMs));
    EXPECT_FALSE(vm.errorText().isEmpty());
}
