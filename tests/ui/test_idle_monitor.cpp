// IdleMonitor: idle() after the timeout while active; input restarts the countdown; inactive or
// without a timeout it stays quiet.

#include "IdleMonitor.h"
#include "UiTestSupport.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

namespace ovpp::test {
namespace {

using ui::IdleMonitor;
using namespace std::chrono_literals;

TEST(IdleMonitorTest, FiresAfterTheTimeoutWhileActive)
{
    IdleMonitor monitor;
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    monitor.setTimeout(50ms);
    EXPECT_EQ(monitor.timeout(), 50ms);
    monitor.setActive(true);
    EXPECT_TRUE(idle.wait(10000));
    EXPECT_EQ(idle.count(), 1);
}

TEST(IdleMonitorTest, InputRestartsTheCountdown)
{
    IdleMonitor monitor;
    monitor.setTimeout(10min);
    EXPECT_EQ(monitor.remaining(), -1ms) << "not counting while inactive";
    monitor.setActive(true);
    QTest::qWait(50);
    const auto before = monitor.remaining();
    ASSERT_GE(before, 0ms);
    ASSERT_LE(before, 10min - 50ms);

    QObject target;
    QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCoreApplication::sendEvent(&target, &press);
    EXPECT_GT(monitor.remaining(), before);

    // Events that are not input leave the countdown alone.
    QTest::qWait(50);
    const auto beforeOther = monitor.remaining();
    QEvent other(QEvent::User);
    QCoreApplication::sendEvent(&target, &other);
    EXPECT_LE(monitor.remaining(), beforeOther);
}

TEST(IdleMonitorTest, QuietWhenInactiveOrWithoutTimeout)
{
    IdleMonitor monitor;
    QSignalSpy idle(&monitor, &IdleMonitor::idle);
    monitor.setTimeout(10ms);
    EXPECT_FALSE(monitor.isActive());
    QTest::qWait(100);
    EXPECT_EQ(idle.count(), 0);

    monitor.setTimeout(0ms);
    monitor.setActive(true);
    QTest::qWait(100);
    EXPECT_EQ(idle.count(), 0);
    EXPECT_EQ(monitor.timeout(), 0ms);

    monitor.setTimeout(-5ms);
    EXPECT_EQ(monitor.timeout(), 0ms);
}

} // namespace
} // namespace ovpp::test
