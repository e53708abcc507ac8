#pragma once

// What the view-model tests share: a QGuiApplication on the offscreen platform in a private
// environment (main in UiTestMain.cpp), the UI object graph over a real vault in a temporary
// directory, the golden vectors, and waiting for asynchronous jobs.

#include "AppServices.h"
#include "common/Result.h"
#include "crypto/SecretBytes.h"
#include "wallet/DeviceUnlock.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>

namespace ovpp::core {

inline std::ostream &operator<<(std::ostream &out, ErrorCode code)
{
    return out << describe(Error {code, {}}).toStdString();
}

} // namespace ovpp::core

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace ovpp::test {

inline constexpr auto Password = "correct horse battery";
inline constexpr auto OtherPassword = "wrong horse battery";

// A fresh, unshared QString each time: the view models wipe the strings they are given.
inline QString text(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

// Runs the event loop until `condition` holds. The limit only bounds a failure (a hung job);
// nothing is asserted about how long anything takes.
bool waitUntil(const std::function<bool()> &condition,
               std::chrono::milliseconds limit = std::chrono::seconds(30));

// tests/data/golden.json
QJsonObject golden();
QString goldenMnemonic();
// key_derivation.solana_paths.derived: path ("m/44'/501'/0'/0'") -> address; "none" -> legacy.
QMap<QString, QString> goldenAddresses();
// The keypair file text for m/44'/501'/0'/0'.
QByteArray goldenKeypairJson();

// Writes a vault at `path` (test-strength Argon2id) with the golden mnemonic's first account.
void createGoldenVault(const QString &path, const char *password = Password);

// The UI object graph as the app builds it, over `<temp>/wallets/test.ovppvault`.
class UiHarness
{
public:
    struct Options
    {
        bool createVault = false; // a golden vault exists before the UI starts
        std::chrono::milliseconds clipboardClearAfter = std::chrono::seconds(60);
    };

    UiHarness()
        : UiHarness(Options {})
    { }
    explicit UiHarness(Options options);
    ~UiHarness();

    QString vaultPath() const { return m_vaultPath; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }
    ui::AppServices &services() { return *m_services; }
    ui::WalletViewModel &wallet() { return *m_services->wallet(); }
    ui::OnboardingViewModel &onboarding() { return *m_services->onboarding(); }
    ui::SettingsViewModel &settings() { return *m_services->settingsViewModel(); }

    // unlock() and wait; false with a gtest failure if the wallet does not open.
    bool unlock(const char *password = Password);

private:
    QTemporaryDir m_dir;
    QString m_vaultPath;
    QThreadPool m_worker;
    std::unique_ptr<core::DeviceUnlock> m_deviceUnlock;
    std::unique_ptr<ui::AppServices> m_services;
};

// Forgets every setting (tests in one process must not see each other's).
void clearSettings();

} // namespace ovpp::test
