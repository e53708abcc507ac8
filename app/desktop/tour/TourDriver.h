#pragma once

// What every chapter of the screenshot tour uses: the window, the view models (through the
// same QML-facing properties the views use), navigation by Main.qml's showPage(), waiting on
// the event loop, and capture() to write one PNG per theme. A chapter drives the real app into
// a state and captures it; failures are counted, and the tour's exit code reports them.

#include <QObject>
#include <QString>
#include <QVariant>

#include <chrono>
#include <functional>

class QQuickWindow;

namespace ovpp::app {

class TourDriver
{
public:
    TourDriver(QQuickWindow *window, QObject *context, const QString &outputDir);

    // AppContext's view model named `name` ("wallet", "send", "fleet", ...); null if absent.
    QObject *viewModel(const char *name) const;
    QQuickWindow *window() const { return m_window; }
    QString outputDir() const { return m_outputDir; }

    // Shows `page` (a name Main.qml's showPage() takes) and writes `state`'s PNG in both themes.
    // `page` defaults to `state`: several states can be steps of one page (send-review is the
    // send page with the review step on screen).
    void capture(const QString &state, const QString &page = {});
    bool showPage(const QString &name);
    // Scrolls the page item named `objectName` (a ScrollPage) to its end, as a person would to
    // see what is below the window's edge.
    bool scrollToEnd(const QString &objectName);

    // Runs the event loop until `condition` holds; false after `limit`.
    static bool waitFor(const std::function<bool()> &condition,
                        std::chrono::milliseconds limit = std::chrono::seconds(60));
    static void spin(std::chrono::milliseconds duration);
    // Lets bindings, layouts and polish run and a frame be presented.
    void settle();

    // Counts a failure and logs it; returns 1 so callers can `return tour.fail(...)`.
    int fail(const QString &what);
    int failures() const { return m_failures; }

private:
    QQuickWindow *m_window;
    QObject *m_context;
    QObject *m_theme;
    QString m_outputDir;
    int m_failures = 0;
};

// The tour's chapters, in the order they run (ScreenshotTour.cpp). Each leaves the wallet
// unlocked for the next one.
void runOnboardingChapter(TourDriver &tour); // first run, import, create the vault, lock, unlock
void runWalletChapter(TourDriver &tour); // funds the account; balances, receive
void runSendChapter(TourDriver &tour); // send review, pending, confirmed; a Solana Pay request
void runHistoryChapter(TourDriver &tour); // history (with the sends above), inspect
void runDevicesChapter(TourDriver &tour); // pairing flows, device cards, device detail
void runFleetChapter(TourDriver &tour); // the fleet table
void runSettingsChapter(TourDriver &tour); // rewards, settings

} // namespace ovpp::app
