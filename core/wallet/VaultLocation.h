#pragma once

// Where wallets live: one file per wallet in the XDG data directory
// ($XDG_DATA_HOME/OpenVPP/OpenVPP World/wallets/NAME.ovppvault, usually under ~/.local/share).

#include <QString>
#include <QStringList>

namespace ovpp::core::vaultlocation {

inline constexpr auto Extension = ".ovppvault";

QString walletsDirectory();
QString pathForName(const QString &name); // "default" -> .../wallets/default.ovppvault
QStringList existingVaults(); // absolute paths, sorted by name

} // namespace ovpp::core::vaultlocation
