#include "Message.h"

#include "ShortVec.h"
#include "WireReader.h"

#include <algorithm>
#include <limits>

namespace ovpp::core {

namespace {

constexpr int MaxShortVec = std::numeric_limits<std::uint16_t>::max();

Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidArgument, detail);
}

void appendBytes(QByteArray &out, std::span<const std::uint8_t> bytes)
{
    out.append(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

void appendLengthPrefixed(QByteArray &out, const QByteArray &bytes)
{
    shortvec::append(out, static_cast<std::uint16_t>(bytes.size()));
    out.append(bytes);
}

// An account as compile() collects it: first-seen order, flags OR-merged over every mention.
struct KeyEntry
{
    PublicKey key;
    bool signer = false;
    bool writable = false;
};

// Linear lookup on purpose: a message has at most a few dozen keys, and comparing 32 bytes is
// cheaper than hashing them.
int indexOf(const QList<KeyEntry> &entries, const PublicKey &key)
{
    for (int i = 0; i < entries.size(); ++i) {
        if (entries[i].key == key)
            return i;
    }
    return -1;
}

int indexOf(const QList<PublicKey> &keys, const PublicKey &key)
{
    for (int i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return i;
    }
    return -1;
}

KeyEntry &entryFor(QList<KeyEntry> &entries, const PublicKey &key)
{
    const int index = indexOf(entries, key);
    if (index >= 0)
        return entries[index];
    entries.append(KeyEntry {key, false, false});
    return entries.back();
}

} // namespace

Result<Message> Message::compile(const PublicKey &payer, const QList<Instruction> &instructions,
                                 const Blockhash &recentBlockhash, MessageVersion version)
{
    if (instructions.size() > MaxShortVec)
        return invalid(QStringLiteral("too many instructions (%1)").arg(instructions.size()));

    // 1. Every key in first-seen order: the payer, then per instruction its program id and its
    //    accounts. This is @solana/web3.js' CompiledKeys.compile; the Rust SDK sorts keys
    //    inside a group instead, which is equally valid but gives other bytes.
    QList<KeyEntry> entries;
    entries.reserve(8);
    {
        KeyEntry &payerEntry = entryFor(entries, payer);
        payerEntry.signer = true;
        payerEntry.writable = true;
    }
    for (int i = 0; i < instructions.size(); ++i) {
        const Instruction &instruction = instructions[i];
        if (instruction.data.size() > MaxShortVec) {
            return invalid(QStringLiteral("instruction %1 carries %2 bytes of data; at most %3 fit")
                               .arg(i)
                               .arg(instruction.data.size())
                               .arg(MaxShortVec));
        }
        if (instruction.accounts.size() > MaxShortVec)
            return invalid(QStringLiteral("instruction %1 lists too many accounts").arg(i));
        entryFor(entries, instruction.programId);
        for (const AccountMeta &meta : instruction.accounts) {
            KeyEntry &entry = entryFor(entries, meta.pubkey);
            entry.signer = entry.signer || meta.isSigner;
            entry.writable = entry.writable || meta.isWritable;
        }
    }
    if (entries.size() > MaxAccounts) {
        return invalid(QStringLiteral("the instructions use %1 distinct accounts; a transaction "
                                      "can address at most %2")
                           .arg(entries.size())
                           .arg(MaxAccounts));
    }

    // 2. Stable partition into the four permission groups. The payer, inserted first as a
    //    writable signer, stays at index 0.
    QList<PublicKey> ordered;
    ordered.reserve(entries.size());
    int counts[4] = {0, 0, 0, 0};
    for (int group = 0; group < 4; ++group) {
        const bool signer = group < 2;
        const bool writable = group % 2 == 0;
        for (const KeyEntry &entry : entries) {
            if (entry.signer == signer && entry.writable == writable) {
                ordered.append(entry.key);
                ++counts[group];
            }
        }
    }

    Message message;
    message.m_version = version;
    message.m_header.numRequiredSignatures = static_cast<std::uint8_t>(counts[0] + counts[1]);
    message.m_header.numReadonlySignedAccounts = static_cast<std::uint8_t>(counts[1]);
    message.m_header.numReadonlyUnsignedAccounts = static_cast<std::uint8_t>(counts[3]);
    if (counts[0] + counts[1] > std::numeric_limits<std::uint8_t>::max())
        return invalid(QStringLiteral("too many signers (%1)").arg(counts[0] + counts[1]));
    message.m_recentBlockhash = recentBlockhash;

    // 3. Instructions as indexes into the ordered keys.
    message.m_instructions.reserve(instructions.size());
    for (const Instruction &instruction : instructions) {
        CompiledInstruction compiled;
        compiled.programIdIndex
            = static_cast<std::uint8_t>(indexOf(ordered, instruction.programId));
        compiled.accounts.reserve(instruction.accounts.size());
        for (const AccountMeta &meta : instruction.accounts)
            compiled.accounts.append(static_cast<char>(indexOf(ordered, meta.pubkey)));
        compiled.data = instruction.data;
        message.m_instructions.append(std::move(compiled));
    }
    message.m_staticKeys = std::move(ordered);

    // The payer cannot also be a program (the runtime rejects program index 0); say so here
    // instead of producing a transaction every validator drops.
    if (auto sane = message.sanitize(); !sane)
        return sane.error();
    return message;
}

Result<Message> Message::fromParts(MessageVersion version, const MessageHeader &header,
                                   QList<PublicKey> staticAccountKeys,
                                   const Blockhash &recentBlockhash,
                                   QList<CompiledInstruction> instructions,
                                   QList<AddressTableLookup> addressTableLookups)
{
    Message message;
    message.m_version = version;
    message.m_header = header;
    message.m_staticKeys = std::move(staticAccountKeys);
    message.m_recentBlockhash = recentBlockhash;
    message.m_instructions = std::move(instructions);
    message.m_lookups = std::move(addressTableLookups);
    if (version == MessageVersion::Legacy && !message.m_lookups.isEmpty())
        return invalid(QStringLiteral("a legacy message cannot have address table lookups"));
    if (message.m_staticKeys.size() > MaxShortVec || message.m_instructions.size() > MaxShortVec
        || message.m_lookups.size() > MaxShortVec) {
        return invalid(QStringLiteral("a message part has more than 65535 entries"));
    }
    for (const CompiledInstruction &instruction : message.m_instructions) {
        if (instruction.accounts.size() > MaxShortVec || instruction.data.size() > MaxShortVec)
            return invalid(QStringLiteral("an instruction has more than 65535 accounts or bytes"));
    }
    for (const AddressTableLookup &lookup : message.m_lookups) {
        if (lookup.writableIndexes.size() > MaxShortVec
            || lookup.readonlyIndexes.size() > MaxShortVec) {
            return invalid(QStringLiteral("a lookup has more than 65535 indexes"));
        }
    }
    if (auto sane = message.sanitize(); !sane)
        return sane.error();
    return message;
}

Result<void> Message::sanitize() const
{
    // The rules of the SDK's Message::sanitize (legacy and v0): they guarantee that every index
    // below resolves, so the rest of the code can index without further checks.
    const int staticCount = m_staticKeys.size();
    if (m_header.numRequiredSignatures == 0)
        return invalid(QStringLiteral("the message requires no signature (no fee payer)"));
    if (m_header.numReadonlySignedAccounts >= m_header.numRequiredSignatures) {
        return invalid(QStringLiteral("the header marks every signer read-only; the fee payer must "
                                      "be writable"));
    }
    if (int(m_header.numRequiredSignatures) + int(m_header.numReadonlyUnsignedAccounts)
        > staticCount) {
        return invalid(QStringLiteral("the header counts %1 signers and %2 read-only accounts but "
                                      "the message has only %3 account keys")
                           .arg(m_header.numRequiredSignatures)
                           .arg(m_header.numReadonlyUnsignedAccounts)
                           .arg(staticCount));
    }
    for (const AddressTableLookup &lookup : m_lookups) {
        if (lookup.writableIndexes.isEmpty() && lookup.readonlyIndexes.isEmpty()) {
            return invalid(QStringLiteral("address table lookup %1 loads no account")
                               .arg(lookup.accountKey.toBase58()));
        }
    }
    const int total = accountCount();
    if (total > MaxAccounts) {
        return invalid(QStringLiteral("the message addresses %1 accounts; at most %2 are allowed")
                           .arg(total)
                           .arg(MaxAccounts));
    }
    for (int i = 0; i < m_instructions.size(); ++i) {
        const CompiledInstruction &instruction = m_instructions[i];
        // Programs must be static keys; index 0 is the fee payer, which cannot be a program.
        if (instruction.programIdIndex == 0 || instruction.programIdIndex >= staticCount) {
            return invalid(QStringLiteral("instruction %1 names program index %2, which is not a "
                                          "valid program account (1..%3)")
                               .arg(i)
                               .arg(instruction.programIdIndex)
                               .arg(staticCount - 1));
        }
        for (const char raw : instruction.accounts) {
            const int index = static_cast<std::uint8_t>(raw);
            if (index >= total) {
                return invalid(QStringLiteral("instruction %1 names account index %2 but the "
                                              "message has %3 accounts")
                                   .arg(i)
                                   .arg(index)
                                   .arg(total));
            }
        }
    }
    return {};
}

QByteArray Message::serialize() const
{
    QByteArray out;
    std::size_t size = 4 + 3 + 32 * m_staticKeys.size() + 32 + 3;
    for (const CompiledInstruction &instruction : m_instructions)
        size += 7 + instruction.accounts.size() + instruction.data.size();
    for (const AddressTableLookup &lookup : m_lookups)
        size += 38 + lookup.writableIndexes.size() + lookup.readonlyIndexes.size();
    out.reserve(static_cast<qsizetype>(size));

    if (m_version == MessageVersion::V0)
        out.append(static_cast<char>(VersionPrefix | 0));
    out.append(static_cast<char>(m_header.numRequiredSignatures));
    out.append(static_cast<char>(m_header.numReadonlySignedAccounts));
    out.append(static_cast<char>(m_header.numReadonlyUnsignedAccounts));
    shortvec::append(out, static_cast<std::uint16_t>(m_staticKeys.size()));
    for (const PublicKey &key : m_staticKeys)
        appendBytes(out, key.bytes());
    appendBytes(out, m_recentBlockhash.bytes());
    shortvec::append(out, static_cast<std::uint16_t>(m_instructions.size()));
    for (const CompiledInstruction &instruction : m_instructions) {
        out.append(static_cast<char>(instruction.programIdIndex));
        appendLengthPrefixed(out, instruction.accounts);
        appendLengthPrefixed(out, instruction.data);
    }
    if (m_version == MessageVersion::V0) {
        shortvec::append(out, static_cast<std::uint16_t>(m_lookups.size()));
        for (const AddressTableLookup &lookup : m_lookups) {
            appendBytes(out, lookup.accountKey.bytes());
            appendLengthPrefixed(out, lookup.writableIndexes);
            appendLengthPrefixed(out, lookup.readonlyIndexes);
        }
    }
    return out;
}

Result<Message> Message::deserialize(std::span<const std::uint8_t> bytes)
{
    WireReader reader(bytes);
    Message message;

    auto first = reader.u8("the message header");
    if (!first)
        return first.error();
    std::uint8_t numRequired = *first;
    // A legacy message starts with its signer count, which is below 128 in any transaction
    // that fits a packet; a set high bit marks a versioned message instead.
    if ((*first & VersionPrefix) != 0) {
        const int version = *first & 0x7f;
        if (version != 0) {
            return invalid(QStringLiteral("message version %1 is not supported (only legacy and "
                                          "v0 exist)")
                               .arg(version));
        }
        message.m_version = MessageVersion::V0;
        auto count = reader.u8("the message header");
        if (!count)
            return count.error();
        numRequired = *count;
    }
    auto readonlySigned = reader.u8("the message header");
    if (!readonlySigned)
        return readonlySigned.error();
    auto readonlyUnsigned = reader.u8("the message header");
    if (!readonlyUnsigned)
        return readonlyUnsigned.error();
    message.m_header = {numRequired, *readonlySigned, *readonlyUnsigned};

    auto keyCount = reader.length("the account key count");
    if (!keyCount)
        return keyCount.error();
    // Check the length against the bytes present before reserving memory for it.
    if (reader.remaining() < std::size_t(*keyCount) * PublicKey::Size) {
        return invalid(QStringLiteral("the message declares %1 account keys but holds bytes for "
                                      "only %2")
                           .arg(*keyCount)
                           .arg(reader.remaining() / PublicKey::Size));
    }
    message.m_staticKeys.reserve(*keyCount);
    for (int i = 0; i < *keyCount; ++i) {
        auto key = reader.fixed<PublicKey::Size>("the account keys");
        if (!key)
            return key.error();
        message.m_staticKeys.append(PublicKey(*key));
    }
    auto blockhash = reader.fixed<Blockhash::Size>("the recent blockhash");
    if (!blockhash)
        return blockhash.error();
    message.m_recentBlockhash = Blockhash(*blockhash);

    auto instructionCount = reader.length("the instruction count");
    if (!instructionCount)
        return instructionCount.error();
    // Each instruction takes at least 3 bytes.
    if (reader.remaining() < std::size_t(*instructionCount) * 3) {
        return invalid(QStringLiteral("the message declares %1 instructions but is too short for "
                                      "them")
                           .arg(*instructionCount));
    }
    message.m_instructions.reserve(*instructionCount);
    for (int i = 0; i < *instructionCount; ++i) {
        CompiledInstruction instruction;
        auto program = reader.u8("an instruction's program index");
        if (!program)
            return program.error();
        instruction.programIdIndex = *program;
        auto accountCount = reader.length("an instruction's account count");
        if (!accountCount)
            return accountCount.error();
        auto accounts = reader.bytes(*accountCount, "an instruction's account indexes");
        if (!accounts)
            return accounts.error();
        instruction.accounts = std::move(*accounts);
        auto dataLength = reader.length("an instruction's data length");
        if (!dataLength)
            return dataLength.error();
        auto data = reader.bytes(*dataLength, "an instruction's data");
        if (!data)
            return data.error();
        instruction.data = std::move(*data);
        message.m_instructions.append(std::move(instruction));
    }

    if (message.m_version == MessageVersion::V0) {
        auto lookupCount = reader.length("the address table lookup count");
        if (!lookupCount)
            return lookupCount.error();
        if (reader.remaining() < std::size_t(*lookupCount) * (PublicKey::Size + 2)) {
            return invalid(QStringLiteral("the message declares %1 address table lookups but is "
                                          "too short for them")
                               .arg(*lookupCount));
        }
        message.m_lookups.reserve(*lookupCount);
        for (int i = 0; i < *lookupCount; ++i) {
            AddressTableLookup lookup;
            auto table = reader.fixed<PublicKey::Size>("an address table lookup");
            if (!table)
                return table.error();
            lookup.accountKey = PublicKey(*table);
            auto writableCount = reader.length("a lookup's writable index count");
            if (!writableCount)
                return writableCount.error();
            auto writable = reader.bytes(*writableCount, "a lookup's writable indexes");
            if (!writable)
                return writable.error();
            lookup.writableIndexes = std::move(*writable);
            auto readonlyCount = reader.length("a lookup's read-only index count");
            if (!readonlyCount)
                return readonlyCount.error();
            auto readonly = reader.bytes(*readonlyCount, "a lookup's read-only indexes");
            if (!readonly)
                return readonly.error();
            lookup.readonlyIndexes = std::move(*readonly);
            message.m_lookups.append(std::move(lookup));
        }
    }

    if (!reader.atEnd()) {
        return invalid(QStringLiteral("%1 unexpected byte(s) after the end of the message")
                           .arg(reader.remaining()));
    }
    if (auto sane = message.sanitize(); !sane)
        return sane.error();
    return message;
}

int Message::lookupWritableCount() const
{
    int count = 0;
    for (const AddressTableLookup &lookup : m_lookups)
        count += lookup.writableIndexes.size();
    return count;
}

int Message::lookupReadonlyCount() const
{
    int count = 0;
    for (const AddressTableLookup &lookup : m_lookups)
        count += lookup.readonlyIndexes.size();
    return count;
}

int Message::accountCount() const
{
    return m_staticKeys.size() + lookupWritableCount() + lookupReadonlyCount();
}

bool Message::isSigner(int index) const
{
    return index >= 0 && index < m_header.numRequiredSignatures;
}

bool Message::isWritable(int index) const
{
    const int staticCount = m_staticKeys.size();
    const int required = m_header.numRequiredSignatures;
    if (index < 0)
        return false;
    if (index < required)
        return index < required - m_header.numReadonlySignedAccounts;
    if (index < staticCount)
        return index < staticCount - m_header.numReadonlyUnsignedAccounts;
    return index < staticCount + lookupWritableCount();
}

Result<QList<PublicKey>> Message::accountKeys(const LoadedAddresses &loaded) const
{
    if (loaded.writable.size() != lookupWritableCount()
        || loaded.readonly.size() != lookupReadonlyCount()) {
        return invalid(QStringLiteral("the message loads %1 writable and %2 read-only accounts "
                                      "through lookup tables, but %3 and %4 were supplied")
                           .arg(lookupWritableCount())
                           .arg(lookupReadonlyCount())
                           .arg(loaded.writable.size())
                           .arg(loaded.readonly.size()));
    }
    QList<PublicKey> keys;
    keys.reserve(accountCount());
    keys.append(m_staticKeys);
    keys.append(loaded.writable);
    keys.append(loaded.readonly);
    return keys;
}

Result<QList<Instruction>> Message::decompile(const LoadedAddresses &loaded) const
{
    auto keys = accountKeys(loaded);
    if (!keys)
        return keys.error();
    QList<Instruction> out;
    out.reserve(m_instructions.size());
    for (const CompiledInstruction &compiled : m_instructions) {
        Instruction instruction;
        instruction.programId = keys->at(compiled.programIdIndex);
        instruction.accounts.reserve(compiled.accounts.size());
        for (const char raw : compiled.accounts) {
            const int index = static_cast<std::uint8_t>(raw);
            instruction.accounts.append({keys->at(index), isSigner(index), isWritable(index)});
        }
        instruction.data = compiled.data;
        out.append(std::move(instruction));
    }
    return out;
}

} // namespace ovpp::core
