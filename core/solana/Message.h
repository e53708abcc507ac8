#pragma once

// The part of a transaction that is signed: header, account keys, recent blockhash, compiled
// instructions and (v0) address-table lookups. Wire layout: REFERENCE.md §1.3–1.4.
//
// compile() orders the accounts exactly as @solana/web3.js' TransactionMessage does (payer
// first; then writable signers, readonly signers, writable non-signers, readonly non-signers;
// first-seen order inside each group), so the bytes — and therefore the signatures and the
// transaction id — equal those of the reference library for the same instructions.

#include "Blockhash.h"
#include "Instruction.h"
#include "common/Result.h"
#include "crypto/PublicKey.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <span>

namespace ovpp::core {

enum class MessageVersion {
    Legacy,
    V0,
};

struct MessageHeader
{
    std::uint8_t numRequiredSignatures = 0;
    std::uint8_t numReadonlySignedAccounts = 0;
    std::uint8_t numReadonlyUnsignedAccounts = 0;

    friend bool operator==(const MessageHeader &, const MessageHeader &) = default;
};

// An instruction as it travels: indexes into the message's account list instead of keys.
struct CompiledInstruction
{
    std::uint8_t programIdIndex = 0;
    QByteArray accounts; // one u8 index per account
    QByteArray data;

    friend bool operator==(const CompiledInstruction &, const CompiledInstruction &) = default;
};

// v0: "load these entries of that address lookup table". Loaded writable accounts follow the
// static keys, then the loaded readonly ones, in lookup order.
struct AddressTableLookup
{
    PublicKey accountKey;
    QByteArray writableIndexes;
    QByteArray readonlyIndexes;

    friend bool operator==(const AddressTableLookup &, const AddressTableLookup &) = default;
};

// The addresses a v0 message's lookups resolved to, e.g. getTransaction's meta.loadedAddresses.
struct LoadedAddresses
{
    QList<PublicKey> writable;
    QList<PublicKey> readonly;

    bool isEmpty() const { return writable.isEmpty() && readonly.isEmpty(); }
};

class Message
{
public:
    static constexpr std::uint8_t VersionPrefix = 0x80;
    // Account indexes are one byte.
    static constexpr int MaxAccounts = 256;

    Message() = default;

    // Builds a message from instructions (see the ordering note at the top). `version` V0
    // produces a v0 message without lookups. InvalidArgument when the accounts do not fit
    // (more than 256 distinct keys) or an instruction's data or account list is too long.
    static Result<Message> compile(const PublicKey &payer, const QList<Instruction> &instructions,
                                   const Blockhash &recentBlockhash,
                                   MessageVersion version = MessageVersion::Legacy);

    // Assembles a message from its parts, applying the same consistency rules as deserialize()
    // (the SDK's Message::sanitize): for tests, tools and hand-made v0 lookups.
    static Result<Message> fromParts(MessageVersion version, const MessageHeader &header,
                                     QList<PublicKey> staticAccountKeys,
                                     const Blockhash &recentBlockhash,
                                     QList<CompiledInstruction> instructions,
                                     QList<AddressTableLookup> addressTableLookups = {});

    // Parses exactly one message (legacy or v0) occupying all of `bytes`. InvalidArgument,
    // naming the field, for truncated or trailing data, an unknown version, or indexes that
    // point outside the account list.
    static Result<Message> deserialize(std::span<const std::uint8_t> bytes);

    QByteArray serialize() const;

    MessageVersion version() const { return m_version; }
    const MessageHeader &header() const { return m_header; }
    const QList<PublicKey> &staticAccountKeys() const { return m_staticKeys; }
    const Blockhash &recentBlockhash() const { return m_recentBlockhash; }
    const QList<CompiledInstruction> &instructions() const { return m_instructions; }
    const QList<AddressTableLookup> &addressTableLookups() const { return m_lookups; }

    const PublicKey &feePayer() const { return m_staticKeys.front(); }
    // Static keys plus every account the lookups load.
    int accountCount() const;
    int lookupWritableCount() const;
    int lookupReadonlyCount() const;

    // Permissions of account `index` in [0, accountCount()), from the header (static keys) or
    // from the lookup section it is loaded through. Looked-up accounts never sign.
    bool isSigner(int index) const;
    bool isWritable(int index) const;

    // All account keys in index order: static keys, then `loaded.writable`, then
    // `loaded.readonly`. InvalidArgument when `loaded` does not match the lookups' counts.
    Result<QList<PublicKey>> accountKeys(const LoadedAddresses &loaded = {}) const;

    // The instructions with keys and permissions restored (the inverse of compile()).
    Result<QList<Instruction>> decompile(const LoadedAddresses &loaded = {}) const;

    friend bool operator==(const Message &, const Message &) = default;

private:
    Result<void> sanitize() const;

    MessageVersion m_version = MessageVersion::Legacy;
    MessageHeader m_header;
    QList<PublicKey> m_staticKeys;
    Blockhash m_recentBlockhash;
    QList<CompiledInstruction> m_instructions;
    QList<AddressTableLookup> m_lookups;
};

} // namespace ovpp::core
