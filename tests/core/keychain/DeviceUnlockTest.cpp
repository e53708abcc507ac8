// DeviceUnlock against a real Secret Service (gnome-keyring on a private D-Bus session) and
// against environments without one. with-keyring.sh builds each environment and names it in
// OVPP_KEYCHAIN_TEST_BUS; ctest runs one suite per environment (see CMakeLists.txt). Run by hand:
//   tests/core/keychain/with-keyring.sh --secret-service
//   build/dev/tests/core/keychain/test_keychain

#include "wallet/DeviceUnlock.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <array>
#include <optional>

using namespace ovpp::core;
using namespace std::chrono_literals;

namespace {

// Not a timing check: only there so that a hang fails the test instead of blocking ctest.
constexpr auto HangGuard = 60s;

QString testBus()
{
    return qEnvironmentVariable("OVPP_KEYCHAIN_TEST_BUS");
}

bool inEnvironment(const char *mode)
{
    return testBus() == QLatin1String(mode);
}

SecretBytes keyPattern(std::uint8_t seed)
{
    SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<std::uint8_t>(seed + 7 * i);
    return key;
}

const QUuid VaultA(QStringLiteral("{6f0c2a4e-1d7b-4c51-9a3e-2b8d5f6c7e01}"));
const QUuid VaultB(QStringLiteral("{6f0c2a4e-1d7b-4c51-9a3e-2b8d5f6c7e02}"));
const QUuid VaultC(QStringLiteral("{6f0c2a4e-1d7b-4c51-9a3e-2b8d5f6c7e03}"));

// Starts an asynchronous call with a fresh context object and runs the event loop until its
// callback came (or the hang guard fired: then the result is empty).
template<typename T, typename Start> std::optional<T> await(Start start)
{
    QObject context;
    QEventLoop loop;
    std::optional<T> result;
    start(&context, [&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(HangGuard);
    if (!result)
        loop.exec();
    return result;
}

std::optional<DeviceUnlock::Availability> checkAvailable(const DeviceUnlock &unlock)
{
    return await<DeviceUnlock::Availability>(
        [&](QObject *ctx, auto done) { unlock.checkAvailable(ctx, done); });
}

std::optional<Result<void>> store(const DeviceUnlock &unlock, const QUuid &id,
                                  const SecretBytes &key)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { unlock.store(id, key, ctx, done); });
}

std::optional<Result<SecretBytes>> retrieve(const DeviceUnlock &unlock, const QUuid &id)
{
    return await<Result<SecretBytes>>(
        [&](QObject *ctx, auto done) { unlock.retrieve(id, ctx, done); });
}

std::optional<Result<void>> remove(const DeviceUnlock &unlock, const QUuid &id)
{
    return await<Result<void>>([&](QObject *ctx, auto done) { unlock.remove(id, ctx, done); });
}

void expectUnavailable(const std::optional<Result<void>> &result)
{
    ASSERT_TRUE(result.has_value()) << "no answer: DeviceUnlock hung";
    ASSERT_FALSE(result->ok());
    EXPECT_EQ(result->error().code, ErrorCode::Unavailable)
        << describe(result->error()).toStdString();
}

void expectUnavailable(const std::optional<Result<SecretBytes>> &result)
{
    ASSERT_TRUE(result.has_value()) << "no answer: DeviceUnlock hung";
    ASSERT_FALSE(result->ok());
    EXPECT_EQ(result->error().code, ErrorCode::Unavailable)
        << describe(result->error()).toStdString();
}

// --- with a Secret Service -----------------------------------------------------------------

class SecretService : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!inEnvironment("secret-service"))
            GTEST_SKIP() << "needs gnome-keyring on a private bus: run through "
                            "with-keyring.sh --secret-service (ctest does)";
    }

    DeviceUnlock m_unlock {QStringLiteral("OpenVPP World test"), 20s};
};

TEST_F(SecretService, IsAvailable)
{
    const auto availability = checkAvailable(m_unlock);
    ASSERT_TRUE(availability.has_value());
    EXPECT_TRUE(availability->available) << availability->reason.toStdString();
    EXPECT_TRUE(availability->reason.isEmpty());
}

TEST_F(SecretService, StoredKeyComesBackIdentical)
{
    const SecretBytes key = keyPattern(11);
    const auto stored = store(m_unlock, VaultA, key);
    ASSERT_TRUE(stored.has_value());
    ASSERT_TRUE(stored->ok()) << describe(stored->error()).toStdString();

    const auto retrieved = retrieve(m_unlock, VaultA);
    ASSERT_TRUE(retrieved.has_value());
    ASSERT_TRUE(retrieved->ok()) << describe(retrieved->error()).toStdString();
    ASSERT_EQ(retrieved->value().size(), 32u);
    EXPECT_TRUE(retrieved->value().equals(key.span()));
}

