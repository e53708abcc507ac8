// WalletViewModel over a real vault: lock and unlock (wrong, then right password), auto-lock,
// accounts (add, rename, current), clipboard (address; secret with the password re-checked)
// and the keypair file export.

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "IdleMonitor.h"
#include "UiTestSupport.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "crypto/Base58.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUrl>

namespace ovpp::test {
namespace {

using ui::WalletViewModel;
using namespace std::chrono_literals;

QString roleValue(QAbstractItemModel *model, int row, const QByteArray &role)
{
    return model->data(model->index(row, 0), model->roleNames().key(role)).toString();
}

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

class WalletViewModelTest : public ::testing::Test
{
protected:
    explicit WalletViewModelTest(UiHarness::Options options = {true, 60s})
        : harness(options)
    { }

    bool waitIdle()
    {
        return waitUntil([this] { return !wallet.busy(); });
    }

    UiHarness harness;
    WalletViewModel &wallet = harness.wallet();
    QAbstractItemModelTester accountsTester {wallet.accounts(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal};
    const QMap<QString, QString> golden = goldenAddresses();
};

TEST_F(WalletViewModelTest, UnlockWithWrongThenRightPassword)
{
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked);
    EXPECT_EQ(wallet.accounts()->rowCount(), 0);
    EXPECT_EQ(wallet.currentIndex(), -1);
    EXPECT_EQ(wallet.currentAddress(), QString());
    EXPECT_FALSE(wallet.deviceUnlockReady());
    EXPECT_TRUE(wallet.vaultPath().endsWith(QLatin1String("test.ovppvault")));

    QSignalSpy busyChanged(&wallet, &WalletViewModel::busyChanged);
    wallet.unlock(text(OtherPassword));
    EXPECT_TRUE(wallet.busy()) << "the Argon2id run is on the worker, the call returns at once";
    EXPECT_FALSE(wallet.busyText().isEmpty());
    ASSERT_TRUE(waitIdle());
    EXPECT_GE(busyChanged.count(), 2);
    EXPECT_EQ(wallet.errorText(), QStringLiteral("Wrong password. Try again."));
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked);

    wallet.unlock(QString());
    EXPECT_FALSE(wallet.busy());
    EXPECT_FALSE(wallet.errorText().isEmpty());

    QSignalSpy stateChanged(&wallet, &WalletViewModel::stateChanged);
    ASSERT_TRUE(harness.unlock());
    EXPECT_EQ(stateChanged.count(), 1);
    EXPECT_EQ(wallet.errorText(), QString());
    ASSERT_EQ(wallet.accounts()->rowCount(), 1);
    EXPECT_EQ(wallet.currentIndex(), 0);
    EXPECT_EQ(wallet.currentLabel(), QStringLiteral("Main"));
    EXPECT_EQ(wallet.currentAddress(), golden.value(QStringLiteral("m/44'/501'/0'/0'")));
    EXPECT_FALSE(wallet.currentIsWatchOnly());
    const QString shortAddress = roleValue(wallet.accounts(), 0, "shortAddress");
    EXPECT_TRUE(shortAddress.contains(QChar(0x2026))) << shortAddress.toStdString();
    EXPECT_TRUE(wallet.currentAddress().startsWith(shortAddress.left(4)));

    wallet.lock();
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked);
    EXPECT_EQ(wallet.accounts()->rowCount(), 0);
    EXPECT_EQ(wallet.currentAddress(), QString());

    // Locked means locked: the wallet was wiped, and opening needs the password again.
    wallet.unlock(text(OtherPassword));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked);
    ASSERT_TRUE(harness.unlock());
}

TEST_F(WalletViewModelTest, LocksAfterIdleTime)
{
    ASSERT_TRUE(harness.unlock());
    QSignalSpy stateChanged(&wallet, &WalletViewModel::stateChanged);
    harness.services().idleMonitor()->setTimeout(50ms);
    ASSERT_TRUE(waitUntil([this] { return wallet.state() == WalletViewModel::Locked; }));
    EXPECT_EQ(stateChanged.count(), 1);
    EXPECT_EQ(wallet.accounts()->rowCount(), 0);
    EXPECT_FALSE(harness.services().idleMonitor()->isActive()) << "no countdown while locked";
}

