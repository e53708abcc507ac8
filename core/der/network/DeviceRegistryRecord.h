#pragma once

// The registry record (docs/registry-format.md) that registers a paired device: one rule for
// the app and for `ovpp`, so both publish the same memo for the same device.

#include "PairedDevice.h"
#include "common/Result.h"
#include "der/registry/RegistryRecord.h"

#include <QString>

namespace ovpp::core {

// "inverter" or "evcharger": the registry kind of a paired device.
QString registryKind(PairedDevice::Kind kind);

// The registration of `device`: its id, kind, manufacturer, model and serial hash.
// InvalidArgument naming what is missing or malformed. Nothing is made up for a missing value:
// a registry entry is public and permanent, and a placeholder serial ("unknown", the device id)
// would publish a hash that no one holding the device could ever match. A charger whose
// BootNotification carried no serial number is registered once the user types the serial from
// its label (store it in the device first).
Result<RegistryRecord> registryRecord(const PairedDevice &device);

// True when the device lacks the serial number a registration needs.
bool needsSerialForRegistry(const PairedDevice &device);

} // namespace ovpp::core