TEST_F(SecretService, StoringAgainReplacesTheKey)
{
    ASSERT_TRUE(store(m_unlock, VaultB, keyPattern(1)).value().ok());
    ASSERT_TRUE(store(m_unlock, VaultB, keyPattern(2)).value().ok());
    const auto retrieved = retrieve(m_unlock, VaultB);
    ASSERT_TRUE(retrieved.has_value() && retrieved->ok());
    EXPECT_TRUE(retrieved->value().equals(keyPattern(2).span()));
    EXPECT_FALSE(retrieved->value().equals(keyPattern(1).span()));
}

TEST_F(SecretService, UnknownVaultIsNotFound)
{
    const auto retrieved
        = retrieve(m_unlock, QUuid(QStringLiteral("{00000000-0000-4000-8000-00000000dead}")));
    ASSERT_TRUE(retrieved.has_value());
    ASSERT_FALSE(retrieved->ok());
    EXPECT_EQ(retrieved->error().code, ErrorCode::NotFound);
}

TEST_F(SecretService, RemovedKeyIsNotFound)
{
    ASSERT_TRUE(store(m_unlock, VaultC, keyPattern(33)).value().ok());
    ASSERT_TRUE(retrieve(m_unlock, VaultC).value().ok());

    const auto removed = remove(m_unlock, VaultC);
    ASSERT_TRUE(removed.has_value());
    ASSERT_TRUE(removed->ok()) << describe(removed->error()).toStdString();

    const auto retrieved = retrieve(m_unlock, VaultC);
    ASSERT_TRUE(retrieved.has_value());
    ASSERT_FALSE(retrieved->ok());
    EXPECT_EQ(retrieved->error().code, ErrorCode::NotFound);
}

TEST_F(SecretService, ServiceNamesAreIsolated)
{
    const DeviceUnlock other(QStringLiteral("OpenVPP World test, other service"), 20s);
    const QUuid id(QStringLiteral("{6f0c2a4e-1d7b-4c51-9a3e-2b8d5f6c7e10}"));
    ASSERT_TRUE(store(m_unlock, id, keyPattern(50)).value().ok());

    const auto missing = retrieve(other, id);
    ASSERT_TRUE(missing.has_value());
    ASSERT_FALSE(missing->ok());
    EXPECT_EQ(missing->error().code, ErrorCode::NotFound);

    ASSERT_TRUE(store(other, id, keyPattern(90)).value().ok());
    const auto mine = retrieve(m_unlock, id);
    ASSERT_TRUE(mine.has_value() && mine->ok());
    EXPECT_TRUE(mine->value().equals(keyPattern(50).span()));

    ASSERT_TRUE(remove(other, id).value().ok());
    const auto stillMine = retrieve(m_unlock, id);
    ASSERT_TRUE(stillMine.has_value() && stillMine->ok());
    EXPECT_TRUE(stillMine->value().equals(keyPattern(50).span()));
}

TEST_F(SecretService, RejectsAKeyOfTheWrongSize)
{
    const auto stored = store(m_unlock, VaultA, SecretBytes(16));
    ASSERT_TRUE(stored.has_value());
    ASSERT_FALSE(stored->ok());
    EXPECT_EQ(stored->error().code, ErrorCode::InvalidArgument);
}

TEST_F(SecretService, CallbackRunsOnTheContextThread)
{
    ASSERT_TRUE(store(m_unlock, VaultA, keyPattern(11)).value().ok());

    QThread worker;
    worker.start();
    auto *context = new QObject;
    context->moveToThread(&worker);

    QEventLoop loop;
    QThread *calledOn = nullptr;
    bool gotKey = false;
    m_unlock.retrieve(VaultA, context, [&](Result<SecretBytes> result) {
        calledOn = QThread::currentThread();
        gotKey = result.ok() && result->equals(keyPattern(11).span());
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    QTimer::singleShot(HangGuard, &loop, &QEventLoop::quit);
    loop.exec();

    worker.quit();
    worker.wait();
    delete context;

    EXPECT_EQ(calledOn, &worker);
    EXPECT_TRUE(gotKey);
}

TEST_F(SecretService, NoCallbackAfterTheContextIsGone)
{
    const QUuid id(QStringLiteral("{6f0c2a4e-1d7b-4c51-9a3e-2b8d5f6c7e20}"));
    bool called = false;
    auto *context = new QObject;
    m_unlock.store(id, keyPattern(7), context, [&](Result<void>) { called = true; });
    delete context;

    // The store still happens; once its key can be read back, its job has finished and its
    // answer has been dropped (or queued to nobody).
    bool seen = false;
    for (int attempt = 0; attempt < 100 && !seen; ++attempt) {
        const auto retrieved = retrieve(m_unlock, id);
        ASSERT_TRUE(retrieved.has_value());
        seen = retrieved->ok() && retrieved->value().equals(keyPattern(7).span());
    }
    ASSERT_TRUE(seen);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    EXPECT_FALSE(called);
}

// --- a session bus, but no Secret Service on it ----------------------------------------------

// Owns org.freedesktop.secrets and swallows every call without answering: a keyring that hangs.
class SilentObject : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

class NoSecretService : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!inEnvironment("bus-only"))
            GTEST_SKIP() << "needs a private bus without a keyring: run through "
                            "with-keyring.sh --bus-only (ctest does)";
    }
};

