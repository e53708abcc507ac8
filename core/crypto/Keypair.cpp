#include "Keypair.h"

#include "Base58.h"

#include <sodium.h>

#include <cstring>
#include <string_view>
#include <utility>

namespace ovpp::core {

namespace {

constexpr std::size_t SeedSize = crypto_sign_SEEDBYTES; // 32
constexpr std::size_t SecretSize = crypto_sign_SECRETKEYBYTES; // 64
constexpr std::size_t SignatureSize = crypto_sign_BYTES; // 64
constexpr std::string_view Slip10Curve = "ed25519 seed";
constexpr std::uint32_t HardenedBit = 0x80000000u;
// A keypair file is about 230 bytes; anything this large is not one, and is not worth parsing.
constexpr std::size_t MaxJsonSize = 64 * 1024;

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_UNUSED(ready);
}

// libsodium wants a valid pointer even for an empty message.
const std::uint8_t *nonNull(std::span<const std::uint8_t> bytes)
{
    static const std::uint8_t empty = 0;
    return bytes.empty() ? &empty : bytes.data();
}

// HMAC-SHA512 with an arbitrary-length key (SLIP-0010 keys are the curve name and chain codes),
// written into `out` (64 bytes): the caller reuses secure buffers, each costing a few pages.
void hmacSha512(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data,
                std::span<std::uint8_t> out)
{
    crypto_auth_hmacsha512_state state;
    crypto_auth_hmacsha512_init(&state, nonNull(key), key.size());
    crypto_auth_hmacsha512_update(&state, nonNull(data), data.size());
    crypto_auth_hmacsha512_final(&state, out.data());
    sodium_memzero(&state, sizeof state); // holds the key's inner and outer pads
}

bool isJsonSpace(std::uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::span<const std::uint8_t> trimmed(std::span<const std::uint8_t> text)
{
    while (!text.empty() && isJsonSpace(text.front()))
        text = text.subspan(1);
    while (!text.empty() && isJsonSpace(text.back()))
        text = text.first(text.size() - 1);
    return text;
}

Error jsonError(const QString &what)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("not a valid keypair file: ") + what);
}

} // namespace

SecretBytes slip10DeriveEd25519(std::span<const std::uint8_t> seed,
                                const QList<std::uint32_t> &hardenedIndexes)
{
    ensureSodium();
    // node = key (32) || chain code (32)
    SecretBytes node(crypto_auth_hmacsha512_BYTES);
    SecretBytes child(crypto_auth_hmacsha512_BYTES);
    hmacSha512(
        std::span(reinterpret_cast<const std::uint8_t *>(Slip10Curve.data()), Slip10Curve.size()),
        seed, node.span());
    SecretBytes data(1 + SeedSize + 4); // 0x00 || key || ser32(index | 2^31)
    for (const std::uint32_t index : hardenedIndexes) {
        const std::uint32_t i = index | HardenedBit;
        data.data()[0] = 0;
        std::memcpy(data.data() + 1, node.data(), SeedSize);
        data.data()[1 + SeedSize] = static_cast<std::uint8_t>(i >> 24);
        data.data()[2 + SeedSize] = static_cast<std::uint8_t>(i >> 16);
        data.data()[3 + SeedSize] = static_cast<std::uint8_t>(i >> 8);
        data.data()[4 + SeedSize] = static_cast<std::uint8_t>(i);
        hmacSha512(node.span().subspan(SeedSize), data.span(), child.span());
        std::swap(node, child);
    }
    return node;
}

Keypair Keypair::fromSeed(std::span<const std::uint8_t> seed32)
{
    Keypair keypair;
    // No Result in the contract: a wrong size (a caller bug) yields an empty keypair, whose
    // secretKey() is empty and whose sign() returns nothing.
    if (seed32.size() != SeedSize)
        return keypair;
    ensureSodium();
    PublicKey::Bytes pk {};
    keypair.m_secret = SecretBytes(SecretSize);
    crypto_sign_seed_keypair(pk.data(), keypair.m_secret.data(), seed32.data());
    keypair.m_public = PublicKey(pk);
    return keypair;
}

Result<Keypair> Keypair::fromSecretKey(std::span<const std::uint8_t> secret64)
{
    if (secret64.size() != SecretSize) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a secret key is 64 bytes (32-byte seed, then the 32-byte "
                                        "public key), got %1")
                             .arg(secret64.size()));
    }
    Keypair keypair = fromSeed(secret64.first(SeedSize));
    const auto claimed = secret64.subspan(SeedSize);
    const auto &actual = keypair.m_public.bytes();
    if (!std::equal(claimed.begin(), claimed.end(), actual.begin(), actual.end())) {
        return makeError(ErrorCode::KeyMismatch,
                         QStringLiteral("the last 32 bytes (the public key) do not belong to the "
                                        "first 32 (the secret seed): the key is damaged or was "
                                        "put together from two different keys"));
    }
    return keypair;
}

