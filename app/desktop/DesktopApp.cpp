#include "DesktopApp.h"

#include "ScreenshotTour.h"
#include "WalletSession.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QTimer>
#include <QUrl>
#include <QVariant>

#include <memory>

Q_LOGGING_CATEGORY(lcApp, "ovpp.app", QtInfoMsg)

namespace ovpp::app {

DesktopApp::DesktopApp(const Options &options)
    : m_options(options)
{
    m_worker.setObjectName(QStringLiteral("wallet worker"));
    m_worker.setMaxThreadCount(1);
    // Keep the thread: unlocking and every later wallet call would otherwise pay for a new one.
    m_worker.setExpiryTimeout(-1);

    ui::AppServices::Options services;
    services.vaultPath = options.vaultPath;
    services.kdf = options.kdf;
    if (!options.screenshotDir.isEmpty()) {
        // The tour must not collide with a running app's central system, and its day chart
        // needs a few real readings within seconds.
        services.csmsPort = 0;
        services.inverterIntervalMs = 2000;
    }
    m_services = std::make_unique<ui::AppServices>(&m_worker, &m_deviceUnlock, services);
    ui::AppContext::install(m_services->context());

    // Fleet alerts go to the system tray where there is one, else to the window's toast.
    m_tray = std::make_unique<TrayNotifier>();
    if (m_tray->available()) {
        m_services->fleet()->setInAppAlerts(false);
        QObject::connect(m_services->fleet()->alerts(), &ui::FleetAlerts::notify, m_tray.get(),
                         &TrayNotifier::show);
    }
}

DesktopApp::~DesktopApp()
{
    // The engine holds bindings to the view models: it goes first.
    m_engine.reset();
    ui::AppContext::install(nullptr);
    m_services.reset();
    m_worker.waitForDone();
}

int DesktopApp::run()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    // Both QML modules are static, with their files under qrc:/qt/qml (Qt 6.4 has no
    // loadFromModule).
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/OpenVPP/Main.qml")));
    if (m_engine->rootObjects().isEmpty()) {
        qCCritical(lcApp) << "Main.qml did not load";
        return 1;
    }
    if (!m_options.screenshotDir.isEmpty())
        return runScreenshotTour(*m_engine, *m_services->context(), m_options.screenshotDir);
    if (!m_options.payLink.isEmpty())
        openPayLinkWhenUnlocked();
    return QCoreApplication::exec();
}

void DesktopApp::openPayLinkWhenUnlocked()
{
    // Paying needs the vault, so the link waits for the user to unlock (the lock page comes
    // first, as always); then the pay page shows what it asks.
    auto open = [this] {
        m_services->pay()->open(m_options.payLink);
        if (QObject *root = m_engine->rootObjects().value(0))
            QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QStringLiteral("pay")));
    };
    if (m_services->session()->state() == ui::WalletSession::State::Unlocked) {
        open();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(m_services->session(), &ui::WalletSession::unlocked,
                                   m_engine.get(), [connection, open] {
                                       QObject::disconnect(*connection);
                                       // After the shell has replaced the lock page.
                                       QTimer::singleShot(0, open);
                                   });
}

} // namespace ovpp::app
