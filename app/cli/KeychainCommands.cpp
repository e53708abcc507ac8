#include "KeychainCommands.h"

#include "PasswordInput.h"
#include "wallet/DeviceUnlock.h"
#include "wallet/VaultLocation.h"
#include "wallet/Wallet.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>

#include <optional>

namespace ovpp::cli {

using namespace core;

namespace {

// DeviceUnlock answers asynchronously; a command waits for the answer in a local event loop.
// DeviceUnlock's own timeout guarantees that the answer comes.
template<typename T, typename Start> T waitFor(Start start)
{
    QObject context;
    QEventLoop loop;
    std::optional<T> result;
    start(&context, [&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

// The same service name as the desktop app, so that each sees what the other stored.
const DeviceUnlock &deviceUnlock()
{
    static const DeviceUnlock unlock;
    return unlock;
}

QString vaultPath(const Invocation &in)
{
    if (in.line.has(QStringLiteral("vault")))
        return QFileInfo(in.line.value(QStringLiteral("vault"))).absoluteFilePath();
    return vaultlocation::pathForName(QStringLiteral("default"));
}

Failure keychainFailure(const Error &error, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (error.code == ErrorCode::NotFound) {
        return userFailure(QStringLiteral("not-found"),
                           QStringLiteral("the OS keychain holds no key for %1 — run 'ovpp "
                                          "keychain remember --vault %1', or give the password")
                               .arg(shown));
    }
    if (error.code == ErrorCode::Unavailable) {
        return userFailure(
            QStringLiteral("unavailable"),
            QStringLiteral("the OS keychain is not available: %1").arg(error.detail));
    }
    return vaultFailure(error, path);
}

Outcome<void> status(const Invocation &in)
{
    const auto availability = waitFor<DeviceUnlock::Availability>(
        [](QObject *context, auto done) { deviceUnlock().checkAvailable(context, done); });
    if (availability.available)
        in.out.line(QStringLiteral("The OS keychain is available: vaults can be unlocked on this "
                                   "device."));
    else
        in.out.line(
            QStringLiteral("The OS keychain is not available: %1").arg(availability.reason));
    in.out.document({{QStringLiteral("available"), availability.available},
                     {QStringLiteral("reason"), availability.reason}});
    return {};
}

Outcome<void> remember(const Invocation &in)
{
    const QString path = vaultPath(in);
    auto id = Wallet::readVaultId(path);
    if (!id.ok())
        return vaultFailure(id.error(), path);
    auto password
        = input::password(in.line.value(QStringLiteral("password-file")),
                          QStringLiteral("Password for %1: ").arg(QDir::toNativeSeparators(path)),
                          QStringLiteral("--password-file"));
    if (!password.ok())
        return password.failure();
    auto wallet = Wallet::open(path, password.value());
    if (!wallet.ok())
        return vaultFailure(wallet.error(), path);
    const QUuid vaultId = wallet->vaultId();
    const auto stored = waitFor<Result<void>>([&](QObject *context, auto done) {
        deviceUnlock().store(vaultId, wallet->vaultKey(), context, done);
    });
    if (!stored.ok())
        return keychainFailure(stored.error(), path);
    in.out.line(QStringLiteral("%1 now opens without its password on this device (its key is in "
                               "the OS keychain). 'ovpp keychain forget' undoes it.")
                    .arg(QDir::toNativeSeparators(path)));
    in.out.document({{QStringLiteral("vault"), path},
                     {QStringLiteral("vaultId"), vaultId.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("remembered"), true}});
    return {};
}

Outcome<void> forget(const Invocation &in)
{
    const QString path = vaultPath(in);
    auto id = Wallet::readVaultId(path);
    if (!id.ok())
        return vaultFailure(id.error(), path);
    const QUuid vaultId = id.value();
    const auto removed = waitFor<Result<void>>(
        [&](QObject *context, auto done) { deviceUnlock().remove(vaultId, context, done); });
    if (!removed.ok())
        return keychainFailure(removed.error(), path);
    in.out.line(QStringLiteral("%1 needs its password again on this device.")
                    .arg(QDir::toNativeSeparators(path)));
    in.out.document({{QStringLiteral("vault"), path},
                     {QStringLiteral("vaultId"), vaultId.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("remembered"), false}});
    return {};
}

const QString VaultHelp = QStringLiteral(
    "  --vault FILE            the vault file (default: the desktop app's \"default\"\n"
    "                          wallet)\n");

Command make(const QString &name, const QString &usage, const QString &summary, const QString &help,
             QStringList options, std::function<Outcome<void>(const Invocation &)> run)
{
    return makeCommand(QStringLiteral("keychain"), name, usage, summary, help, std::move(options),
                       std::move(run));
}

} // namespace

namespace keychain {

Outcome<SecretBytes> vaultKey(const QString &path, const QUuid &vaultId)
{
    auto key = waitFor<Result<SecretBytes>>(
        [&](QObject *context, auto done) { deviceUnlock().retrieve(vaultId, context, done); });
    if (!key.ok())
        return keychainFailure(key.error(), path);
    return std::move(key).value();
}

QString refreshStoredKey(const QUuid &vaultId, const SecretBytes &newKey)
{
    const auto existing = waitFor<Result<SecretBytes>>(
        [&](QObject *context, auto done) { deviceUnlock().retrieve(vaultId, context, done); });
    if (!existing.ok())
        return {}; // nothing stored (or no keychain): nothing to refresh
    const auto stored = waitFor<Result<void>>(
        [&](QObject *context, auto done) { deviceUnlock().store(vaultId, newKey, context, done); });
    if (stored.ok())
        return {};
    return QStringLiteral("the OS keychain still holds the old key and could not be updated (%1); "
                          "run 'ovpp keychain remember' again")
        .arg(describe(stored.error()));
}

} // namespace keychain

QList<Command> keychainCommands()
{
    QList<Command> commands;
    commands.append(make(QStringLiteral("status"), QString(),
                         QStringLiteral("say whether the OS keychain can be used here, or why not"),
                         QStringLiteral("Checks for a Secret Service (GNOME Keyring, KWallet) on "
                                        "the D-Bus session bus.\n"),
                         {}, status));
    commands.append(make(
        QStringLiteral("remember"), QStringLiteral("--vault FILE"),
        QStringLiteral("keep the vault's key in the OS keychain (unlock on this device)"),
        QStringLiteral("Asks for the password once, then stores the vault's key in the OS "
                       "keychain.\nAfterwards --use-keychain opens the vault without a "
                       "password, here and in\nthe desktop app. Anyone who can use your "
                       "unlocked desktop session can then\nopen the vault.\n\nOptions:\n")
            + VaultHelp + QStringLiteral("  --password-file FILE    read the password from FILE\n"),
        {QStringLiteral("vault"), QStringLiteral("password-file")}, remember));
    commands.append(make(QStringLiteral("forget"), QStringLiteral("--vault FILE"),
                         QStringLiteral("remove the vault's key from the OS keychain"),
                         QStringLiteral("Removes the stored key; the vault needs its password "
                                        "again. No password needed.\n\nOptions:\n")
                             + VaultHelp,
                         {QStringLiteral("vault")}, forget));
    return commands;
}

} // namespace ovpp::cli
