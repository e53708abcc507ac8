#include "AppServices.h"

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "IdleMonitor.h"
#include "UiLogging.h"
#include "WalletSession.h"
#include "wallet/VaultLocation.h"

#include <QThreadPool>

namespace ovpp::ui {

AppServices::AppServices(QThreadPool *worker, core::DeviceUnlock *deviceUnlock, Options options,
                         QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>())
    , m_session(std::make_unique<WalletSession>(worker, m_settings.get(), options.kdf))
    , m_idleMonitor(std::make_unique<IdleMonitor>())
    , m_clipboard(std::make_unique<ClipboardGuard>(options.clipboardClearAfter))
{
    const QString vaultPath
        = options.vaultPath.isEmpty() ? defaultVaultPath(*m_settings) : options.vaultPath;
    qCInfo(lcUi) << "vault:" << vaultPath;
    m_session->setVaultPath(vaultPath);

    m_wallet = std::make_unique<WalletViewModel>(m_session.get(), deviceUnlock, m_clipboard.get(),
                                                 m_idleMonitor.get());
    m_onboarding = std::make_unique<OnboardingViewModel>(m_session.get());
    m_settingsViewModel
        = std::make_unique<SettingsViewModel>(m_session.get(), deviceUnlock, m_idleMonitor.get());
    m_theme = std::make_unique<ThemeController>(m_settings.get());
    m_portfolio = std::make_unique<PortfolioViewModel>();
    m_receive = std::make_unique<ReceiveViewModel>();
    m_history = std::make_unique<HistoryViewModel>();
    m_inspect = std::make_unique<InspectViewModel>();
    m_send = std::make_unique<SendViewModel>();
    m_pay = std::make_unique<PayViewModel>();
    m_devices = std::make_unique<DevicesViewModel>();
    m_deviceDetail = std::make_unique<DeviceDetailViewModel>();
    m_pairing = std::make_unique<PairingViewModel>();
    m_fleet = std::make_unique<FleetViewModel>();

    AppContext::ViewModels viewModels;
    viewModels.wallet = m_wallet.get();
    viewModels.onboarding = m_onboarding.get();
    viewModels.settings = m_settingsViewModel.get();
    viewModels.theme = m_theme.get();
    viewModels.portfolio = m_portfolio.get();
    viewModels.receive = m_receive.get();
    viewModels.history = m_history.get();
    viewModels.inspect = m_inspect.get();
    viewModels.send = m_send.get();
    viewModels.pay = m_pay.get();
    viewModels.devices = m_devices.get();
    viewModels.deviceDetail = m_deviceDetail.get();
    viewModels.pairing = m_pairing.get();
    viewModels.fleet = m_fleet.get();
    m_context = std::make_unique<AppContext>(viewModels);
}

AppServices::~AppServices()
{
    if (AppContext::instance() == m_context.get())
        AppContext::install(nullptr);
    m_context.reset();
    m_fleet.reset();
    m_pairing.reset();
    m_deviceDetail.reset();
    m_devices.reset();
    m_pay.reset();
    m_send.reset();
    m_inspect.reset();
    m_history.reset();
    m_receive.reset();
    m_portfolio.reset();
    m_theme.reset();
    m_settingsViewModel.reset();
    m_onboarding.reset();
    m_wallet.reset();
    // Waits for in-flight jobs, then wipes the wallet.
    m_session.reset();
}

QString AppServices::defaultVaultPath(const AppSettings &settings)
{
    const QString last = settings.lastVaultPath();
    if (!last.isEmpty())
        return last;
    return core::vaultlocation::pathForName(QStringLiteral("default"));
}

} // namespace ovpp::ui
