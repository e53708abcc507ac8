#pragma once

// Reads an owner's device registry back from a cluster with core::RegistryReader.

#include <QString>
#include <QStringList>
#include <QUrl>

namespace ovpp::test::registry {

// "<device id> <kind> <manufacturer> <model>" per active registered device, or the error text
// as the only entry prefixed with "error: ".
QStringList listDevices(const QUrl &rpcUrl, const QString &ownerBase58);

// The base58 serial hash the registry holds for `deviceId`, or "error: ..." / "" (not found).
QString serialHash(const QUrl &rpcUrl, const QString &ownerBase58, const QString &deviceId);

} // namespace ovpp::test::registry
