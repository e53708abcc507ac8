#pragma once

// The desktop app's composition root: builds the wallet worker, DeviceUnlock and the UI
// services (view models + AppContext), installs the AppContext, and loads the QML. Owns them
// in the order that lets them shut down cleanly: the QML engine goes first, then the view
// models, then (after waiting for the worker) the wallet.

#include "AppServices.h"
#include "TrayNotifier.h"
#include "wallet/DeviceUnlock.h"
#include "wallet/KdfParams.h"

#include <QString>
#include <QThreadPool>

#include <memory>

class QQmlApplicationEngine;

namespace ovpp::app {

class DesktopApp
{
public:
    struct Options
    {
        QString vaultPath; // --vault FILE; empty: last used or the default vault
        QString screenshotDir; // --screenshot DIR; empty: run normally
        core::KdfParams kdf = core::KdfParams::standard(); // OVPP_KDF=test: minimumForTests()
        QString payLink; // a solana: link to open in the pay page once the wallet is unlocked
    };

    explicit DesktopApp(const Options &options);
    ~DesktopApp();
    DesktopApp(const DesktopApp &) = delete;
    DesktopApp &operator=(const DesktopApp &) = delete;

    // Loads Main.qml, then runs the event loop or the screenshot tour. Returns the exit code.
    int run();

private:
    void openPayLinkWhenUnlocked();

    Options m_options;
    QThreadPool m_worker; // the "wallet worker": one thread, so wallet calls never overlap
    core::DeviceUnlock m_deviceUnlock;
    std::unique_ptr<ui::AppServices> m_services;
    std::unique_ptr<TrayNotifier> m_tray; // fleet alerts, when the desktop has a tray
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

} // namespace ovpp::app