TEST_F(WalletViewModelTest, AddAndRenameAccounts)
{
    ASSERT_TRUE(harness.unlock());
    QSignalSpy notices(&wallet, &WalletViewModel::notice);

    wallet.addAccount(QStringLiteral("Savings"));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.errorText(), QString());
    ASSERT_EQ(wallet.accounts()->rowCount(), 2);
    EXPECT_EQ(wallet.currentIndex(), 1) << "the new account becomes the current one";
    EXPECT_EQ(wallet.currentLabel(), QStringLiteral("Savings"));
    EXPECT_EQ(wallet.currentAddress(), golden.value(QStringLiteral("m/44'/501'/1'/0'")));
    EXPECT_EQ(roleValue(wallet.accounts(), 1, "path"), QStringLiteral("m/44'/501'/1'/0'"));
    EXPECT_EQ(notices.count(), 1);

    wallet.addAccount(QString());
    ASSERT_TRUE(waitIdle());
    ASSERT_EQ(wallet.accounts()->rowCount(), 3);
    EXPECT_EQ(roleValue(wallet.accounts(), 2, "label"), QStringLiteral("Account 3"));

    wallet.setCurrentIndex(0);
    EXPECT_EQ(wallet.currentLabel(), QStringLiteral("Main"));
    wallet.setCurrentIndex(7);
    EXPECT_EQ(wallet.currentIndex(), 0);

    wallet.renameAccount(0, QStringLiteral("  Everyday  "));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(roleValue(wallet.accounts(), 0, "label"), QStringLiteral("Everyday"));
    EXPECT_EQ(wallet.currentLabel(), QStringLiteral("Everyday"));
    EXPECT_EQ(wallet.currentIndex(), 0);

    wallet.renameAccount(0, QStringLiteral("   "));
    EXPECT_FALSE(wallet.errorText().isEmpty());
    EXPECT_EQ(roleValue(wallet.accounts(), 0, "label"), QStringLiteral("Everyday"));

    // Saved: a lock and unlock reads them back from the vault.
    wallet.lock();
    ASSERT_TRUE(harness.unlock());
    ASSERT_EQ(wallet.accounts()->rowCount(), 3);
    EXPECT_EQ(roleValue(wallet.accounts(), 0, "label"), QStringLiteral("Everyday"));
    EXPECT_EQ(roleValue(wallet.accounts(), 1, "label"), QStringLiteral("Savings"));
}

TEST_F(WalletViewModelTest, CopyAddress)
{
    ASSERT_TRUE(harness.unlock());
    QSignalSpy notices(&wallet, &WalletViewModel::notice);
    wallet.copyAddress();
    EXPECT_EQ(clipboardText(), wallet.currentAddress());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_EQ(notices.at(0).at(0).toString(), QStringLiteral("Address copied"));
    EXPECT_FALSE(harness.services().clipboard()->holdsSecret());
}

TEST_F(WalletViewModelTest, CopySecretWithWrongPasswordLeavesTheClipboardAlone)
{
    ASSERT_TRUE(harness.unlock());
    QGuiApplication::clipboard()->setText(QStringLiteral("what the user copied"));
    QSignalSpy notices(&wallet, &WalletViewModel::notice);

    wallet.copySecretToClipboard(text(OtherPassword), 1);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.errorText(), QStringLiteral("Wrong password. Nothing was copied."));
    EXPECT_EQ(clipboardText(), QStringLiteral("what the user copied"));
    EXPECT_EQ(notices.count(), 0);
    EXPECT_FALSE(harness.services().clipboard()->holdsSecret());
    EXPECT_EQ(wallet.state(), WalletViewModel::Unlocked);
}

