#pragma once

// The object graph behind the UI, built in one place so that the desktop app, the view-model
// tests, the QML tests and the screenshot tour all run the same thing: settings, the wallet
// session, idle monitor, clipboard guard, the view models and the AppContext.
//
// What differs between them comes in from outside: the worker pool and DeviceUnlock (made by
// the composition root, or by a test with its own keychain service name), and the Options.

#include "AppContext.h"
#include "wallet/KdfParams.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

class QThread;
class QThreadPool;

namespace ovpp::core {
class DeviceNetwork;
class DeviceUnlock;
} // namespace ovpp::core

namespace ovpp::ui {

class AppSettings;
class ChainSession;
class ClipboardGuard;
class DeviceCatalogEditor;
class DeviceTelemetry;
class IdleMonitor;
class WalletSession;

class AppServices : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // The vault to open; empty: the last one used, else vaultlocation::pathForName("default").
        QString vaultPath;
        // For vaults created from now on (an existing vault keeps the parameters in its header).
        core::KdfParams kdf = core::KdfParams::standard();
        std::chrono::milliseconds clipboardClearAfter = std::chrono::seconds(60);
        // The device side (core::DeviceNetwork on its own thread). Empty paths: the catalog at
        // DeviceCatalog::defaultPath(), telemetry.sqlite beside it. Port 0: any free port.
        QString deviceCatalogPath;
        QString telemetryPath;
        quint16 csmsPort = 8887;
        int inverterIntervalMs = 10'000;
        // The send journal (ChainSession); empty: <AppDataLocation>/sends.sqlite.
        QString sendJournalPath;
    };

    // `worker` must have maxThreadCount() == 1 and outlive this object; `deviceUnlock` may be
    // null (no "unlock on this device"), else it too must outlive this object.
    AppServices(QThreadPool *worker, core::DeviceUnlock *deviceUnlock, Options options,
                QObject *parent = nullptr);
    // Destroys the view models, then waits for the wallet worker before the wallet is wiped.
    ~AppServices() override;

    AppContext *context() const { return m_context.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    WalletSession *session() const { return m_session.get(); }
    IdleMonitor *idleMonitor() const { return m_idleMonitor.get(); }
    ClipboardGuard *clipboard() const { return m_clipboard.get(); }
    ChainSession *chain() const { return m_chain.get(); }
    WalletViewModel *wallet() const { return m_wallet.get(); }
    OnboardingViewModel *onboarding() const { return m_onboarding.get(); }
    SettingsViewModel *settingsViewModel() const { return m_settingsViewModel.get(); }
    ThemeController *theme() const { return m_theme.get(); }
    PortfolioViewModel *portfolio() const { return m_portfolio.get(); }
    ReceiveViewModel *receive() const { return m_receive.get(); }
    HistoryViewModel *history() const { return m_history.get(); }
    InspectViewModel *inspect() const { return m_inspect.get(); }
    SendViewModel *send() const { return m_send.get(); }
    PayViewModel *pay() const { return m_pay.get(); }
    DevicesViewModel *devices() const { return m_devices.get(); }
    DeviceDetailViewModel *deviceDetail() const { return m_deviceDetail.get(); }
    PairingViewModel *pairing() const { return m_pairing.get(); }
    FleetViewModel *fleet() const { return m_fleet.get(); }
    // Lives on its own thread: call it only through queued slots, listen to its signals.
    core::DeviceNetwork *deviceNetwork() const { return m_deviceNetwork; }
    DeviceCatalogEditor *deviceCatalog() const { return m_deviceCatalog.get(); }

    // The vault chosen when Options::vaultPath is empty.
    static QString defaultVaultPath(const AppSettings &settings);

private:
    // Declared in construction order; destroyed in reverse (view models before the session).
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<WalletSession> m_session;
    std::unique_ptr<IdleMonitor> m_idleMonitor;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<ChainSession> m_chain;
    std::unique_ptr<QThread> m_deviceThread;
    core::DeviceNetwork *m_deviceNetwork = nullptr; // owned by m_deviceThread's side, see dtor
    std::unique_ptr<DeviceCatalogEditor> m_deviceCatalog;
    std::unique_ptr<DeviceTelemetry> m_deviceTelemetry;
    std::unique_ptr<WalletViewModel> m_wallet;
    std::unique_ptr<OnboardingViewModel> m_onboarding;
    std::unique_ptr<SettingsViewModel> m_settingsViewModel;
    std::unique_ptr<ThemeController> m_theme;
    std::unique_ptr<PortfolioViewModel> m_portfolio;
    std::unique_ptr<ReceiveViewModel> m_receive;
    std::unique_ptr<HistoryViewModel> m_history;
    std::unique_ptr<InspectViewModel> m_inspect;
    std::unique_ptr<SendViewModel> m_send;
    std::unique_ptr<PayViewModel> m_pay;
    std::unique_ptr<DevicesViewModel> m_devices;
    std::unique_ptr<DeviceDetailViewModel> m_deviceDetail;
    std::unique_ptr<PairingViewModel> m_pairing;
    std::unique_ptr<FleetViewModel> m_fleet;
    std::unique_ptr<AppContext> m_context;
};

} // namespace ovpp::ui
