#include "DeviceRegistryCheck.h"

#include "der/registry/RegistryReader.h"
#include "solana/rpc/RpcClient.h"

#include <QTest>

namespace ovpp::test::registry {

QStringList listDevices(const QUrl &rpcUrl, const QString &ownerBase58)
{
    auto owner = core::PublicKey::fromBase58(ownerBase58);
    if (!owner)
        return {QStringLiteral("error: bad owner")};
    core::RpcClient rpc(rpcUrl);
    core::RegistryReader reader(&rpc);
    QFuture<core::Result<core::RegistryListing>> future = reader.listDevices(*owner);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return {QStringLiteral("error: timed out")};
    const core::Result<core::RegistryListing> listing = future.result();
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