Result<Keypair> Keypair::fromKeypairJson(std::span<const std::uint8_t> jsonText)
{
    // The same rules as the Solana SDK's read_keypair: trim, [ ... ], 64 comma-separated u8s.
    // Parsed by hand rather than with QJsonDocument, which would leave the secret in buffers we
    // cannot wipe (and in doubles). No detail below quotes the file's content.
    if (jsonText.size() > MaxJsonSize) {
        return jsonError(QStringLiteral("%1 bytes is far too large (a keypair file is a JSON array "
                                        "of 64 numbers, about 230 bytes)")
                             .arg(jsonText.size()));
    }
    auto text = trimmed(jsonText);
    // Some editors put a UTF-8 byte order mark in front.
    if (text.size() >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF)
        text = trimmed(text.subspan(3));
    if (text.empty())
        return jsonError(QStringLiteral("the file is empty"));
    if (text.front() != '[' || text.back() != ']' || text.size() < 2) {
        return jsonError(QStringLiteral("it must be a JSON array of 64 numbers, starting with "
                                        "\"[\" and ending with \"]\""));
    }
    const auto inner = text.subspan(1, text.size() - 2);
    if (trimmed(inner).empty())
        return jsonError(QStringLiteral("the array is empty; it must hold exactly 64 numbers"));

    std::size_t entries = 1;
    for (const std::uint8_t c : inner)
        entries += c == ',' ? 1 : 0;
    if (entries != SecretSize) {
        return jsonError(QStringLiteral("the array has %1 entries; it must hold exactly 64 "
                                        "numbers (32 secret bytes, then 32 public key bytes)")
                             .arg(entries));
    }

    SecretBytes bytes(SecretSize);
    std::size_t start = 0;
    for (std::size_t n = 0; n < SecretSize; ++n) {
        std::size_t end = start;
        while (end < inner.size() && inner[end] != ',')
            ++end;
        const auto entry = trimmed(inner.subspan(start, end - start));
        start = end + 1;
        const int number = static_cast<int>(n + 1);
        if (entry.empty()) {
            return jsonError(QStringLiteral("entry %1 is empty (two commas in a row, or a comma "
                                            "before \"]\"?)")
                                 .arg(number));
        }
        const bool negative = entry.front() == '-';
        const auto digits = negative ? entry.subspan(1) : entry;
        bool allDigits = !digits.empty();
        for (const std::uint8_t c : digits)
            allDigits = allDigits && c >= '0' && c <= '9';
        if (!allDigits) {
            return jsonError(QStringLiteral("entry %1 is not a whole number; every entry must be "
                                            "an integer from 0 to 255")
                                 .arg(number));
        }
        unsigned value = 0;
        for (const std::uint8_t c : digits) {
            value = value * 10 + (c - '0');
            if (value > 255)
                break;
        }
        if (negative) {
            return jsonError(QStringLiteral("entry %1 is negative; every entry must be an "
                                            "integer from 0 to 255")
                                 .arg(number));
        }
        if (value > 255) {
            return jsonError(QStringLiteral("entry %1 is larger than 255; every entry must be an "
                                            "integer from 0 to 255")
                                 .arg(number));
        }
        bytes.data()[n] = static_cast<std::uint8_t>(value);
    }
    return fromSecretKey(bytes.span());
}

Result<Keypair> Keypair::fromBase58Secret(std::span<const std::uint8_t> base58Text)
{
    const auto text = trimmed(base58Text);
    if (text.empty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the secret key is empty"));
    // 64 bytes are at most 88 base58 characters; refuse long input before the O(n^2) decode.
    if (text.size() > 2 * 88) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 characters is too long for a base58 secret key (at "
                                        "most 88)")
                             .arg(text.size()));
    }
    auto decoded = base58::decodeSecret(text);
    if (!decoded)
        return decoded.error();
    if (decoded->size() != SecretSize) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the base58 text decodes to %1 bytes; a secret key is 64 "
                                        "bytes (usually 87 or 88 characters)")
                             .arg(decoded->size()));
    }
    return fromSecretKey(decoded->span());
}

Keypair Keypair::fromBip39Seed(std::span<const std::uint8_t> bip39Seed, const DerivationPath &path)
{
    if (path.isLegacySeed()) {
        // solana-keygen without --derivation-path: the first half of the seed is the key.
        if (bip39Seed.size() < SeedSize)
            return {};
        return fromSeed(bip39Seed.first(SeedSize));
    }
    const SecretBytes node = slip10DeriveEd25519(bip39Seed, path.components());
    return fromSeed(node.span().first(SeedSize));
}

SecretBytes Keypair::toKeypairJson() const
{
    if (m_secret.size() != SecretSize)
        return {};
    const auto bytes = m_secret.span();
    std::size_t length = 2 + (SecretSize - 1); // brackets and commas
    for (const std::uint8_t b : bytes)
        length += b >= 100 ? 3 : b >= 10 ? 2 : 1;
    SecretBytes out(length);
    std::uint8_t *p = out.data();
    *p++ = '[';
    for (std::size_t i = 0; i < SecretSize; ++i) {
        if (i > 0)
            *p++ = ',';
        const unsigned b = bytes[i];
        if (b >= 100)
            *p++ = static_cast<std::uint8_t>('0' + b / 100);
        if (b >= 10)
            *p++ = static_cast<std::uint8_t>('0' + b / 10 % 10);
        *p++ = static_cast<std::uint8_t>('0' + b % 10);
    }
    *p++ = ']';
    return out;
}

SecretBytes Keypair::toBase58Secret() const
{
    if (m_secret.size() != SecretSize)
        return {};
    return base58::encodeSecret(m_secret.span());
}

QByteArray Keypair::sign(std::span<const std::uint8_t> message) const
{
    if (m_secret.size() != SecretSize)
        return {};
    ensureSodium();
    QByteArray signature(static_cast<qsizetype>(SignatureSize), '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         nonNull(message), message.size(), m_secret.data());
    return signature;
}

bool Keypair::verify(const PublicKey &key, std::span<const std::uint8_t> message,
                     std::span<const std::uint8_t> signature)
{
    if (signature.size() != SignatureSize)
        return false;
    ensureSodium();
    return crypto_sign_verify_detached(signature.data(), nonNull(message), message.size(),
                                       key.bytes().data())
        == 0;
}

} // namespace ovpp::core
