#pragma once

// One device-registry statement as it travels in a memo (docs/registry-format.md): "this wallet
// registers (or updates) device `deviceId`", or "this wallet retires device `deviceId`".
// A plain value; RegistryMemo turns it into memo text and back.

#include <QString>

#include <array>
#include <cstdint>

namespace ovpp::core {

struct RegistryRecord
{
    enum class Action {
        Register, // first registration or an update: the latest one wins
        Retire, // the device no longer earns for this wallet
    };

    using SerialHash = std::array<std::uint8_t, 32>;

    Action action = Action::Register;
    QString deviceId; // stable per owner: [A-Za-z0-9._:-], 1..64 characters
    // Register only (empty for Retire):
    QString kind; // lower-case token, e.g. "inverter", "battery", "evcharger", "meter"
    QString manufacturer; // free text, NFC, 1..64 UTF-8 bytes
    QString model; // free text, NFC, 1..64 UTF-8 bytes
    SerialHash serialHash {}; // RegistryMemo::serialHash(serial number)

    friend bool operator==(const RegistryRecord &, const RegistryRecord &) = default;
};

} // namespace ovpp::core
