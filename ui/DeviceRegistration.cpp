#include "DeviceRegistration.h"

#include "ChainSession.h"
#include "der/registry/RegistryMemo.h"
#include "solana/send/Sender.h"

#include <QFuture>
#include <QPointer>

namespace ovpp::ui::deviceregistration {

void submit(ChainSession *chain, const core::PublicKey &owner, const QString &accountId,
            const core::PairedDevice &device, QObject *context,
            std::function<void(core::Result<QString>)> done)
{
    if (!chain || !chain->sender()) {
        done(core::Error {core::ErrorCode::Unavailable,
                          chain ? chain->sendsUnavailableReason() : QString()});
        return;
    }
    const QString kind = device.kind == core::PairedDevice::Kind::Charger
        ? QStringLiteral("evcharger")
        : QStringLiteral("inverter");
    auto record = core::RegistryMemo::registration(device.id, kind, device.manufacturer,
                                                   device.model, device.serialNumber);
    if (!record) {
        done(record.error());
        return;
    }
    auto instruction = core::RegistryMemo::instruction(*record, owner);
    if (!instruction) {
        done(instruction.error());
        return;
    }
    core::SendRequest request;
    request.feePayer = owner;
    request.instructions = {*instruction};
    QPointer<ChainSession> session(chain);
    chain->sender()->prepare(request).then(
        context, [session, accountId, context, done](core::Result<core::PreparedSend> prepared) {
            if (!prepared) {
                done(prepared.error());
                return;
            }
            if (!session) {
                done(core::Error {core::ErrorCode::Cancelled, {}});
                return;
            }
            session->submit(*prepared, accountId, context,
                            [done](core::Result<core::PendingSend> sent) {
                                if (!sent)
                                    done(sent.error());
                                else
                                    done(sent->signature);
                            });
        });
}

} // namespace ovpp::ui::deviceregistration
