// On-chain registration of paired devices, against the sandbox localnet, read back with
// core::RegistryReader:
// - an inverter: an account without SOL cannot register (the device stays paired and says why),
//   and once funded, retrying lands the registry memo; the catalog keeps the signature;
// - a charger (ocpp-rpc strict mode) registers as soon as its BootNotification said what it is;
// - a charger that reported no serial number waits for the serial from its label, which is then
//   hashed into the memo and kept in the catalog;
// - a device paired without registering is registered later from its detail page.

#include "../core/der_network/ChargePointSimulator.h"
#include "../core/sunspec/SunSpecTestSupport.h"
#include "ChainSession.h"
#include "DeviceDetailViewModel.h"
#include "DeviceRegistrar.h"
#include "DeviceRegistryCheck.h"
#include "DeviceTestSupport.h"
#include "DevicesViewModel.h"
#include "PairingViewModel.h"
#include "SecretText.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"
#include "crypto/Base58.h"
#include "der/registry/RegistryMemo.h"

#include <gtest/gtest.h>

using namespace ovpp;
using namespace ovpp::test;
using State = ui::DeviceRegistrar::State;
using Step = ui::PairingViewModel::ChargerStep;

namespace {

constexpr int chainWaitMs = 60000;

class DeviceRegistrationTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_startError = chain::start(); }
    static void TearDownTestSuite() { chain::stop(); }
    void SetUp() override
    {
        ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
        qputenv("OVPP_RPC_URL", chain::rpcUrl().toString().toUtf8());
        qputenv("OVPP_USDE_MINT", chain::usdeMint().toUtf8());
        m_harness = std::make_unique<UiHarness>(UiHarness::Options {.createVault = true});
        ASSERT_TRUE(m_harness->unlock());
        m_chain = std::make_unique<ui::ChainSession>(
            m_harness->services().session(), m_harness->services().settings(),
            m_harness->tempPath(QStringLiteral("sends.sqlite")));
    }
    void TearDown() override
    {
        m_chain.reset();
        m_harness.reset();
    }

    std::unique_ptr<ui::PairingViewModel> pairing(DeviceRig &rig)
    {
        return std::make_unique<ui::PairingViewModel>(
            rig.network, rig.catalog.get(), nullptr, m_chain.get(), m_harness->services().session(),
            &m_harness->wallet());
    }

    QString owner() const { return m_harness->wallet().currentAddress(); }

    // Waits until the registrar is done (not registering, not waiting for confirmation).
    static bool settled(const ui::DeviceRegistrar &r)
    {
        return QTest::qWaitFor([&] { return !r.busy(); }, chainWaitMs);
    }

    // Starts pairing a charger and connects a simulated one with the credentials shown.
    std::unique_ptr<ChargePointSimulator> pairCharger(DeviceRig &rig, ui::PairingViewModel &vm,
                                                      QStringList extra = {})
    {
        EXPECT_TRUE(QTest::qWaitFor([&] { return vm.centralSystemReady(); }, DeviceRig::waitMs));
        vm.startCharger();
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return vm.chargerStep() == Step::Waiting; }, DeviceRig::waitMs))
            << vm.chargerError().toStdString();
        QString password = vm.chargerPassword();
        auto sim = std::make_unique<ChargePointSimulator>(
            QStringList {QStringLiteral("--url"), rig.wsUrl(), QStringLiteral("--id"),
                         vm.chargerId(), QStringLiteral("--password"), password}
            + extra);
        ui::wipeString(password);
        EXPECT_TRUE(sim->started());
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return vm.chargerStep() == Step::Booted; }, DeviceRig::waitMs));
        return sim;
    }

    // Waits until the chain lists `line` among the owner's active devices.
    ::testing::AssertionResult registryLists(const QString &line)
    {
        QStringList devices;
        if (QTest::qWaitFor(
                [&] {
                    devices = registry::listDevices(chain::rpcUrl(), owner());
                    return devices.contains(line);
                },
                chainWaitMs))
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure()
            << "registry: " << devices.join(QLatin1String(" | ")).toStdString();
    }

    static inline QString s_startError;
    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<ui::ChainSession> m_chain;
};

} // namespace

