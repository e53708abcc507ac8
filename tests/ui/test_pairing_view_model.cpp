// Both pairing flows against real peers: the pymodbus SunSpec inverter simulator (probe shows
// the device before confirming; confirm adds it to the catalog and the network polls it), a
// closed port (a clear error), and an ocpp-rpc strict charge point that boots with the
// credentials the flow shows.

#include "../core/der_network/ChargePointSimulator.h"
#include "../core/sunspec/SunSpecTestSupport.h"
#include "DeviceTestSupport.h"
#include "DevicesViewModel.h"
#include "PairingViewModel.h"
#include "SecretText.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace ovpp;
using ovpp::test::ChargePointSimulator;
using ovpp::test::DeviceRig;
using ovpp::test::InverterSimulator;
using Step = ui::PairingViewModel::ChargerStep;

namespace {

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when `server` goes
}

} // namespace

TEST(PairingViewModelTest, ProbeShowsTheInverterAndConfirmPairsIt)
{
    QLocale::setDefault(QLocale::c());
    InverterSimulator inverter({QStringLiteral("--time"), QStringLiteral("12:30"),
                                QStringLiteral("--serial"), QStringLiteral("SIM-PAIR-7"),
                                QStringLiteral("--version"), QStringLiteral("2.4.1")});
    ASSERT_TRUE(inverter.error().isEmpty()) << inverter.error().toStdString();
    DeviceRig rig;
    ui::DevicesViewModel devices(rig.network, rig.catalog.get(), rig.telemetry.get());
    ui::PairingViewModel vm(rig.network, rig.catalog.get(), nullptr);
    ASSERT_TRUE(rig.start());

    vm.setAddress(QStringLiteral("%1:%2").arg(inverter.host()).arg(inverter.port()));
    vm.setUnitId(1);
    vm.probe();
    EXPECT_TRUE(vm.probing());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.probing(); }, DeviceRig::waitMs));
    ASSERT_TRUE(vm.found()) << vm.inverterError().toStdString();
    EXPECT_EQ(vm.foundManufacturer(), QStringLiteral("OpenVPP"));
    EXPECT_EQ(vm.foundModel(), QStringLiteral("SimInverter-3P"));
    EXPECT_EQ(vm.foundSerial(), QStringLiteral("SIM-PAIR-7"));
    EXPECT_EQ(vm.foundVersion(), QStringLiteral("2.4.1"));
    EXPECT_TRUE(vm.foundPowerText().endsWith(QLatin1String(" kW")))
        << vm.foundPowerText().toStdString();
    // Nothing is saved before the user confirms.
    EXPECT_TRUE(rig.loadCatalog().devices().isEmpty());

    vm.confirmInverter();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return vm.inverterPaired() || !vm.inverterError().isEmpty(); }, DeviceRig::waitMs));
    ASSERT_TRUE(vm.inverterPaired()) << vm.inverterError().toStdString();
    const auto saved = rig.loadCatalog().device(vm.pairedDeviceId());
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->host, inverter.host());
    EXPECT_EQ(saved->port, inverter.port());
    EXPECT_EQ(saved->serialNumber, QStringLiteral("SIM-PAIR-7"));
    EXPECT_EQ(saved->kind, core::PairedDevice::Kind::Inverter);
    // The network re-read the catalog and polls it: a live card.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = devices.indexOf(vm.pairedDeviceId());
            return row >= 0
                && devices.data(devices.index(row), ui::DevicesViewModel::StateRole).toString()
                == QLatin1String("producing");
        },
        DeviceRig::waitMs));

    // Pairing the same inverter again is refused with words, not a duplicate.
    const QString id = vm.pairedDeviceId();
    vm.probe();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.probing(); }, DeviceRig::waitMs));
    ASSERT_TRUE(vm.found());
    vm.confirmInverter();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.confirming(); }, DeviceRig::waitMs));
    EXPECT_FALSE(vm.inverterPaired());
    EXPECT_FALSE(vm.inverterError().isEmpty());
    EXPECT_EQ(rig.loadCatalog().devices().size(), 1);
    EXPECT_TRUE(rig.loadCatalog().contains(id));
}

