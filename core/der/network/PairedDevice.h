#pragma once

// A device the user paired with the app: what it is, how to reach it, and what was learned at
// pairing. A plain value; DeviceCatalog keeps the list on disk.

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace ovpp::core {

struct PairedDevice
{
    enum class Kind { Inverter, Charger };

    // Stable and unique in the catalog. Inverters: "inv-" + a short hash of host/unit/serial;
    // chargers: the OCPP charge point id (what the charger puts in its URL).
    QString id;
    Kind kind = Kind::Inverter;
    QString label; // the user's name for it ("Garage charger"); may be empty

    // From SunSpec discovery (common model) or the charger's BootNotification.
    QString manufacturer;
    QString model;
    QString serialNumber;
    QString firmwareVersion;

    // Inverters: where to reach it (SunSpec over Modbus TCP).
    QString host;
    quint16 port = 502;
    quint8 unitId = 1;

    QDateTime pairedAt; // UTC
    // The signature of the on-chain registry memo that registered it (docs/registry-format.md);
    // empty until registered.
    QString registrySignature;

    friend bool operator==(const PairedDevice &, const PairedDevice &) = default;
};

} // namespace ovpp::core