TEST_F(DeviceRegistrationTest, UnfundedFailsKeepsDeviceThenRetryLandsAndReadsBack)
{
    InverterSimulator inverter({QStringLiteral("--time"), QStringLiteral("12:30"),
                                QStringLiteral("--serial"), QStringLiteral("SIM-REG-1")});
    ASSERT_TRUE(inverter.error().isEmpty()) << inverter.error().toStdString();
    DeviceRig rig;
    auto vm = pairing(rig);
    ASSERT_TRUE(rig.start());
    ASSERT_FALSE(owner().isEmpty());
    const ui::DeviceRegistrar &registration = *vm->inverterRegistration();

    vm->setAddress(QStringLiteral("%1:%2").arg(inverter.host()).arg(inverter.port()));
    vm->probe();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm->probing(); }, DeviceRig::waitMs));
    ASSERT_TRUE(vm->found()) << vm->inverterError().toStdString();
    vm->confirmInverter();
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm->inverterPaired(); }, DeviceRig::waitMs))
        << vm->inverterError().toStdString();

    // No SOL for the fee: registration fails in words, the device stays paired.
    ASSERT_TRUE(settled(registration));
    EXPECT_EQ(registration.state(), State::Failed) << registration.text().toStdString();
    EXPECT_FALSE(registration.text().isEmpty());
    EXPECT_TRUE(rig.loadCatalog().contains(vm->pairedDeviceId()));

    // Funded, a retry lands the memo; the registrar follows it to confirmation.
    ASSERT_TRUE(chain::airdrop(owner(), 1'000'000'000).isEmpty());
    vm->inverterRegistration()->retry();
    ASSERT_TRUE(settled(registration));
    ASSERT_EQ(registration.state(), State::Registered) << registration.text().toStdString();
    const QString signature = registration.signature();
    ASSERT_FALSE(signature.isEmpty());
    const std::optional<chain::LandedTransaction> landed = chain::fetch(signature);
    ASSERT_TRUE(landed.has_value());
    EXPECT_FALSE(landed->failed);

    EXPECT_TRUE(registryLists(
        QStringLiteral("%1 inverter OpenVPP SimInverter-3P").arg(vm->pairedDeviceId())));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return rig.loadCatalog().device(vm->pairedDeviceId())->registrySignature == signature;
        },
        DeviceRig::waitMs));
}

TEST_F(DeviceRegistrationTest, ChargerRegistersOnceItBootsEvenAfterThePageClosed)
{
    ASSERT_TRUE(chain::airdrop(owner(), 1'000'000'000).isEmpty());
    DeviceRig rig;
    auto vm = pairing(rig);
    ASSERT_TRUE(rig.start());
    const ui::DeviceRegistrar &registration = *vm->chargerRegistration();

    auto sim = pairCharger(rig, *vm);
    ASSERT_EQ(vm->chargerStep(), Step::Booted);
    const QString id = vm->chargerId();
    EXPECT_EQ(vm->chargerSerial(), id + QStringLiteral("-SN"));
    // Registration starts by itself with what the BootNotification said.
    EXPECT_NE(registration.state(), State::Idle);
    EXPECT_NE(registration.state(), State::NeedsSerial);

    // The user clicks Done at once: the page resets, the transaction is still followed and its
    // signature reaches the catalog.
    vm->finishCharger();
    EXPECT_EQ(registration.state(), State::Idle);
    QString signature;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            signature
                = rig.loadCatalog().device(id).value_or(core::PairedDevice {}).registrySignature;
            return !signature.isEmpty();
        },
        chainWaitMs));
    const std::optional<chain::LandedTransaction> landed = chain::fetch(signature);
    ASSERT_TRUE(landed.has_value());
    EXPECT_FALSE(landed->failed);

    EXPECT_TRUE(registryLists(QStringLiteral("%1 evcharger OpenVPPSim SimAC-22").arg(id)));
    EXPECT_EQ(registry::serialHash(chain::rpcUrl(), owner(), id),
              core::base58::encode(*core::RegistryMemo::serialHash(id + QStringLiteral("-SN"))));
    EXPECT_TRUE(sim->problems().isEmpty())
        << ChargePointSimulator::dump(sim->problems()).toStdString();
}

