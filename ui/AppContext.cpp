#include "AppContext.h"

#include "UiLogging.h"

#include <QJSEngine>
#include <QPointer>
#include <QQmlEngine>

namespace ovpp::ui {

namespace {

QPointer<AppContext> &installed()
{
    static QPointer<AppContext> context;
    return context;
}

} // namespace

AppContext::AppContext(const ViewModels &viewModels, QObject *parent)
    : QObject(parent)
    , m_viewModels(viewModels)
{ }

AppContext::~AppContext()
{
    if (installed() == this)
        installed() = nullptr;
}

QString AppContext::appVersion() const
{
    return QStringLiteral(OVPP_VERSION);
}

void AppContext::install(AppContext *context)
{
    installed() = context;
}

AppContext *AppContext::instance()
{
    return installed();
}

AppContext *AppContext::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine);
    AppContext *context = installed();
    if (!context) {
        qCCritical(lcUi) << "AppContext requested by QML before one was installed";
        return nullptr;
    }
    if (jsEngine && context->thread() != jsEngine->thread()) {
        qCCritical(lcUi) << "AppContext lives in another thread than the QML engine";
        return nullptr;
    }
    // Singletons returned from create() would otherwise belong to the engine, which deletes
    // them with itself.
    QJSEngine::setObjectOwnership(context, QJSEngine::CppOwnership);
    return context;
}

} // namespace ovpp::ui
