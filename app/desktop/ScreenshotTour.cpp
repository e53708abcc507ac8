#include "ScreenshotTour.h"

#include "AppContext.h"

#include <QAbstractItemModel>
#include <QCursor>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QTimer>

#include <chrono>
#include <functional>

Q_LOGGING_CATEGORY(lcScreenshots, "ovpp.ui.screenshots")

namespace ovpp::app {

namespace {

using namespace std::chrono_literals;

// The BIP39 test mnemonic from the published vectors: public, holds nothing, used here only so
// the path chooser has real candidates to show.
constexpr auto TestMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon "
                              "abandon abandon abandon about";
// Protects a throw-away vault in a temporary directory; not a secret.
constexpr auto TourPassword = "screenshot-tour-password";

// ThemeController::Mode and the view models' enums, by value (the tour talks to them through
// their QML-facing properties, the same surface the views use).
constexpr int ThemeLight = 1;
constexpr int ThemeDark = 2;
constexpr int WalletNoWallet = 0;
constexpr int WalletLocked = 1;
constexpr int WalletUnlocked = 2;
constexpr int ModeCreate = 0;
constexpr int ModeImportWords = 1;
constexpr int ModeWatch = 4;

class Tour
{
public:
    Tour(QQuickWindow *window, QObject *context, const QString &outputDir)
        : m_window(window)
        , m_wallet(context->property("wallet").value<QObject *>())
        , m_onboarding(context->property("onboarding").value<QObject *>())
        , m_theme(context->property("theme").value<QObject *>())
        , m_outputDir(outputDir)
    { }

    int run()
    {
        if (!m_wallet || !m_onboarding || !m_theme)
            return fail(QStringLiteral("AppContext lacks wallet, onboarding or theme"));
        if (!QDir().mkpath(m_outputDir))
            return fail(QStringLiteral("cannot create %1").arg(m_outputDir));
        if (!prepareWindow())
            return 1;
        if (walletState() != WalletNoWallet)
            return fail(QStringLiteral("the tour needs a data directory without a wallet"));

        firstRun();
        if (m_failures == 0)
            openWallet();

        for (const QString &name : screenshotFileNames()) {
            if (!QFileInfo::exists(QDir(m_outputDir).filePath(name)))
                ++m_failures;
        }
        if (m_failures > 0) {
            qCCritical(lcScreenshots) << "screenshot tour failed:" << m_failures << "problem(s)";
            return 1;
        }
        qCInfo(lcScreenshots) << "wrote" << screenshotFileNames().size() << "screenshots to"
                              << m_outputDir;
        return 0;
    }

private:
    void firstRun()
    {
        capture(QStringLiteral("welcome"));

        m_onboarding->setProperty("mode", ModeCreate);
        invoke(m_onboarding, "generateMnemonic");
        capture(QStringLiteral("create-words"));
        capture(QStringLiteral("create-quiz"));
        capture(QStringLiteral("password"));

        m_onboarding->setProperty("mode", ModeWatch);
        capture(QStringLiteral("watch"));

        m_onboarding->setProperty("mode", ModeImportWords);
        capture(QStringLiteral("import-keypair"));
        capture(QStringLiteral("import-secret"));
        capture(QStringLiteral("import-words"));

        bool accepted = false;
        QMetaObject::invokeMethod(m_onboarding, "setImportWords", Q_RETURN_ARG(bool, accepted),
                                  Q_ARG(QString, QString::fromLatin1(TestMnemonic)),
                                  Q_ARG(QString, QString()));
        if (!accepted) {
            fail(QStringLiteral("the test mnemonic was refused: %1").arg(onboardingError()));
            return;
        }
        const auto *candidates
            = m_onboarding->property("pathCandidates").value<QAbstractItemModel *>();
        if (!waitFor([&] {
                return !m_onboarding->property("busy").toBool() && candidates
                    && candidates->rowCount() > 0;
            })) {
            fail(QStringLiteral("no path candidates for the test mnemonic"));
            return;
        }
        capture(QStringLiteral("import-path"));
    }

