#pragma once

// The one object QML sees: a singleton (OpenVPP.Ui's AppContext) handing out the view models.
// C++ owns it; the composition root (or a test) builds one and install()s it before any QML
// engine asks for it.

#include "OnboardingViewModel.h"
#include "SettingsViewModel.h"
#include "ThemeController.h"
#include "WalletViewModel.h"

#include <QObject>
#include <QPointer>
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
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)

public:
    // Does not take ownership of the view models.
    AppContext(WalletViewModel *wallet, OnboardingViewModel *onboarding,
               SettingsViewModel *settings, ThemeController *theme, QObject *parent = nullptr);
    ~AppContext() override;

    WalletViewModel *wallet() const { return m_wallet; }
    OnboardingViewModel *onboarding() const { return m_onboarding; }
    SettingsViewModel *settings() const { return m_settings; }
    ThemeController *theme() const { return m_theme; }
    QString appVersion() const;

    // The instance QML engines get. Uninstalls itself when destroyed.
    static void install(AppContext *context);
    static AppContext *instance();
    // Called by the QML engine (QML_SINGLETON): hands out the installed instance, owned by C++.
    static AppContext *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

private:
    QPointer<WalletViewModel> m_wallet;
    QPointer<OnboardingViewModel> m_onboarding;
    QPointer<SettingsViewModel> m_settings;
    QPointer<ThemeController> m_theme;
};

} // namespace ovpp::ui
