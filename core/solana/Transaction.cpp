#include "Transaction.h"

#include "ShortVec.h"
#include "WireReader.h"
#include "crypto/Base58.h"

#include <algorithm>
#include <cstring>

namespace ovpp::core {

namespace {

Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidArgument, detail);
}

std::span<const std::uint8_t> asSpan(const QByteArray &bytes)
{
    return {reinterpret_cast<const std::uint8_t *>(bytes.constData()),
            static_cast<std::size_t>(bytes.size())};
}

bool isZero(const Signature &signature)
{
    return std::all_of(signature.begin(), signature.end(), [](std::uint8_t b) { return b == 0; });
}

} // namespace

Transaction::Transaction(Message message)
    : m_message(std::move(message))
    , m_messageBytes(m_message.serialize())
    , m_signatures(m_message.header().numRequiredSignatures, Signature {})
{ }

Result<Transaction> Transaction::deserialize(std::span<const std::uint8_t> wire)
{
    WireReader reader(wire);
    auto count = reader.length("the signature count");
    if (!count)
        return count.error();
    if (reader.remaining() < std::size_t(*count) * SignatureSize) {
        return invalid(QStringLiteral("the transaction declares %1 signatures but holds bytes for "
                                      "only %2")
                           .arg(*count)
                           .arg(reader.remaining() / SignatureSize));
    }
    Transaction transaction;
    transaction.m_signatures.reserve(*count);
    for (int i = 0; i < *count; ++i) {
        auto signature = reader.fixed<SignatureSize>("the signatures");
        if (!signature)
            return signature.error();
        transaction.m_signatures.append(*signature);
    }
    const std::span<const std::uint8_t> messageBytes = reader.rest();
    auto message = Message::deserialize(messageBytes);
    if (!message) {
        return makeError(message.error().code,
                         QStringLiteral("message (from byte %1): %2")
                             .arg(reader.offset())
                             .arg(message.error().detail));
    }
    if (message->header().numRequiredSignatures != *count) {
        return invalid(QStringLiteral("the transaction carries %1 signatures but its message "
                                      "requires %2")
                           .arg(*count)
                           .arg(message->header().numRequiredSignatures));
    }
    transaction.m_message = std::move(*message);
    // Keep the received bytes: they are what the signatures cover.
    transaction.m_messageBytes = QByteArray(reinterpret_cast<const char *>(messageBytes.data()),
                                            static_cast<qsizetype>(messageBytes.size()));
    return transaction;
}

Result<Transaction> Transaction::fromBase64(QByteArrayView base64)
{
    auto decoded = QByteArray::fromBase64Encoding(base64.toByteArray(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(QStringLiteral("the transaction is not valid base64"));
    return deserialize(asSpan(*decoded));
}

int Transaction::signerIndex(const PublicKey &key) const
{
    const auto &keys = m_message.staticAccountKeys();
    const int required = std::min<int>(m_signatures.size(), keys.size());
    for (int i = 0; i < required; ++i) {
        if (keys[i] == key)
            return i;
    }
    return -1;
}

Result<void> Transaction::sign(const Keypair &signer)
{
    const int index = signerIndex(signer.publicKey());
    if (index < 0) {
        return invalid(QStringLiteral("%1 is not a signer of this transaction")
                           .arg(signer.publicKey().toBase58()));
    }
    const QByteArray signature = signer.sign(asSpan(m_messageBytes));
    if (signature.size() != static_cast<qsizetype>(SignatureSize)) {
        // A watch-only keypair (no secret) signs nothing.
        return makeError(
            ErrorCode::WatchOnly,
            QStringLiteral("no secret key to sign for %1").arg(signer.publicKey().toBase58()));
    }
    std::memcpy(m_signatures[index].data(), signature.constData(), SignatureSize);
    return {};
}

Result<void> Transaction::sign(std::initializer_list<const Keypair *> signers)
{
    for (const Keypair *signer : signers) {
        if (!signer)
            return invalid(QStringLiteral("a signer is missing"));
        if (auto signed_ = sign(*signer); !signed_)
            return signed_;
    }
    return {};
}

Result<void> Transaction::addSignature(const PublicKey &signer, const Signature &signature)
{
    const int index = signerIndex(signer);
    if (index < 0)
        return invalid(
            QStringLiteral("%1 is not a signer of this transaction").arg(signer.toBase58()));
    if (!Keypair::verify(signer, asSpan(m_messageBytes), signature)) {
        return invalid(QStringLiteral("the signature for %1 does not verify against this message")
                           .arg(signer.toBase58()));
    }
    m_signatures[index] = signature;
    return {};
}

bool Transaction::isFullySigned() const
{
    return std::none_of(m_signatures.begin(), m_signatures.end(), isZero);
}

Result<void> Transaction::verifySignatures() const
{
    const auto &keys = m_message.staticAccountKeys();
    if (m_signatures.size() != m_message.header().numRequiredSignatures) {
        return invalid(QStringLiteral("%1 signatures for %2 required signers")
                           .arg(m_signatures.size())
                           .arg(m_message.header().numRequiredSignatures));
    }
    for (int i = 0; i < m_signatures.size(); ++i) {
        if (isZero(m_signatures[i]))
            return invalid(QStringLiteral("%1 has not signed").arg(keys[i].toBase58()));
        if (!Keypair::verify(keys[i], asSpan(m_messageBytes), m_signatures[i])) {
            return invalid(
                QStringLiteral("the signature of %1 does not verify").arg(keys[i].toBase58()));
        }
    }
    return {};
}

QString Transaction::id() const
{
    if (m_signatures.isEmpty())
        return {};
    return base58::encode(m_signatures.front());
}

std::size_t Transaction::size() const
{
    return shortvec::encodedSize(static_cast<std::uint16_t>(m_signatures.size()))
        + SignatureSize * m_signatures.size() + m_messageBytes.size();
}

QByteArray Transaction::serializeUnchecked() const
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(size()));
    shortvec::append(out, static_cast<std::uint16_t>(m_signatures.size()));
    for (const Signature &signature : m_signatures)
        out.append(reinterpret_cast<const char *>(signature.data()), SignatureSize);
    out.append(m_messageBytes);
    return out;
}

Result<QByteArray> Transaction::serialize() const
{
    const std::size_t bytes = size();
    if (bytes > PacketDataSize) {
        return invalid(QStringLiteral("the transaction is %1 bytes, %2 more than the %3-byte limit "
                                      "of a Solana packet; split it or use fewer accounts, "
                                      "instructions or a shorter memo")
                           .arg(bytes)
                           .arg(bytes - PacketDataSize)
                           .arg(PacketDataSize));
    }
    return serializeUnchecked();
}

Result<QByteArray> Transaction::toBase64() const
{
    auto wire = serialize();
    if (!wire)
        return wire.error();
    return wire->toBase64();
}

} // namespace ovpp::core
