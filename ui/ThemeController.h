#pragma once

// Light or dark. "System" follows the platform palette: Qt 6.4 has no color-scheme hint, so the
// window colour's lightness decides, re-read whenever the application palette changes.

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class AppSettings;

class ThemeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.theme")

    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY changed)
    Q_PROPERTY(bool dark READ dark NOTIFY changed)

public:
    enum Mode { System, Light, Dark };
    Q_ENUM(Mode)

    explicit ThemeController(AppSettings *settings, QObject *parent = nullptr);
    ~ThemeController() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    bool dark() const { return m_dark; }

    // The platform palette's verdict, whatever the mode.
    static bool systemPrefersDark();

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    QPointer<AppSettings> m_settings;
    Mode m_mode = System;
    bool m_dark = false;
};

} // namespace ovpp::ui