TEST_F(WalletViewModelTest, CopySecretInBothFormats)
{
    ASSERT_TRUE(harness.unlock());
    QSignalSpy notices(&wallet, &WalletViewModel::notice);

    wallet.copySecretToClipboard(text(Password), 0);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.errorText(), QString());
    EXPECT_EQ(clipboardText().toLatin1(), goldenKeypairJson());
    EXPECT_TRUE(harness.services().clipboard()->holdsSecret());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_TRUE(notices.at(0).at(0).toString().contains(QLatin1String("60")));

    wallet.copySecretToClipboard(text(Password), 1);
    ASSERT_TRUE(waitIdle());
    auto decoded = core::base58::decode(clipboardText());
    ASSERT_TRUE(decoded.ok());
    const QJsonArray numbers = QJsonDocument::fromJson(goldenKeypairJson()).array();
    ASSERT_EQ(decoded->size(), 64);
    for (int i = 0; i < 64; ++i)
        EXPECT_EQ(std::uint8_t(decoded->at(i)), numbers[i].toInt());
}

class WalletViewModelShortClipboardTest : public WalletViewModelTest
{
protected:
    WalletViewModelShortClipboardTest()
        : WalletViewModelTest({true, 50ms})
    { }
};

TEST_F(WalletViewModelShortClipboardTest, CopiedSecretIsClearedAfterItsTime)
{
    ASSERT_TRUE(harness.unlock());
    wallet.copySecretToClipboard(text(Password), 1);
    ASSERT_TRUE(waitIdle());
    ASSERT_EQ(wallet.errorText(), QString());
    ASSERT_TRUE(waitUntil([] { return clipboardText().isEmpty(); }));
    EXPECT_FALSE(harness.services().clipboard()->holdsSecret());
}

TEST_F(WalletViewModelTest, ExportKeypairFileWritesAnOwnerOnlyFile)
{
    ASSERT_TRUE(harness.unlock());
    const QString path = harness.tempPath(QStringLiteral("exported.json"));

    wallet.exportKeypairFile(text(OtherPassword), QUrl::fromLocalFile(path));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.errorText(), QStringLiteral("Wrong password. Nothing was saved."));
    EXPECT_FALSE(QFileInfo::exists(path));

    QSignalSpy notices(&wallet, &WalletViewModel::notice);
    wallet.exportKeypairFile(text(Password), QUrl::fromLocalFile(path));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.errorText(), QString());
    EXPECT_EQ(notices.count(), 1);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), goldenKeypairJson());
    EXPECT_EQ(QFileInfo(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
              QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    wallet.exportKeypairFile(text(Password), QUrl(QStringLiteral("https://example.org/k.json")));
    EXPECT_FALSE(wallet.errorText().isEmpty());
    EXPECT_FALSE(wallet.busy());
}

TEST_F(WalletViewModelTest, DeviceUnlockWithoutAKeychainSaysWhatToDo)
{
    ui::WalletSession *session = harness.services().session();
    ASSERT_TRUE(waitUntil([session] { return !session->vaultId().isNull(); }));
    EXPECT_FALSE(wallet.deviceUnlockReady());

    // As if "unlock on this device" had been turned on earlier, on a desktop with a keyring.
    QSignalSpy readyChanged(&wallet, &WalletViewModel::deviceUnlockReadyChanged);
    session->settings()->setDeviceUnlock(session->vaultId(), true);
    EXPECT_TRUE(wallet.deviceUnlockReady());
    EXPECT_EQ(readyChanged.count(), 1);

    wallet.unlockWithDevice();
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(wallet.state(), WalletViewModel::Locked);
    EXPECT_TRUE(
        wallet.errorText().startsWith(QLatin1String("The system keychain is not available")))
        << wallet.errorText().toStdString();
    EXPECT_TRUE(wallet.errorText().endsWith(QLatin1String("Unlock with your password.")));

    ASSERT_TRUE(harness.unlock());
    EXPECT_FALSE(wallet.deviceUnlockReady()) << "only offered on the lock screen";
}

TEST_F(WalletViewModelTest, OperationsNeedAnUnlockedWallet)
{
    wallet.addAccount(QStringLiteral("x"));
    wallet.copySecretToClipboard(text(Password), 0);
    wallet.copyAddress();
    EXPECT_FALSE(wallet.busy());
    EXPECT_EQ(wallet.accounts()->rowCount(), 0);
    wallet.unlockWithDevice(); // not turned on for this vault
    EXPECT_FALSE(wallet.busy());
}

} // namespace
} // namespace ovpp::test
