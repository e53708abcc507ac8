#pragma once

// Notices when the user has stopped using the app: an event filter on the application sees
// every mouse, key, wheel, touch and tablet event and restarts a timer; when the timer runs out,
// idle() is emitted once. Used for auto-lock. The timeout is in milliseconds so that tests can
// use a short one; the app sets whole minutes from the settings.

#include <QObject>
#include <QTimer>

#include <chrono>

namespace ovpp::ui {

class IdleMonitor : public QObject
{
    Q_OBJECT

public:
    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    // Zero (or less) turns the monitor off.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Only an active monitor counts down (the wallet is unlocked); activating starts afresh.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // Restarts the countdown, as user input does.
    void reset();
    // Time left before idle(); -1 ms when not counting down.
    std::chrono::milliseconds remaining() const;

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    QTimer m_timer;
    std::chrono::milliseconds m_timeout {0};
    bool m_active = false;
};

} // namespace ovpp::ui
