#include "DeviceRegistrar.h"

#include "ChainSession.h"
#include "DeviceCatalogEditor.h"
#include "DeviceRegistration.h"
#include "ErrorText.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceRegistryRecord.h"
#include "der/registry/RegistryMemo.h"
#include "solana/send/Sender.h"

namespace ovpp::ui {

DeviceRegistrar::DeviceRegistrar(ChainSession *chain, WalletSession *session,
                                 WalletViewModel *wallet, DeviceCatalogEditor *catalog,
                                 QObject *parent)
    : QObject(parent)
    , m_chain(chain)
    , m_session(session)
    , m_wallet(wallet)
    , m_catalog(catalog)
{ }

DeviceRegistrar::~DeviceRegistrar() = default;

void DeviceRegistrar::setState(State state, const QString &text)
{
    m_state = state;
    m_text = text;
    emit changed();
}

void DeviceRegistrar::start(const core::PairedDevice &device)
{
    ++m_generation;
    m_device = device;
    m_signature.clear();
    m_serialError.clear();
    // Asks for the serial only when it is all that is missing (no make or model: skipped).
    const bool identified
        = !device.manufacturer.trimmed().isEmpty() && !device.model.trimmed().isEmpty();
    if (identified && core::needsSerialForRegistry(device)) {
        setState(State::NeedsSerial,
                 tr("To register it on-chain, type the serial number from its label: "
                    "it did not report one. This is optional; the device works without it."));
        return;
    }
    submit();
}

void DeviceRegistrar::retry()
{
    if (m_state == State::Failed)
        submit();
}

void DeviceRegistrar::registerWithSerial(const QString &serial)
{
    if (m_state != State::NeedsSerial)
        return;
    if (auto hash = core::RegistryMemo::serialHash(serial); !hash) {
        m_serialError = core::RegistryMemo::normalizedSerial(serial).isEmpty()
            ? tr("Type the serial number as printed on the label.")
            : tr("This is not a serial number the registry accepts (%1).").arg(hash.error().detail);
        emit changed();
        return;
    }
    m_serialError.clear();
    m_device.serialNumber = serial.trimmed();
    if (m_catalog) {
        // Kept with the device, so its detail page shows it and a later registration uses it.
        m_catalog->edit(
            [id = m_device.id,
             serial = m_device.serialNumber](core::DeviceCatalog &catalog) -> core::Result<void> {
                auto device = catalog.device(id);
                if (!device)
                    return core::Error {core::ErrorCode::NotFound, id};
                device->serialNumber = serial;
                return catalog.update(*device);
            },
            {});
    }
    submit();
}

void DeviceRegistrar::reset()
{
    ++m_generation;
    m_device = {};
    m_signature.clear();
    m_serialError.clear();
    setState(State::Idle, {});
}

void DeviceRegistrar::submit()
{
    const quint64 generation = ++m_generation;
    m_signature.clear();
    auto record = core::registryRecord(m_device);
    if (!record) {
        setState(State::Skipped,
                 tr("Not registered on-chain: the device did not report enough about "
                    "itself (%1).")
                     .arg(record.error().detail));
        return;
    }
    const core::AccountInfo *account = nullptr;
    if (m_session && m_wallet && m_session->state() == WalletSession::State::Unlocked) {
        const QString address = m_wallet->currentAddress();
        for (const core::AccountInfo &a : m_session->accounts()) {
            if (a.address.toBase58() == address)
                account = &a;
        }
    }
    if (!account) {
        setState(State::Failed, tr("Not registered on-chain: unlock the wallet, then retry."));
        return;
    }
    if (!account->hasSecret()) {
        setState(State::Skipped,
                 tr("Not registered on-chain: \"%1\" is a watch-only account, and a "
                    "registration must be signed by the device's owner. Switch to an account "
                    "with its key to register.")
                     .arg(account->label));
        return;
    }
    core::Sender *sender = m_chain ? m_chain->sender() : nullptr;
    if (!sender) {
        setState(State::Failed,
                 tr("Not registered on-chain: sending is not available (%1).")
                     .arg(m_chain ? m_chain->sendsUnavailableReason() : tr("no network")));
        return;
    }
    // One connection to the current sender (a cluster change makes a new one).
    if (sender != m_connectedSender) {
        disconnect(m_senderConnection);
        m_senderConnection = connect(sender, &core::Sender::stateChanged, this,
                                     &DeviceRegistrar::onSendStateChanged);
        m_connectedSender = sender;
    }
    m_accountLabel = account->label;
    setState(State::Registering, tr("Registering it on-chain with %1…").arg(m_accountLabel));
    deviceregistration::submit(
        m_chain.data(), account->address, account->id, m_device, this,
        [this, generation, id = m_device.id](core::Result<QString> signature) {
            if (signature)
                m_following.insert(*signature, id); // followed even if the page moved on
            if (generation != m_generation)
                return;
            if (!signature) {
                setState(State::Failed,
                         tr("The on-chain registration failed: %1. The device works without it; "
                            "you can retry.")
                             .arg(ErrorText::common(signature.error())));
                return;
            }
            m_signature = *signature;
            setState(State::Confirming,
                     tr("Registration sent; waiting for the network to confirm it "
                        "(transaction %1…).")
                         .arg(signature->left(12)));
        });
}

void DeviceRegistrar::onSendStateChanged(const core::PendingSend &send)
{
    const auto following = m_following.constFind(send.signature);
    if (following == m_following.cend())
        return;
    const QString deviceId = *following;
    const bool shown = send.signature == m_signature;
    switch (send.state) {
    case core::SendState::Confirmed:
    case core::SendState::Finalized:
        m_following.remove(send.signature);
        keepSignature(deviceId, send.signature);
        if (shown)
            setState(State::Registered,
                     tr("Registered on-chain (transaction %1…).").arg(send.signature.left(12)));
        break;
    case core::SendState::Failed:
        m_following.remove(send.signature);
        if (shown)
            setState(State::Failed,
                     tr("The registration transaction failed (%1). The device works "
                        "without it; you can retry.")
                         .arg(send.error));
        break;
    case core::SendState::Expired:
        m_following.remove(send.signature);
        if (shown)
            setState(State::Failed,
                     tr("The registration did not reach the network in time, so "
                        "nothing was charged. You can retry."));
        break;
    case core::SendState::Signed:
    case core::SendState::Sent:
    case core::SendState::Processed:
        break;
    }
}

void DeviceRegistrar::keepSignature(const QString &deviceId, const QString &signature)
{
    if (!m_catalog)
        return;
    m_catalog->edit(
        [deviceId, signature](core::DeviceCatalog &catalog) -> core::Result<void> {
            auto device = catalog.device(deviceId);
            if (!device) // removed meanwhile: the chain keeps the statement, the catalog not
                return core::Error {core::ErrorCode::NotFound, deviceId};
            device->registrySignature = signature;
            return catalog.update(*device);
        },
        {});
}

} // namespace ovpp::ui