    void openWallet()
    {
        // Create the vault from the imported words, as the password page's button does.
        if (!showPage(QStringLiteral("password"))) {
            fail(QStringLiteral("cannot return to the password page"));
            return;
        }
        QMetaObject::invokeMethod(m_onboarding, "finish",
                                  Q_ARG(QString, QString::fromLatin1(TourPassword)));
        if (!waitFor([&] { return walletState() == WalletUnlocked; })) {
            fail(QStringLiteral("the wallet was not created: %1").arg(onboardingError()));
            return;
        }

        // A second account, so the accounts list and switcher have something to switch between.
        QMetaObject::invokeMethod(m_wallet, "addAccount",
                                  Q_ARG(QString, QStringLiteral("Savings")));
        waitFor([&] { return !m_wallet->property("busy").toBool(); });
        m_wallet->setProperty("currentIndex", 0);

        QMetaObject::invokeMethod(m_wallet, "lock");
        if (!waitFor([&] { return walletState() == WalletLocked; })) {
            fail(QStringLiteral("the wallet did not lock"));
            return;
        }
        capture(QStringLiteral("lock"));

        QMetaObject::invokeMethod(m_wallet, "unlock",
                                  Q_ARG(QString, QString::fromLatin1(TourPassword)));
        if (!waitFor([&] { return walletState() == WalletUnlocked; })) {
            fail(QStringLiteral("the wallet did not unlock: %1")
                     .arg(m_wallet->property("errorText").toString()));
            return;
        }
        for (const char *page : {"wallet", "devices", "fleet", "rewards", "inspect", "settings"})
            capture(QString::fromLatin1(page));
    }

    bool prepareWindow()
    {
        m_window->setPosition(0, 0);
        m_window->resize(screenshotWindowSize);
        m_window->show();
        m_window->requestActivate();
        // Keep the pointer off the window so no control is painted hovered.
        if (QScreen *screen = m_window->screen()) {
            const QRect area = screen->geometry();
            QCursor::setPos(screen, area.right(), area.bottom());
        }
        if (!waitFor([&] { return m_window->isExposed(); }))
            return fail(QStringLiteral("the window was never shown")) == 0;
        return true;
    }

    // Shows `state` in both themes and writes one PNG per theme.
    void capture(const QString &state)
    {
        if (!showPage(state)) {
            fail(QStringLiteral("page %1 is not on screen (showing %2)")
                     .arg(state, root()->property("currentPage").toString()));
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

    bool showPage(const QString &name)
    {
        QVariant shown;
        const bool called = QMetaObject::invokeMethod(
            root(), "showPage", Q_RETURN_ARG(QVariant, shown), Q_ARG(QVariant, name));
        settle();
        return called && shown.toBool() && root()->property("currentPage").toString() == name;
    }

    // Lets bindings, layouts and polishing run, then waits until a frame with the result has
    // been presented (grabWindow renders the scene again, so this only has to be settled).
    void settle()
    {
        if (QObject *toast = root()->findChild<QObject *>(QStringLiteral("toast")))
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

    static void spin(std::chrono::milliseconds duration)
    {
        QEventLoop loop;
        QTimer::singleShot(duration, &loop, &QEventLoop::quit);
        loop.exec();
    }

    // Runs the event loop until `condition` holds; false after the time limit (which only bounds
    // a failure: Argon2id runs in test strength here).
    static bool waitFor(const std::function<bool()> &condition)
    {
        QDeadlineTimer deadline(60s);
        while (!condition()) {
            if (deadline.hasExpired())
                return false;
            spin(20ms);
        }
        return true;
    }

    static void invoke(QObject *object, const char *method)
    {
        QMetaObject::invokeMethod(object, method);
    }

    int walletState() const { return m_wallet->property("state").toInt(); }
    QString onboardingError() const { return m_onboarding->property("errorText").toString(); }
    QObject *root() const { return m_window; }

    int fail(const QString &what)
    {
        qCCritical(lcScreenshots).noquote() << "screenshot tour:" << what;
        ++m_failures;
        return 1;
    }

    QQuickWindow *m_window;
    QObject *m_wallet;
    QObject *m_onboarding;
    QObject *m_theme;
    QString m_outputDir;
    int m_failures = 0;
};

} // namespace

int runScreenshotTour(QQmlApplicationEngine &engine, ovpp::ui::AppContext &context,
                      const QString &outputDir)
{
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window) {
        qCCritical(lcScreenshots) << "screenshot tour: Main.qml did not load";
        return 1;
    }
    return Tour(window, &context, outputDir).run();
}

} // namespace ovpp::app
