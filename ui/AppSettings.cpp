#include "AppSettings.h"

#include <algorithm>

namespace ovpp::ui {

namespace {

const QString AutoLockKey = QStringLiteral("security/autoLockMinutes");
const QString ThemeKey = QStringLiteral("appearance/theme");
const QString NetworkKey = QStringLiteral("network/cluster");
const QString LastVaultKey = QStringLiteral("wallet/lastVaultPath");

QString deviceUnlockKey(const QUuid &vaultId)
{
    return QStringLiteral("deviceUnlock/") + vaultId.toString(QUuid::WithoutBraces);
}

} // namespace

// Named explicitly rather than taken from QCoreApplication, so that tests and tools that build
// the view models without the app's names still read and write the same file.
AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(QStringLiteral("OpenVPP"), QStringLiteral("OpenVPP World"))
{ }

int AppSettings::autoLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings.value(AutoLockKey, DefaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, MaxAutoLockMinutes) : DefaultAutoLockMinutes;
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    m_settings.setValue(AutoLockKey, std::clamp(minutes, 0, MaxAutoLockMinutes));
}

int AppSettings::themeMode() const
{
    return m_settings.value(ThemeKey, 0).toInt();
}

void AppSettings::setThemeMode(int mode)
{
    m_settings.setValue(ThemeKey, mode);
}

QString AppSettings::network() const
{
    return m_settings.value(NetworkKey).toString();
}

void AppSettings::setNetwork(const QString &network)
{
    m_settings.setValue(NetworkKey, network);
}

QString AppSettings::lastVaultPath() const
{
    return m_settings.value(LastVaultKey).toString();
}

void AppSettings::setLastVaultPath(const QString &path)
{
    m_settings.setValue(LastVaultKey, path);
}

bool AppSettings::deviceUnlock(const QUuid &vaultId) const
{
    return !vaultId.isNull() && m_settings.value(deviceUnlockKey(vaultId), false).toBool();
}

void AppSettings::setDeviceUnlock(const QUuid &vaultId, bool on)
{
    if (vaultId.isNull() || deviceUnlock(vaultId) == on)
        return;
    if (on)
        m_settings.setValue(deviceUnlockKey(vaultId), true);
    else
        m_settings.remove(deviceUnlockKey(vaultId));
    emit deviceUnlockChanged();
}

} // namespace ovpp::ui