TEST_F(DeviceRegistrationTest, ChargerWithoutSerialWaitsForTheLabel)
{
    ASSERT_TRUE(chain::airdrop(owner(), 1'000'000'000).isEmpty());
    DeviceRig rig;
    auto vm = pairing(rig);
    ASSERT_TRUE(rig.start());
    ui::DeviceRegistrar &registration = *vm->chargerRegistration();

    auto sim = pairCharger(rig, *vm, {QStringLiteral("--serial-field"), QStringLiteral("none")});
    ASSERT_EQ(vm->chargerStep(), Step::Booted);
    const QString id = vm->chargerId();
    EXPECT_TRUE(vm->chargerSerial().isEmpty());
    ASSERT_EQ(registration.state(), State::NeedsSerial) << registration.text().toStdString();
    EXPECT_FALSE(registration.text().isEmpty());

    // Nothing typed, or only control characters: a clear error, nothing sent.
    registration.registerWithSerial(QStringLiteral("  "));
    EXPECT_EQ(registration.state(), State::NeedsSerial);
    EXPECT_FALSE(registration.serialError().isEmpty());
    registration.registerWithSerial(QStringLiteral("AB\u0007CD"));
    EXPECT_EQ(registration.state(), State::NeedsSerial);
    EXPECT_FALSE(registration.serialError().isEmpty());

    // The serial as printed on the label (with its spaces): hashed in normalised form.
    registration.registerWithSerial(QStringLiteral(" ACW22 0042 "));
    EXPECT_TRUE(registration.serialError().isEmpty());
    ASSERT_TRUE(settled(registration));
    ASSERT_EQ(registration.state(), State::Registered) << registration.text().toStdString();

    EXPECT_TRUE(registryLists(QStringLiteral("%1 evcharger OpenVPPSim SimAC-22").arg(id)));
    EXPECT_EQ(registry::serialHash(chain::rpcUrl(), owner(), id),
              core::base58::encode(*core::RegistryMemo::serialHash(QStringLiteral("ACW220042"))));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const core::PairedDevice d
                = rig.loadCatalog().device(id).value_or(core::PairedDevice {});
            return d.serialNumber == QLatin1String("ACW22 0042")
                && d.registrySignature == registration.signature();
        },
        DeviceRig::waitMs));
}

TEST_F(DeviceRegistrationTest, DetailPageRegistersADevicePairedWithoutIt)
{
    ASSERT_TRUE(chain::airdrop(owner(), 1'000'000'000).isEmpty());
    DeviceRig rig;
    ASSERT_TRUE(rig.start());
    // Paired while the wallet was locked, say: in the catalog, not registered.
    core::PairedDevice inverter;
    inverter.id = QStringLiteral("inv-detail-1");
    inverter.manufacturer = QStringLiteral("Fronius");
    inverter.model = QStringLiteral("Primo 5.0-1");
    inverter.serialNumber = QStringLiteral("FR-0001");
    inverter.host = QStringLiteral("127.0.0.1");
    inverter.pairedAt = QDateTime::currentDateTimeUtc();
    core::PairedDevice unknown = inverter; // discovery found no model: nothing to register
    unknown.id = QStringLiteral("inv-detail-2");
    unknown.model.clear();
    bool added = false;
    rig.catalog->edit(
        [&](core::DeviceCatalog &catalog) -> core::Result<void> {
            if (auto r = catalog.add(inverter); !r)
                return r;
            return catalog.add(unknown);
        },
        [&](core::Result<void> r) { added = bool(r); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return added; }, DeviceRig::waitMs));

    ui::DevicesViewModel devices(rig.network, rig.catalog.get(), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return devices.rowCount() == 2; }, DeviceRig::waitMs));
    ui::DeviceDetailViewModel detail(
        rig.network, &devices, nullptr,
        new ui::DeviceRegistrar(m_chain.get(), m_harness->services().session(),
                                &m_harness->wallet(), rig.catalog.get()));
    const ui::DeviceRegistrar &registration = *detail.registration();

    detail.select(unknown.id);
    detail.registerOnChain();
    EXPECT_EQ(registration.state(), State::Skipped) << registration.text().toStdString();
    EXPECT_TRUE(detail.registrySignature().isEmpty());

    // Another device: the last one's outcome is not shown for it.
    detail.select(inverter.id);
    EXPECT_EQ(registration.state(), State::Idle);
    EXPECT_TRUE(detail.registrySignature().isEmpty());
    detail.registerOnChain();
    ASSERT_TRUE(settled(registration));
    ASSERT_EQ(registration.state(), State::Registered) << registration.text().toStdString();
    // The page learns it from the catalog, as it will after a restart.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return detail.registrySignature() == registration.signature(); }, DeviceRig::waitMs));
    EXPECT_TRUE(registryLists(QStringLiteral("inv-detail-1 inverter Fronius Primo 5.0-1")));
    EXPECT_EQ(registry::serialHash(chain::rpcUrl(), owner(), inverter.id),
              core::base58::encode(*core::RegistryMemo::serialHash(QStringLiteral("FR-0001"))));
}
