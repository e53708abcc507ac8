#include "ClipboardGuard.h"

#include "SecretText.h"
#include "UiLogging.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace ovpp::ui {

namespace {

QByteArray digestOf(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    QByteArray digest = QCryptographicHash::hash(utf8, QCryptographicHash::Sha256);
    core::wipe(utf8.data(), std::size_t(utf8.size()));
    return digest;
}

QClipboard *systemClipboard()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance())
        ? QGuiApplication::clipboard()
        : nullptr;
}

} // namespace

ClipboardGuard::ClipboardGuard(std::chrono::milliseconds clearAfter, QObject *parent)
    : QObject(parent)
    , m_clearAfter(clearAfter)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfStillOurs);
}

ClipboardGuard::~ClipboardGuard()
{
    // A secret must not outlive the app on the clipboard.
    if (holdsSecret())
        clearIfStillOurs();
}

void ClipboardGuard::copyText(const QString &text)
{
    QClipboard *clipboard = systemClipboard();
    if (!clipboard)
        return;
    m_timer.stop();
    m_digest.clear();
    clipboard->setText(text);
}

void ClipboardGuard::copySecret(const core::SecretBytes &utf8Text)
{
    QClipboard *clipboard = systemClipboard();
    if (!clipboard)
        return;
    QString text = secretToString(utf8Text);
    m_digest = digestOf(text);
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    wipeString(text);
    clipboard->setMimeData(mime);
    m_timer.start(m_clearAfter);
    qCInfo(lcUi) << "secret copied to the clipboard; it is cleared in" << m_clearAfter.count()
                 << "ms";
}

void ClipboardGuard::clearIfStillOurs()
{
    m_timer.stop();
    if (m_digest.isEmpty())
        return;
    if (QClipboard *clipboard = systemClipboard()) {
        QString current = clipboard->text();
        if (!current.isEmpty() && digestOf(current) == m_digest) {
            clipboard->clear();
            qCInfo(lcUi) << "secret cleared from the clipboard";
        }
        wipeString(current);
    }
    m_digest.clear();
    emit secretExpired();
}

} // namespace ovpp::ui
