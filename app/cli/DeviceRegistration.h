#pragma once

// Publishing paired devices in the on-chain registry (docs/registry-format.md): `ovpp device
// register`, and the registration step of `ovpp device pair --register`. Both build the memo
// with core::registryRecord, as the app does, so the same device always gets the same memo.

#include "Command.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/PairedDevice.h"
#include "solana/send/PendingSend.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace ovpp::cli::device {

// What signs and sends a registration: --url, the signer options and the send options.
QStringList registrationOptions();

// Why `device` cannot be registered yet, as the failure to report (code not-seen-yet,
// no-serial-number, invalid-argument), its message starting with the device id and saying what
// to do; nullopt when it can be registered.
std::optional<Failure> notRegistrable(const core::PairedDevice &device);

// One transaction of registrations: the send in its final state and the devices it registered.
struct RegistrationBatch
{
    core::PendingSend send;
    QStringList deviceIds;
};

// Registers `devices` (each must pass notRegistrable) signed by the signer of the command line:
// as many memos per transaction as fit a packet, the transactions sent one after another, each
// device's signature stored in the catalog as soon as its transaction is confirmed. Stops at the
// first transaction that fails; the failure names the devices left unregistered (they can be
// registered by running the command again) and those registered before it.
Outcome<QList<RegistrationBatch>> registerDevices(const Invocation &in,
                                                  core::DeviceCatalog &catalog,
                                                  const QList<core::PairedDevice> &devices);

// `ovpp device register`.
Command registerCommand();

} // namespace ovpp::cli::device
