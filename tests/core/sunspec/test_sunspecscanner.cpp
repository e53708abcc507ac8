// SunSpecScanner: range parsing, and scans of 127.0.0.x (loopback only) that find the
// simulator, report progress and can be cancelled.

#include "SunSpecTestSupport.h"
#include "der/sunspec/SunSpecScanner.h"

using namespace ovpp::core;
using ovpp::test::InverterSimulator;
using ovpp::test::waitFor;

namespace {

QList<QHostAddress> loopbackHosts(int count)
{
    auto hosts = SunSpecScanner::parseRange(QStringLiteral("127.0.0.1-127.0.0.%1").arg(count));
    return hosts ? hosts.value() : QList<QHostAddress>();
}

} // namespace

TEST(SunSpecScanRange, Cidr)
{
    const auto net = SunSpecScanner::parseRange(QStringLiteral("192.168.7.0/24"));
    ASSERT_TRUE(net.ok());
    ASSERT_EQ(net->size(), 254);
    EXPECT_EQ(net->first(), QHostAddress(QStringLiteral("192.168.7.1")));
    EXPECT_EQ(net->last(), QHostAddress(QStringLiteral("192.168.7.254")));

    const auto small = SunSpecScanner::parseRange(QStringLiteral("10.0.0.9/30"));
    ASSERT_TRUE(small.ok());
    ASSERT_EQ(small->size(), 2);
    EXPECT_EQ(small->first(), QHostAddress(QStringLiteral("10.0.0.9")));

    const auto one = SunSpecScanner::parseRange(QStringLiteral("10.0.0.9/32"));
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->size(), 1);
}

TEST(SunSpecScanRange, RangesAndSingleAddresses)
{
    const auto r = SunSpecScanner::parseRange(QStringLiteral("127.0.0.1-127.0.0.8"));
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 8);
    EXPECT_EQ(r->at(7), QHostAddress(QStringLiteral("127.0.0.8")));
    const auto single = SunSpecScanner::parseRange(QStringLiteral(" 192.168.1.20 "));
    ASSERT_TRUE(single.ok());
    EXPECT_EQ(single->size(), 1);
}

TEST(SunSpecScanRange, RejectsWhatIsTooLargeOrMalformed)
{
    for (const char *bad : {"192.168.0.0/23", "10.0.0.0/8", "10.0.0.1-10.0.1.1",
                            "10.0.0.9-10.0.0.1", "host.example", "::1", "10.0.0.1/33", ""}) {
        const auto r = SunSpecScanner::parseRange(QString::fromLatin1(bad));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument) << bad;
    }
    SunSpecScanner scanner;
    QList<QHostAddress> tooMany;
    for (int i = 0; i < SunSpecScanner::kMaxHosts + 1; ++i)
        tooMany.append(QHostAddress(quint32(0x7F000000u + quint32(i))));
    const auto started = scanner.start(tooMany, {}, nullptr, [](auto) {});
    EXPECT_FALSE(started.ok());
    EXPECT_FALSE(scanner.isRunning());
}

TEST(SunSpecScan, FindsTheSimulatorAndReportsProgress)
{
    InverterSimulator sim({QStringLiteral("--serial"), QStringLiteral("SCAN-42")});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    const auto hosts = loopbackHosts(8);
    ASSERT_EQ(hosts.size(), 8);

    SunSpecScanner scanner;
    QList<int> progress;
    QList<SunSpecDeviceInfo> announced;
    QObject::connect(&scanner, &SunSpecScanner::progress, [&](int scanned, int total) {
        EXPECT_EQ(total, hosts.size());
        progress.append(scanned);
    });
    QObject::connect(&scanner, &SunSpecScanner::deviceFound,
                     [&](const SunSpecDeviceInfo &d) { announced.append(d); });

    SunSpecScanOptions options;
    options.port = sim.port();
    options.concurrency = 3;
    const auto result = waitFor<QList<SunSpecDeviceInfo>>([&](QObject *ctx, auto done) {
        const auto started = scanner.start(hosts, options, ctx, std::move(done));
        ASSERT_TRUE(started.ok());
        EXPECT_TRUE(scanner.isRunning());
    });
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->ok()) << result->error().detail.toStdString();
    EXPECT_FALSE(scanner.isRunning());

    ASSERT_EQ(result->value().size(), 1);
    const auto &found = result->value().first();
    EXPECT_EQ(found.host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(found.port, sim.port());
    EXPECT_EQ(found.common.serialNumber, QStringLiteral("SCAN-42"));
    ASSERT_EQ(announced.size(), 1);
    EXPECT_EQ(announced.first().common.serialNumber, QStringLiteral("SCAN-42"));

    QList<int> expected;
    for (int i = 1; i <= hosts.size(); ++i)
        expected.append(i);
    EXPECT_EQ(progress, expected);
}

TEST(SunSpecScan, CanBeCancelled)
{
    InverterSimulator sim({});
    ASSERT_TRUE(sim.ok()) << sim.error().toStdString();
    const auto hosts = loopbackHosts(32);

    SunSpecScanner scanner;
    QList<int> progress;
    const auto canceller
        = QObject::connect(&scanner, &SunSpecScanner::progress, [&](int scanned, int) {
              progress.append(scanned);
              scanner.cancel(); // after the first host
          });
    SunSpecScanOptions options;
    options.port = sim.port();
    options.concurrency = 1;
    const auto result = waitFor<QList<SunSpecDeviceInfo>>([&](QObject *ctx, auto done) {
        ASSERT_TRUE(scanner.start(hosts, options, ctx, std::move(done)).ok());
    });
    ASSERT_TRUE(result.has_value());
    ASSERT_FALSE(result->ok());
    EXPECT_EQ(result->error().code, ErrorCode::Cancelled);
    EXPECT_EQ(progress, QList<int>({1}));
    EXPECT_FALSE(scanner.isRunning());

    // The scanner is reusable after a cancel.
    QObject::disconnect(canceller);
    const auto again = waitFor<QList<SunSpecDeviceInfo>>([&](QObject *ctx, auto done) {
        ASSERT_TRUE(scanner.start(hosts.mid(0, 1), options, ctx, std::move(done)).ok());
    });
    ASSERT_TRUE(again.has_value());
    ASSERT_TRUE(again->ok()) << again->error().detail.toStdString();
    ASSERT_EQ(again->value().size(), 1);
    EXPECT_EQ(again->value().first().host, QStringLiteral("127.0.0.1"));
}

OVPP_SUNSPEC_TEST_MAIN
