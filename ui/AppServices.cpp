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
    m_context = std::make_unique<AppContext>(m_wallet.get(), m_onboarding.get(),
                                             m_settingsViewModel.get(), m_theme.get());
}

AppServices::~AppServices()
{
    if (AppContext::instance() == m_context.get())
        AppContext::install(nullptr);
    m_context.reset();
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
