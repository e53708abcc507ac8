#include "DesktopApp.h"

#include "ScreenshotTour.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QUrl>

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
    m_services = std::make_unique<ui::AppServices>(&m_worker, &m_deviceUnlock, services);
    ui::AppContext::install(m_services->context());
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
    return QCoreApplication::exec();
}

} // namespace ovpp::app
