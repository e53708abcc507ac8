#pragma once

// The devices paired with this app, kept in one JSON file (devices.json in the app's data
// directory), written atomically (core/wallet/AtomicFile) with mode 0600.
//
// Chargers authenticate with an AuthorizationKey (OCPP security profiles 1/2). The catalog
// never stores the key itself: only a verifier (a random salt and SHA-256 over salt || key), so
// reading the file does not let anyone impersonate a charger. The key is shown once, at
// pairing; a user who lost it pairs the charger again (a new key).
//
// Not thread-safe: one owner at a time (the device thread in the app, the process in the CLI).
// Another process may change the file (the CLI while the app runs): reload() picks that up.

#include "PairedDevice.h"
#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <utility>

namespace ovpp::core {

// What the central system needs to check a charger's password without knowing it.
struct ChargerVerifier
{
    QByteArray salt; // 16 random bytes
    QByteArray digest; // SHA-256(salt || AuthorizationKey)
};

class DeviceCatalog
{
public:
    explicit DeviceCatalog(QString path);

    // The desktop app's AppDataLocation + /devices.json, the same from the CLI:
    // $XDG_DATA_HOME/OpenVPP/OpenVPP World/devices.json on Linux.
    static QString defaultPath();

    QString path() const { return m_path; }

    // Reads the file. A missing file is an empty catalog. A corrupt or unreadable file is
    // CorruptFile / IoError naming the problem, and the file is left untouched (nothing is
    // saved over it until the user deals with it).
    Result<void> load();
    // Same as load(), for a file another process may have changed.
    Result<void> reload() { return load(); }

    QList<PairedDevice> devices() const;
    std::optional<PairedDevice> device(const QString &id) const;
    bool contains(const QString &id) const;

    // Adds an inverter (or any device without a key) and saves. AlreadyExists if the id is
    // taken; InvalidArgument for an empty id or an inverter without a host.
    Result<void> add(const PairedDevice &device);
    // Adds a charger with its AuthorizationKey (only the verifier is kept) and saves.
    Result<void> addCharger(const PairedDevice &device, const SecretBytes &authorizationKey);
    // Adds many chargers with one read and one write (a fleet), all or none.
    Result<void> addChargers(const QList<std::pair<PairedDevice, const SecretBytes *>> &chargers);
    // Replaces the entry with the same id (label, what BootNotification reported, the registry
    // signature, ...) and saves. NotFound if there is none.
    Result<void> update(const PairedDevice &device);
    // The same for many entries with one read and one write, all or none (a fleet's
    // BootNotifications).
    Result<void> updateMany(const QList<PairedDevice> &devices);
    // Removes the device (and its verifier) and saves. NotFound if there is none.
    Result<void> remove(const QString &id);

    // NotFound if `id` is not a paired charger.
    Result<ChargerVerifier> chargerVerifier(const QString &id) const;
    // True when `authorizationKey` is the key `id` was paired with (constant-time compare).
    bool verifyCharger(const QString &id, const SecretBytes &authorizationKey) const;

    // A fresh charge point id for pairing, unique in this catalog: "OVPP-" + 6 characters from
    // an unambiguous alphabet.
    QString newChargePointId() const;

    // The id an inverter gets at pairing: "inv-" + 10 hex digits of SHA-256 over
    // host/port/unit/serial, so pairing the same device twice finds the existing entry.
    static QString inverterId(const QString &host, quint16 port, quint8 unitId,
                              const QString &serialNumber);
    // A verifier for `authorizationKey` with a fresh random salt.
    static ChargerVerifier makeVerifier(const SecretBytes &authorizationKey);
    // True when `authorizationKey` matches `verifier` (constant-time compare).
    static bool matches(const ChargerVerifier &verifier, std::span<const std::uint8_t> key);

private:
    Result<void> appendCharger(const PairedDevice &device, const SecretBytes &authorizationKey);
    Result<void> save() const;

    QString m_path;
    QList<PairedDevice> m_devices;
    QHash<QString, ChargerVerifier> m_verifiers;
};

} // namespace ovpp::core
