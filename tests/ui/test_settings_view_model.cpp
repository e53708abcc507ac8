// SettingsViewModel: auto-lock minutes (persisted, applied to the idle monitor), the keychain
// status without a Secret Service (unavailable, with a reason, without hanging), and changing
// the vault password.

#include "AppSettings.h"
#include "IdleMonitor.h"
#include "SettingsViewModel.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"

#include <QSignalSpy>

namespace ovpp::test {
namespace {

using ui::SettingsViewModel;
using ui::WalletViewModel;
using namespace std::chrono_literals;

class SettingsViewModelTest : public ::testing::Test
{
protected:
    bool waitIdle()
    {
        return waitUntil([this] { return !settings.busy(); });
    }

    UiHarness harness {UiHarness::Options {true, 60s}};
    SettingsViewModel &settings = harness.settings();
    WalletViewModel &wallet = harness.wallet();
};

TEST_F(SettingsViewModelTest, AutoLockMinutesArePersistedAndApplied)
{
    EXPECT_EQ(settings.autoLockMinutes(), 5);
    EXPECT_EQ(harness.services().idleMonitor()->timeout(), 5min);

    QSignalSpy changed(&settings, &SettingsViewModel::autoLockMinutesChanged);
    settings.setAutoLockMinutes(15);
    EXPECT_EQ(settings.autoLockMinutes(), 15);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(harness.services().idleMonitor()->timeout(), 15min);
    EXPECT_EQ(ui::AppSettings().autoLockMinutes(), 15);

    settings.setAutoLockMinutes(0); // never
    EXPECT_EQ(settings.autoLockMinutes(), 0);
    EXPECT_EQ(harness.services().idleMonitor()->timeout(), 0ms);

    settings.setAutoLockMinutes(-3);
    EXPECT_EQ(settings.autoLockMinutes(), 0);
}

TEST_F(SettingsViewModelTest, KeychainIsUnavailableWithoutASecretService)
{
    // UiTestMain removed the session bus: the check answers "no" with the reason, promptly
    // (the limit here is far above DeviceUnlock's own timeout).
    ASSERT_TRUE(waitUntil([this] { return settings.keychainChecked(); }, 20s));
    EXPECT_FALSE(settings.keychainAvailable());
    EXPECT_TRUE(settings.keychainStatus().startsWith(QLatin1String("Not available: ")))
        << settings.keychainStatus().toStdString();
    EXPECT_GT(settings.keychainStatus().size(), QStringLiteral("Not available: ").size());
    EXPECT_FALSE(settings.deviceUnlock());

    // Turning it on says why it cannot be.
    settings.setDeviceUnlock(true);
    EXPECT_TRUE(settings.errorText().contains(QLatin1String("Unlock the wallet first")));
    ASSERT_TRUE(harness.unlock());
    settings.setDeviceUnlock(true);
    EXPECT_TRUE(settings.errorText().contains(QLatin1String("not available")))
        << settings.errorText().toStdString();
    EXPECT_FALSE(settings.deviceUnlock());
    EXPECT_FALSE(settings.busy());
    EXPECT_FALSE(ui::AppSettings().deviceUnlock(harness.services().session()->vaultId()));
}

TEST_F(SettingsViewModelTest, ChangePassword)
{
    ASSERT_TRUE(harness.unlock());
    QSignalSpy notices(&settings, &SettingsViewModel::notice);
    const char *replacement = "a new password 2";

    settings.changePassword(text(OtherPassword), text(replacement), text(replacement));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(settings.errorText(),
              QStringLiteral("The current password is wrong. Nothing was changed."));
    EXPECT_EQ(notices.count(), 0);

    settings.changePassword(text(Password), text("short"), text("short"));
    EXPECT_EQ(settings.errorText(), QStringLiteral("Use at least 8 characters"));
    settings.changePassword(text(Password), text(replacement), text("something else"));
    EXPECT_EQ(settings.errorText(), QStringLiteral("The passwords differ"));
    EXPECT_FALSE(settings.busy());

    settings.changePassword(text(Password), text(replacement), text(replacement));
    EXPECT_TRUE(settings.busy());
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(settings.errorText(), QString());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_EQ(notices.at(0).at(0).toString(), QStringLiteral("Password changed"));

    wallet.lock();
    wallet.unlock(text(Password));
    ASSERT_TRUE(waitUntil([this] { return !wallet.busy(); }));
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked) << "the old password no longer opens it";
    ASSERT_TRUE(harness.unlock(replacement));
}

TEST_F(SettingsViewModelTest, ChangePasswordNeedsAnUnlockedWallet)
{
    settings.changePassword(text(Password), text("a new password 2"), text("a new password 2"));
    EXPECT_FALSE(settings.busy());
    EXPECT_FALSE(settings.errorText().isEmpty());
}

} // namespace
} // namespace ovpp::test
