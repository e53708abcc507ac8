#include "VaultLocation.h"

#include "common/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <utility>

namespace ovpp::core::vaultlocation {

namespace {

// Core has no QCoreApplication name to hang AppDataLocation on, so the folder is spelled out:
// organisation, then application, as Qt would have made it.
const QString RelativeDirectory = QStringLiteral("OpenVPP/OpenVPP World/wallets");

constexpr QFileDevice::Permissions OwnerOnly
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Creates each missing folder on the way owner-only (0700), as the XDG spec asks for the data
// folder itself: wallets are nobody else's business, not even their names. Existing folders
// are left as the user has them.
void ensureDirectory(const QString &path)
{
    QStringList missing;
    for (QFileInfo info(path); !info.exists() && !info.isRoot();
         info = QFileInfo(info.absolutePath()))
        missing.prepend(info.absoluteFilePath());
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, OwnerOnly)) {
            qCWarning(lcWallet) << "cannot create the wallets folder" << folder;
            return;
        }
    }
}

} // namespace

QString walletsDirectory()
{
    // $XDG_DATA_HOME, or ~/.local/share when it is unset (on Linux).
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString path = base + QLatin1Char('/') + RelativeDirectory;
    ensureDirectory(path);
    return path;
}

QString pathForName(const QString &name)
{
    // A name is a file name, never a path: separators and the special names "." and ".."
    // could otherwise write outside the folder.
    QString safe = name.trimmed();
    for (QChar &c : safe) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.unicode() < 0x20)
            c = QLatin1Char('_');
    }
    if (safe.isEmpty() || safe.startsWith(QLatin1Char('.')))
        safe.prepend(QLatin1Char('_'));
    return walletsDirectory() + QLatin1Char('/') + safe + QLatin1String(Extension);
}

QStringList existingVaults()
{
    const QDir dir(walletsDirectory());
    const QStringList names
        = dir.entryList({QStringLiteral("*") + QLatin1String(Extension)}, QDir::Files, QDir::Name);
    QStringList paths;
    paths.reserve(names.size());
    for (const QString &name : names)
        paths.append(dir.absoluteFilePath(name));
    return paths;
}

} // namespace ovpp::core::vaultlocation