TEST_F(NoSecretService, UnavailableNamesTheMissingService)
{
    const DeviceUnlock unlock(QStringLiteral("OpenVPP World test"), 5s);
    const auto availability = checkAvailable(unlock);
    ASSERT_TRUE(availability.has_value());
    EXPECT_FALSE(availability->available);
    EXPECT_TRUE(availability->reason.contains(QLatin1String("org.freedesktop.secrets")))
        << availability->reason.toStdString();
    expectUnavailable(retrieve(unlock, VaultA));
    expectUnavailable(store(unlock, VaultA, keyPattern(3)));
}

TEST_F(NoSecretService, AServiceThatNeverAnswersTimesOut)
{
    const QString connectionName = QStringLiteral("silent-secret-service");
    SilentObject silent;
    {
        QDBusConnection bus
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        ASSERT_TRUE(bus.isConnected());
        ASSERT_TRUE(
            bus.registerVirtualObject(QStringLiteral("/"), &silent, QDBusConnection::SubPath));
        ASSERT_TRUE(bus.registerService(QStringLiteral("org.freedesktop.secrets")));
    }

    const DeviceUnlock unlock(QStringLiteral("OpenVPP World test"), 1s);
    const auto availability = checkAvailable(unlock);
    ASSERT_TRUE(availability.has_value()) << "no answer: DeviceUnlock hung";
    EXPECT_FALSE(availability->available);
    EXPECT_TRUE(availability->reason.contains(QLatin1String("did not answer")))
        << availability->reason.toStdString();

    const auto retrieved = retrieve(unlock, VaultA);
    expectUnavailable(retrieved);
    EXPECT_TRUE(retrieved->error().detail.contains(QLatin1String("did not answer")))
        << describe(retrieved->error()).toStdString();

    QDBusConnection::disconnectFromBus(connectionName);
}

// --- no usable session bus at all ------------------------------------------------------------

class WithoutSessionBus : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        if (!inEnvironment(GetParam()))
            GTEST_SKIP() << "run through with-keyring.sh --" << GetParam() << " (ctest does)";
    }
    DeviceUnlock m_unlock {QStringLiteral("OpenVPP World test"), 5s};
};

TEST_P(WithoutSessionBus, CheckAvailableSaysWhy)
{
    const auto availability = checkAvailable(m_unlock);
    ASSERT_TRUE(availability.has_value()) << "no answer: DeviceUnlock hung";
    EXPECT_FALSE(availability->available);
    EXPECT_TRUE(availability->reason.contains(QLatin1String("session bus")))
        << availability->reason.toStdString();
}

TEST_P(WithoutSessionBus, OperationsFailCleanly)
{
    expectUnavailable(retrieve(m_unlock, VaultA));
    expectUnavailable(store(m_unlock, VaultA, keyPattern(5)));
    expectUnavailable(remove(m_unlock, VaultA));
}

INSTANTIATE_TEST_SUITE_P(NoBus, WithoutSessionBus, ::testing::Values("no-bus"));
INSTANTIATE_TEST_SUITE_P(DeadBus, WithoutSessionBus, ::testing::Values("dead-bus"));

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    const int status = RUN_ALL_TESTS();
    // Under with-keyring.sh (as in ctest) a skipped or empty run means the wrong environment or
    // filter: that must fail, not pass quietly.
    if (status == 0 && !testBus().isEmpty()) {
        const auto *unit = ::testing::UnitTest::GetInstance();
        if (unit->test_to_run_count() == 0 || unit->skipped_test_count() > 0) {
            fprintf(stderr, "test_keychain: tests were skipped or none ran in environment '%s'\n",
                    qPrintable(testBus()));
            return 1;
        }
    }
    return status;
}
