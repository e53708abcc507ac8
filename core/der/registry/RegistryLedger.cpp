#include "RegistryLedger.h"

#include "RegistryMemo.h"
#include "solana/ProgramIds.h"
#include "solana/rpc/RpcTypes.h"

namespace ovpp::core {

namespace {

bool isMemoProgram(const PublicKey &program)
{
    return program == programs::memoProgram() || program == programs::memoV1Program()
        || program == programs::memoV4Program();
}

} // namespace

RegistryLedger::RegistryLedger(const PublicKey &owner)
    : m_owner(owner)
{ }

void RegistryLedger::addTransaction(const FetchedTransaction &fetched)
{
    addTransaction(fetched.transaction.id(), fetched.slot, fetched.blockTime,
                   fetched.transaction.message(), fetched.loadedAddresses, fetched.err.has_value());
}

void RegistryLedger::addTransaction(const QString &signature, std::uint64_t slot,
                                    std::optional<std::int64_t> blockTime, const Message &message,
                                    const LoadedAddresses &loaded, bool failed)
{
    if (failed)
        return;
    // Signers are always static keys, so the owner's signer status needs no lookups.
    const QList<PublicKey> &staticKeys = message.staticAccountKeys();
    const int ownerIndex = static_cast<int>(staticKeys.indexOf(m_owner));
    if (ownerIndex < 0 || !message.isSigner(ownerIndex))
        return;
    auto keys = message.accountKeys(loaded);
    if (!keys) // lookups that do not match the message: nothing trustworthy to read
        return;

    for (const CompiledInstruction &ix : message.instructions()) {
        if (ix.programIdIndex >= keys->size() || !isMemoProgram(keys->at(ix.programIdIndex)))
            continue;
        bool ownerListed = false;
        for (const char index : ix.accounts)
            ownerListed = ownerListed || static_cast<std::uint8_t>(index) == ownerIndex;
        if (!ownerListed || !RegistryMemo::isRegistryMemo(ix.data))
            continue;
        auto record = RegistryMemo::parse(ix.data);
        if (!record) {
            if (record.error().code == ErrorCode::UnsupportedVersion)
                ++m_unsupported;
            else
                ++m_malformed;
            continue;
        }
        RegisteredDevice &device = m_devices[record->deviceId];
        if (record->action == RegistryRecord::Action::Register) {
            device.record = record.value();
            device.retired = false;
        } else {
            device.record.deviceId = record->deviceId;
            device.retired = true;
        }
        device.signature = signature;
        device.slot = slot;
        device.blockTime = blockTime;
    }
}

RegistryListing RegistryLedger::listing() const
{
    RegistryListing out;
    out.devices = m_devices.values(); // QMap: ordered by device id
    out.unsupportedVersions = m_unsupported;
    out.malformed = m_malformed;
    return out;
}

} // namespace ovpp::core
