#pragma once

// `openvpp-world --screenshot DIR`: drives the real app through every page and state and writes
// one PNG per state and theme into DIR (docs/screenshots.md). The list of states lives here so
// that the tour and the test that checks its output (tests/app) cannot disagree.

#include <QSize>
#include <QString>
#include <QStringList>

class QQmlApplicationEngine;

namespace ovpp::ui {
class AppContext;
}

namespace ovpp::app {

// The window size of every screenshot, in logical pixels (the tour runs at a device pixel ratio
// of 1 under Xvfb, so these are also the PNG's pixels).
inline constexpr QSize screenshotWindowSize {1180, 760};

// The states the tour captures; a state is a page (a name Main.qml's showPage() takes) or a step
// of one (send-review). The number in a file name is the state's place in this list.
inline QStringList screenshotStates()
{
    return {
        QStringLiteral("welcome"),
        QStringLiteral("create-words"),
        QStringLiteral("create-quiz"),
        QStringLiteral("password"),
        QStringLiteral("watch"),
        QStringLiteral("import-words"),
        QStringLiteral("import-keypair"),
        QStringLiteral("import-secret"),
        QStringLiteral("import-path"),
        QStringLiteral("lock"),
        QStringLiteral("wallet"),
        QStringLiteral("receive"),
        QStringLiteral("send"),
        QStringLiteral("send-review"),
        QStringLiteral("send-pending"),
        QStringLiteral("send-confirmed"),
        QStringLiteral("pay"),
        QStringLiteral("history"),
        QStringLiteral("inspect"),
        QStringLiteral("devices"),
        QStringLiteral("pair-inverter"),
        QStringLiteral("pair-inverter-found"),
        QStringLiteral("pair-inverter-done"),
        QStringLiteral("pair-charger"),
        QStringLiteral("pair-charger-done"),
        QStringLiteral("device-detail"),
        QStringLiteral("device-detail-registry"),
        QStringLiteral("fleet"),
        QStringLiteral("rewards"),
        QStringLiteral("settings"),
    };
}

inline QStringList screenshotThemes()
{
    return {QStringLiteral("light"), QStringLiteral("dark")};
}

// "light-01-welcome.png" for theme "light" and state "welcome".
inline QString screenshotFileName(const QString &theme, const QString &state)
{
    const int number = screenshotStates().indexOf(state) + 1;
    return QStringLiteral("%1-%2-%3.png")
        .arg(theme)
        .arg(number, 2, 10, QLatin1Char('0'))
        .arg(state);
}

// Every file the tour writes.
inline QStringList screenshotFileNames()
{
    QStringList names;
    for (const QString &state : screenshotStates()) {
        for (const QString &theme : screenshotThemes())
            names << screenshotFileName(theme, state);
    }
    return names;
}

// Needs Main.qml loaded into `engine` and a data directory without a wallet (main.cpp points
// XDG_DATA_HOME/XDG_CONFIG_HOME at a fresh temporary directory in screenshot mode). Returns the
// process exit code: 0 only if every PNG was written.
int runScreenshotTour(QQmlApplicationEngine &engine, ovpp::ui::AppContext &context,
                      const QString &outputDir);

} // namespace ovpp::app