TEST(PairingViewModelTest, WrongAddressGivesAClearError)
{
    ui::PairingViewModel vm(nullptr, nullptr, nullptr);
    vm.setAddress(QStringLiteral("not an address"));
    vm.probe();
    EXPECT_FALSE(vm.probing());
    EXPECT_FALSE(vm.inverterError().isEmpty());

    vm.setAddress(QStringLiteral("127.0.0.1:%1").arg(closedPort()));
    vm.probe();
    ASSERT_TRUE(vm.probing());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.probing(); }, DeviceRig::waitMs));
    EXPECT_FALSE(vm.found());
    EXPECT_TRUE(vm.inverterError().contains(QLatin1String("No SunSpec device answered")))
        << vm.inverterError().toStdString();
    EXPECT_FALSE(vm.inverterPaired());

    vm.setScanRange(QStringLiteral("10.0.0.0/8"));
    vm.startScan();
    EXPECT_FALSE(vm.scanning());
    EXPECT_FALSE(vm.scanError().isEmpty());
}

TEST(PairingViewModelTest, ScanFindsNothingOnAnEmptyRangeAndReportsProgress)
{
    ui::PairingViewModel vm(nullptr, nullptr, nullptr);
    // Port 502 on loopback addresses where nothing listens (the scanner's default port).
    vm.setScanRange(QStringLiteral("127.0.0.10-127.0.0.13"));
    vm.startScan();
    ASSERT_TRUE(vm.scanning()) << vm.scanError().toStdString();
    EXPECT_EQ(vm.scanTotal(), 4);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.scanning(); }, DeviceRig::waitMs));
    EXPECT_EQ(vm.scanScanned(), 4);
    EXPECT_TRUE(vm.scanResults().isEmpty());
    EXPECT_FALSE(vm.scanSummary().isEmpty());
}

TEST(PairingViewModelTest, ChargerPairingShowsCredentialsAndDetectsTheBoot)
{
    DeviceRig rig;
    ui::PairingViewModel vm(rig.network, rig.catalog.get(), nullptr);
    ASSERT_TRUE(rig.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.centralSystemReady(); }, DeviceRig::waitMs));

    vm.startCharger();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.chargerStep() != Step::Creating; }, DeviceRig::waitMs));
    ASSERT_EQ(vm.chargerStep(), Step::Waiting) << vm.chargerError().toStdString();
    EXPECT_TRUE(vm.chargerId().startsWith(QLatin1String("OVPP-")));
    EXPECT_EQ(vm.chargerUrl(), rig.baseUrl.toString() + vm.chargerId());
    QString password = vm.chargerPassword();
    EXPECT_EQ(password.size(), 20);
    EXPECT_GT(vm.qrSize(), 20);
    // Only a verifier is stored, and it matches the password shown.
    const core::DeviceCatalog saved = rig.loadCatalog();
    ASSERT_TRUE(saved.contains(vm.chargerId()));
    EXPECT_TRUE(
        saved.verifyCharger(vm.chargerId(), core::SecretBytes::fromView(password.toStdString())));
    EXPECT_FALSE(saved.verifyCharger(vm.chargerId(), core::SecretBytes::fromView("wrong")));

    ChargePointSimulator sim({QStringLiteral("--url"), rig.wsUrl(), QStringLiteral("--id"),
                              vm.chargerId(), QStringLiteral("--password"), password});
    ui::wipeString(password);
    ASSERT_TRUE(sim.started());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.chargerStep() == Step::Booted; }, DeviceRig::waitMs));
    EXPECT_FALSE(vm.chargerVendor().isEmpty());
    EXPECT_FALSE(vm.chargerModel().isEmpty());
    EXPECT_TRUE(sim.problems().isEmpty())
        << ChargePointSimulator::dump(sim.problems()).toStdString();

    vm.finishCharger();
    EXPECT_EQ(vm.chargerStep(), Step::Idle);
    EXPECT_TRUE(vm.chargerPassword().isEmpty());
    EXPECT_EQ(vm.qrSize(), 0);
}

TEST(PairingViewModelTest, CancelledChargerPairingRemovesTheCharger)
{
    DeviceRig rig;
    ui::PairingViewModel vm(rig.network, rig.catalog.get(), nullptr);
    ASSERT_TRUE(rig.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.centralSystemReady(); }, DeviceRig::waitMs));
    vm.startCharger();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.chargerStep() == Step::Waiting; }, DeviceRig::waitMs));
    const QString id = vm.chargerId();
    ASSERT_TRUE(rig.loadCatalog().contains(id));
    vm.cancelCharger();
    EXPECT_EQ(vm.chargerStep(), Step::Idle);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !rig.loadCatalog().contains(id); }, DeviceRig::waitMs));
}
