#include "IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace ovpp::ui {

namespace {

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // Coarse timers may fire 5 % early: a few seconds on a 5-minute lock.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::idle);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleMonitor::~IdleMonitor()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleMonitor::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout.count() > 0 ? timeout : std::chrono::milliseconds(0);
    update();
}

void IdleMonitor::setActive(bool active)
{
    m_active = active;
    update();
}

void IdleMonitor::reset()
{
    if (m_timer.isActive())
        m_timer.start(m_timeout);
}

std::chrono::milliseconds IdleMonitor::remaining() const
{
    return std::chrono::milliseconds(m_timer.isActive() ? m_timer.remainingTime() : -1);
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    // One input event visits several objects (window, item, parents): restarting a running
    // timer is cheap, so no need to tell them apart.
    if (m_timer.isActive() && isUserInput(event->type()))
        m_timer.start(m_timeout);
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::update()
{
    if (m_active && m_timeout.count() > 0)
        m_timer.start(m_timeout);
    else
        m_timer.stop();
}

} // namespace ovpp::ui
