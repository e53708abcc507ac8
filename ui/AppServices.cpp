#include "AppServices.h"

#include "AppSettings.h"
#include "ChainSession.h"
#include "ClipboardGuard.h"
#include "DeviceCatalogEditor.h"
#include "DeviceRegistrar.h"
#include "DeviceTelemetry.h"
#include "IdleMonitor.h"
#include "UiLogging.h"
#include "WalletSession.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"
#include "wallet/VaultLocation.h"

#include <QFileInfo>
#include <QThread>
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
    m_chain = std::make_unique<ChainSession>(m_session.get(), m_settings.get(),
                                             options.sendJournalPath);

    // The device side runs on its own thread; view models talk to it through queued calls.
    core::DeviceNetwork::Options devices;
    devices.catalogPath = options.deviceCatalogPath.isEmpty() ? core::DeviceCatalog::defaultPath()
                                                              : options.deviceCatalogPath;
    devices.telemetryPath = options.telemetryPath.isEmpty()
        ? QFileInfo(devices.catalogPath).absolutePath() + QStringLiteral("/telemetry.sqlite")
        : options.telemetryPath;
    devices.csmsPort = options.csmsPort;
    devices.inverterIntervalMs = options.inverterIntervalMs;
    m_deviceThread = std::make_unique<QThread>();
    m_deviceThread->setObjectName(QStringLiteral("devices"));
    m_deviceNetwork = new core::DeviceNetwork(devices);
    m_deviceNetwork->moveToThread(m_deviceThread.get());
    m_deviceThread->start();
    m_deviceCatalog = std::make_unique<DeviceCatalogEditor>(devices.catalogPath, m_deviceNetwork);
    m_deviceTelemetry = std::make_unique<DeviceTelemetry>(devices.telemetryPath);

    m_wallet = std::make_unique<WalletViewModel>(m_session.get(), deviceUnlock, m_clipboard.get(),
                                                 m_idleMonitor.get());
    m_onboarding = std::make_unique<OnboardingViewModel>(m_session.get());
    m_onboarding->setChain(m_chain.get());
    m_settingsViewModel
        = std::make_unique<SettingsViewModel>(m_session.get(), deviceUnlock, m_idleMonitor.get());
    m_theme = std::make_unique<ThemeController>(m_settings.get());
    m_portfolio = std::make_unique<PortfolioViewModel>(m_chain.get());
    // The portfolio follows the current account; it knows nothing of the wallet itself.
    connect(m_wallet.get(), &WalletViewModel::currentIndexChanged, m_portfolio.get(),
            [this] { m_portfolio->setAddress(m_wallet->currentAddress()); });
    connect(m_session.get(), &WalletSession::stateChanged, m_portfolio.get(), [this] {
        if (m_session->state() != WalletSession::State::Unlocked)
            m_portfolio->setAddress({});
    });
    connect(m_session.get(), &WalletSession::unlocked, m_portfolio.get(),
            [this] { m_portfolio->setAddress(m_wallet->currentAddress()); });
    m_receive = std::make_unique<ReceiveViewModel>(m_chain.get(), m_clipboard.get());
    connect(m_portfolio.get(), &PortfolioViewModel::addressChanged, m_receive.get(),
            [this] { m_receive->setAddress(m_portfolio->address()); });
    m_history = std::make_unique<HistoryViewModel>(m_chain.get());
    connect(m_portfolio.get(), &PortfolioViewModel::addressChanged, m_history.get(),
            [this] { m_history->setAddress(m_portfolio->address()); });
    m_inspect = std::make_unique<InspectViewModel>(m_chain.get());
    m_send = std::make_unique<SendViewModel>(m_session.get(), m_wallet.get(), m_chain.get());
    m_pay = std::make_unique<PayViewModel>(m_session.get(), m_wallet.get(), m_chain.get(),
                                           m_send->recipientBook());
    m_devices = std::make_unique<DevicesViewModel>(m_deviceNetwork, m_deviceCatalog.get(),
                                                   m_deviceTelemetry.get());
    m_deviceDetail = std::make_unique<DeviceDetailViewModel>(
        m_deviceNetwork, m_devices.get(), m_deviceTelemetry.get(),
        new DeviceRegistrar(m_chain.get(), m_session.get(), m_wallet.get(), m_deviceCatalog.get()));
    m_pairing = std::make_unique<PairingViewModel>(m_deviceNetwork, m_deviceCatalog.get(),
                                                   m_clipboard.get(), m_chain.get(),
                                                   m_session.get(), m_wallet.get());
    m_fleet = std::make_unique<FleetViewModel>();
    m_fleet->setDeviceNetwork(m_deviceNetwork);

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

    // After every view model has connected to its signals (started() carries the charger URL).
    QMetaObject::invokeMethod(m_deviceNetwork, "start", Qt::QueuedConnection);
}

AppServices::~AppServices()
{
    // The device thread first, before anything it reports to: stop, delete the network on its
    // own thread (its sockets and timers live there), then join.
    if (m_deviceThread) {
        core::DeviceNetwork *network = m_deviceNetwork;
        QMetaObject::invokeMethod(
            network,
            [network] {
                network->stop();
                delete network;
            },
            Qt::BlockingQueuedConnection);
        m_deviceNetwork = nullptr;
        m_deviceThread->quit();
        m_deviceThread->wait();
        m_deviceThread.reset();
    }
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
    // Waits for in-flight jobs (a signing job's continuation finds the chain still there).
    m_session.reset();
    m_chain.reset();
    m_deviceTelemetry.reset();
    m_deviceCatalog.reset();
}

QString AppServices::defaultVaultPath(const AppSettings &settings)
{
    const QString last = settings.lastVaultPath();
    if (!last.isEmpty())
        return last;
    return core::vaultlocation::pathForName(QStringLiteral("default"));
}

} // namespace ovpp::ui
