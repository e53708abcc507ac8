#include "TourDriver.h"

#include "ScreenshotTour.h"
#include "TourLogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QMetaObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>

namespace ovpp::app {

using namespace std::chrono_literals;

namespace {

// ThemeController::Mode by value (the tour talks to the view models through their QML-facing
// properties, the same surface the views use).
constexpr int ThemeLight = 1;
constexpr int ThemeDark = 2;

} // namespace

TourDriver::TourDriver(QQuickWindow *window, QObject *context, const QString &outputDir)
    : m_window(window)
    , m_context(context)
    , m_theme(context->property("theme").value<QObject *>())
    , m_outputDir(outputDir)
{ }

QObject *TourDriver::viewModel(const char *name) const
{
    return m_context->property(name).value<QObject *>();
}

void TourDriver::capture(const QString &state, const QString &page)
{
    const QString pageName = page.isEmpty() ? state : page;
    if (!screenshotStates().contains(state)) {
        fail(QStringLiteral("state %1 is not in screenshotStates()").arg(state));
        return;
    }
    if (!showPage(pageName)) {
        fail(QStringLiteral("page %1 is not on screen (showing %2)")
                 .arg(pageName, m_window->property("currentPage").toString()));
        return;
    }
    for (const QString &theme : screenshotThemes()) {
        m_theme->setProperty("mode", theme == QLatin1String("dark") ? ThemeDark : ThemeLight);
        settle();
        const QImage image = m_window->grabWindow();
        const QString path = QDir(m_outputDir).filePath(screenshotFileName(theme, state));
        if (image.isNull() || !image.save(path, "PNG")) {
            fail(QStringLiteral("cannot write %1").arg(path));
            continue;
        }
        qCInfo(lcScreenshots) << "wrote" << path;
    }
}

bool TourDriver::showPage(const QString &name)
{
    QVariant shown;
    const bool called = QMetaObject::invokeMethod(
        m_window, "showPage", Q_RETURN_ARG(QVariant, shown), Q_ARG(QVariant, name));
    settle();
    return called && shown.toBool() && m_window->property("currentPage").toString() == name;
}

bool TourDriver::scrollToEnd(const QString &objectName)
{
    auto *page = m_window->findChild<QQuickItem *>(objectName);
    // A ScrollView's contentItem is its Flickable.
    auto *flickable = page ? page->property("contentItem").value<QQuickItem *>() : nullptr;
    if (!flickable)
        return false;
    const qreal end = flickable->property("contentHeight").toReal() - flickable->height();
    flickable->setProperty("contentY", std::max<qreal>(0, end));
    settle();
    return true;
}

void TourDriver::settle()
{
    if (QObject *toast = m_window->findChild<QObject *>(QStringLiteral("toast")))
        QMetaObject::invokeMethod(toast, "close");
    QEventLoop loop;
    QTimer::singleShot(500ms, &loop, &QEventLoop::quit);
    const auto connection
        = QObject::connect(m_window, &QQuickWindow::frameSwapped, &loop, &QEventLoop::quit);
    m_window->requestUpdate();
    loop.exec();
    QObject::disconnect(connection);
    spin(300ms);
}

void TourDriver::spin(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}

bool TourDriver::waitFor(const std::function<bool()> &condition, std::chrono::milliseconds limit)
{
    QDeadlineTimer deadline(limit);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        spin(20ms);
    }
    return true;
}

int TourDriver::fail(const QString &what)
{
    qCCritical(lcScreenshots).noquote() << "screenshot tour:" << what;
    ++m_failures;
    return 1;
}

} // namespace ovpp::app
