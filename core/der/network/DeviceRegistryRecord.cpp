#include "DeviceRegistryRecord.h"

#include "der/registry/RegistryMemo.h"

namespace ovpp::core {

QString registryKind(PairedDevice::Kind kind)
{
    return kind == PairedDevice::Kind::Charger ? QStringLiteral("evcharger")
                                               : QStringLiteral("inverter");
}

bool needsSerialForRegistry(const PairedDevice &device)
{
    return RegistryMemo::normalizedSerial(device.serialNumber).isEmpty();
}

Result<RegistryRecord> registryRecord(const PairedDevice &device)
{
    QStringList missing;
    if (device.manufacturer.trimmed().isEmpty())
        missing << QStringLiteral("manufacturer");
    if (device.model.trimmed().isEmpty())
        missing << QStringLiteral("model");
    if (needsSerialForRegistry(device))
        missing << QStringLiteral("serial number");
    if (!missing.isEmpty())
        return Error {
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 has no %2 yet").arg(device.id, missing.join(QStringLiteral(", ")))};
    return RegistryMemo::registration(device.id, registryKind(device.kind), device.manufacturer,
                                      device.model, device.serialNumber);
}

} // namespace ovpp::core
