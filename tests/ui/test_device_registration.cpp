// On-chain registration of a paired inverter, against the sandbox localnet: an account without
// SOL cannot register (the device stays paired and says why), and once funded, retrying lands
// the registry memo, which core::RegistryReader reads back; the catalog keeps the signature.

#include "../core/sunspec/SunSpecTestSupport.h"
#include "ChainSession.h"
#include "DeviceRegistryCheck.h"
#include "DeviceTestSupport.h"
#include "PairingViewModel.h"
#include "SendChainSupport.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"

#include <gtest/gtest.h>

using namespace ovpp;
using namespace ovpp::test;
using State = ui::PairingViewModel::RegistrationState;

namespace {

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
    ui::PairingViewModel vm(rig.network, rig.catalog.get(), nullptr, m_chain.get(),
                            m_harness->services().session(), &m_harness->wallet());
    ASSERT_TRUE(rig.start());
    const QString owner = m_harness->wallet().currentAddress();
    ASSERT_FALSE(owner.isEmpty());

    vm.setAddress(QStringLiteral("%1:%2").arg(inverter.host()).arg(inverter.port()));
    vm.probe();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !vm.probing(); }, DeviceRig::waitMs));
    ASSERT_TRUE(vm.found()) << vm.inverterError().toStdString();
    vm.confirmInverter();
    ASSERT_TRUE(QTest::qWaitFor([&] { return vm.inverterPaired(); }, DeviceRig::waitMs))
        << vm.inverterError().toStdString();

    // No SOL for the fee: registration fails in words, the device stays paired.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.registrationState() != State::Registering; }, 60000));
    EXPECT_EQ(vm.registrationState(), State::RegistrationFailed)
        << vm.registrationText().toStdString();
    EXPECT_FALSE(vm.registrationText().isEmpty());
    EXPECT_TRUE(rig.loadCatalog().contains(vm.pairedDeviceId()));

    // Funded, a retry lands the memo.
    ASSERT_TRUE(chain::airdrop(owner, 1'000'000'000).isEmpty());
    vm.retryRegistration();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return vm.registrationState() != State::Registering; }, 60000));
    ASSERT_EQ(vm.registrationState(), State::Registered) << vm.registrationText().toStdString();
    const QString signature = vm.registrationSignature();
    ASSERT_FALSE(signature.isEmpty());
    std::optional<chain::LandedTransaction> landed;
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return (landed = chain::fetch(signature)).has_value(); }, 60000));
    EXPECT_FALSE(landed->failed);

    const QString expected
        = QStringLiteral("%1 inverter OpenVPP SimInverter-3P").arg(vm.pairedDeviceId());
    QStringList devices;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            devices = registry::listDevices(chain::rpcUrl(), owner);
            return devices.contains(expected);
        },
        60000))
        << devices.join(QLatin1String(" | ")).toStdString();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return rig.loadCatalog().device(vm.pairedDeviceId())->registrySignature == signature;
        },
        DeviceRig::waitMs));
}
