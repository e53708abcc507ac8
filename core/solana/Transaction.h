#pragma once

// A transaction on the wire: compact-u16 signature count, 64-byte ed25519 signatures (one per
// required signer, in account-key order), then the message bytes they sign (REFERENCE.md §1.1).
// Signature 0 is the fee payer's and doubles as the transaction id.

#include "Message.h"
#include "common/Result.h"
#include "crypto/Keypair.h"
#include "crypto/PublicKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>

namespace ovpp::core {

using Signature = std::array<std::uint8_t, 64>;

class Transaction
{
public:
    // The largest serialized transaction a validator accepts (IPv6 MTU minus headers).
    static constexpr std::size_t PacketDataSize = 1232;
    static constexpr std::size_t SignatureSize = 64;

    Transaction() = default;
    // An unsigned transaction: one all-zero signature per required signer, the form wallets
    // exchange for partial signing.
    explicit Transaction(Message message);

    // Parses a wire transaction made by anyone (legacy or v0). InvalidArgument, naming the
    // field, for malformed bytes; also when the signature count differs from the header's.
    // Signatures are not checked here: see verifySignatures().
    static Result<Transaction> deserialize(std::span<const std::uint8_t> wire);
    static Result<Transaction> fromBase64(QByteArrayView base64);

    const Message &message() const { return m_message; }
    // Exactly the bytes the signatures cover (for a parsed transaction: the bytes received).
    const QByteArray &messageBytes() const { return m_messageBytes; }
    const QList<Signature> &signatures() const { return m_signatures; }

    // Signs as `signer`, which must be one of the message's required signers; the signature
    // goes to that signer's slot. InvalidArgument when the key is not a required signer.
    Result<void> sign(const Keypair &signer);
    Result<void> sign(std::initializer_list<const Keypair *> signers);
    // Places a signature made elsewhere (another device, a hardware wallet) after checking it.
    Result<void> addSignature(const PublicKey &signer, const Signature &signature);

    // True when no signature slot is still all zeros.
    bool isFullySigned() const;
    // Checks every signature against its signer's key and the message bytes. InvalidArgument
    // naming the first signer whose signature is missing or does not verify.
    Result<void> verifySignatures() const;

    // base58 of signature 0: what explorers and getTransaction call the transaction.
    QString id() const;

    // The wire size in bytes, whether or not it fits a packet.
    std::size_t size() const;
    // The wire bytes; InvalidArgument saying by how much it is too large when the transaction
    // exceeds PacketDataSize, because no validator would accept it.
    Result<QByteArray> serialize() const;
    // The wire bytes without the size check (for tools that inspect oversized transactions).
    QByteArray serializeUnchecked() const;
    Result<QByteArray> toBase64() const;

private:
    int signerIndex(const PublicKey &key) const;

    Message m_message;
    QByteArray m_messageBytes;
    QList<Signature> m_signatures;
};

} // namespace ovpp::core
