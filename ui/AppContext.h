#pragma once

// The one object QML sees: a singleton (OpenVPP.Ui's AppContext) handing out the view models.
// C++ owns it; the composition root (or a test) builds one and install()s it before any QML
// engine asks for it.

#include "DeviceDetailViewModel.h"
#include "DevicesViewModel.h"
#include "FleetViewModel.h"
#include "HistoryViewModel.h"
#include "InspectViewModel.h"
#include "OnboardingViewModel.h"
#include "PairingViewModel.h"
#include "PayViewModel.h"
#include "PortfolioViewModel.h"
#include "ReceiveViewModel.h"
#include "SendViewModel.h"
#include "SettingsViewModel.h"
#include "ThemeController.h"
#include "WalletViewModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace ovpp::ui {

class AppContext : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(ovpp::ui::WalletViewModel *wallet READ wallet CONSTANT)
    Q_PROPERTY(ovpp::ui::OnboardingViewModel *onboarding READ onboarding CONSTANT)
    Q_PROPERTY(ovpp::ui::SettingsViewModel *settings READ settings CONSTANT)
    Q_PROPERTY(ovpp::ui::ThemeController *theme READ theme CONSTANT)
    Q_PROPERTY(ovpp::ui::PortfolioViewModel *portfolio READ portfolio CONSTANT)
    Q_PROPERTY(ovpp::ui::ReceiveViewModel *receive READ receive CONSTANT)
    Q_PROPERTY(ovpp::ui::HistoryViewModel *history READ history CONSTANT)
    Q_PROPERTY(ovpp::ui::InspectViewModel *inspect READ inspect CONSTANT)
    Q_PROPERTY(ovpp::ui::SendViewModel *send READ send CONSTANT)
    Q_PROPERTY(ovpp::ui::PayViewModel *pay READ pay CONSTANT)
    Q_PROPERTY(ovpp::ui::DevicesViewModel *devices READ devices CONSTANT)
    Q_PROPERTY(ovpp::ui::DeviceDetailViewModel *deviceDetail READ deviceDetail CONSTANT)
    Q_PROPERTY(ovpp::ui::PairingViewModel *pairing READ pairing CONSTANT)
    Q_PROPERTY(ovpp::ui::FleetViewModel *fleet READ fleet CONSTANT)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)

public:
    // The view models QML sees; AppContext does not own them.
    struct ViewModels
    {
        WalletViewModel *wallet = nullptr;
        OnboardingViewModel *onboarding = nullptr;
        SettingsViewModel *settings = nullptr;
        ThemeController *theme = nullptr;
        PortfolioViewModel *portfolio = nullptr;
        ReceiveViewModel *receive = nullptr;
        HistoryViewModel *history = nullptr;
        InspectViewModel *inspect = nullptr;
        SendViewModel *send = nullptr;
        PayViewModel *pay = nullptr;
        DevicesViewModel *devices = nullptr;
        DeviceDetailViewModel *deviceDetail = nullptr;
        PairingViewModel *pairing = nullptr;
        FleetViewModel *fleet = nullptr;
    };

    explicit AppContext(const ViewModels &viewModels, QObject *parent = nullptr);
    ~AppContext() override;

    WalletViewModel *wallet() const { return m_viewModels.wallet; }
    OnboardingViewModel *onboarding() const { return m_viewModels.onboarding; }
    SettingsViewModel *settings() const { return m_viewModels.settings; }
    ThemeController *theme() const { return m_viewModels.theme; }
    PortfolioViewModel *portfolio() const { return m_viewModels.portfolio; }
    ReceiveViewModel *receive() const { return m_viewModels.receive; }
    HistoryViewModel *history() const { return m_viewModels.history; }
    InspectViewModel *inspect() const { return m_viewModels.inspect; }
    SendViewModel *send() const { return m_viewModels.send; }
    PayViewModel *pay() const { return m_viewModels.pay; }
    DevicesViewModel *devices() const { return m_viewModels.devices; }
    DeviceDetailViewModel *deviceDetail() const { return m_viewModels.deviceDetail; }
    PairingViewModel *pairing() const { return m_viewModels.pairing; }
    FleetViewModel *fleet() const { return m_viewModels.fleet; }
    QString appVersion() const;

    // The instance QML engines get. Uninstalls itself when destroyed.
    static void install(AppContext *context);
    static AppContext *instance();
    // Called by the QML engine (QML_SINGLETON): hands out the installed instance, owned by C++.
    static AppContext *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

private:
    // Plain pointers: the composition root destroys the view models only after this object.
    ViewModels m_viewModels;
};

} // namespace ovpp::ui
