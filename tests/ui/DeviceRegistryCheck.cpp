#include "DeviceRegistryCheck.h"

#include "crypto/Base58.h"
#include "der/registry/RegistryReader.h"
#include "solana/rpc/RpcClient.h"

#include <QTest>

namespace ovpp::test::registry {

namespace {

core::Result<core::RegistryListing> read(const QUrl &rpcUrl, const QString &ownerBase58)
{
    auto owner = core::PublicKey::fromBase58(ownerBase58);
    if (!owner)
        return core::Error {core::ErrorCode::InvalidArgument, QStringLiteral("bad owner")};
    core::RpcClient rpc(rpcUrl);
    core::RegistryReader reader(&rpc);
    QFuture<core::Result<core::RegistryListing>> future = reader.listDevices(*owner);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return core::Error {core::ErrorCode::Unavailable, QStringLiteral("timed out")};
    return future.result();
}

} // namespace

QString serialHash(const QUrl &rpcUrl, const QString &ownerBase58, const QString &deviceId)
{
    const core::Result<core::RegistryListing> listing = read(rpcUrl, ownerBase58);
    if (!listing)
        return QStringLiteral("error: ") + core::describe(listing.error());
    for (const core::RegisteredDevice &d : listing->devices) {
        if (d.record.deviceId == deviceId)
            return core::base58::encode(d.record.serialHash);
    }
    return {};
}

QStringList listDevices(const QUrl &rpcUrl, const QString &ownerBase58)
{
    const core::Result<core::RegistryListing> listing = read(rpcUrl, ownerBase58);
    if (!listing)
        return {QStringLiteral("error: ") + core::describe(listing.error())};
    QStringList out;
    for (const core::RegisteredDevice &d : listing->devices) {
        if (!d.retired)
            out.append(QStringList {d.record.deviceId, d.record.kind, d.record.manufacturer,
                                    d.record.model}
                           .join(QLatin1Char(' ')));
    }
    return out;
}

} // namespace ovpp::test::registry
