#pragma once

// A device as the chain says a wallet registered it: the latest statement about its id, and
// where that statement is. Rows of RegistryReader's listing.

#include "RegistryRecord.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace ovpp::core {

struct RegisteredDevice
{
    // The latest registration's details (kind, manufacturer, model, serial hash); action is
    // Register. Empty details when the only statement seen about the id is its retirement.
    RegistryRecord record;
    bool retired = false; // a retirement came after the latest registration
    QString signature; // the transaction of the latest statement (registration or retirement)
    std::uint64_t slot = 0;
    std::optional<std::int64_t> blockTime;
};

} // namespace ovpp::core
