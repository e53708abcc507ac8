#include "ScreenshotTour.h"

#include "AppContext.h"
#include "tour/TourDriver.h"
#include "tour/TourLogging.h"

#include <QCursor>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>

Q_LOGGING_CATEGORY(lcScreenshots, "ovpp.ui.screenshots")

namespace ovpp::app {

namespace {

bool prepareWindow(TourDriver &tour)
{
    QQuickWindow *window = tour.window();
    window->setPosition(0, 0);
    window->resize(screenshotWindowSize);
    window->show();
    window->requestActivate();
    // Keep the pointer off the window so no control is painted hovered.
    if (QScreen *screen = window->screen()) {
        const QRect area = screen->geometry();
        QCursor::setPos(screen, area.right(), area.bottom());
    }
    if (!TourDriver::waitFor([&] { return window->isExposed(); }))
        return tour.fail(QStringLiteral("the window was never shown")) == 0;
    return true;
}

} // namespace

int runScreenshotTour(QQmlApplicationEngine &engine, ovpp::ui::AppContext &context,
                      const QString &outputDir)
{
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window) {
        qCCritical(lcScreenshots) << "screenshot tour: Main.qml did not load";
        return 1;
    }
    TourDriver tour(window, &context, outputDir);
    if (!QDir().mkpath(outputDir))
        return tour.fail(QStringLiteral("cannot create %1").arg(outputDir));
    if (!prepareWindow(tour))
        return 1;

    runOnboardingChapter(tour);
    // Every later chapter needs the unlocked wallet the first one leaves behind.
    if (tour.failures() == 0) {
        runWalletChapter(tour);
        runSendChapter(tour);
        runHistoryChapter(tour);
        runDevicesChapter(tour);
        runFleetChapter(tour);
        runSettingsChapter(tour);
    }

    for (const QString &name : screenshotFileNames()) {
        if (!QFileInfo::exists(QDir(outputDir).filePath(name)))
            tour.fail(QStringLiteral("%1 was not written").arg(name));
    }
    if (tour.failures() > 0) {
        qCCritical(lcScreenshots) << "screenshot tour failed:" << tour.failures() << "problem(s)";
        return 1;
    }
    qCInfo(lcScreenshots) << "wrote" << screenshotFileNames().size() << "screenshots to"
                          << outputDir;
    return 0;
}

} // namespace ovpp::app
