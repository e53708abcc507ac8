#include "VaultFormat.h"

#include <QtEndian>

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ovpp::core::vaultformat {

namespace {

// libsodium's key-derivation context: ids 1 and 2 of this context are the AEAD key and the key
// check, so neither ever equals the vault key itself (which leaves the process for the OS
// keychain) and the key check reveals nothing about the AEAD key.
constexpr char SubkeyContext[crypto_kdf_CONTEXTBYTES + 1] = "OVPPVLT1";
constexpr std::uint64_t AeadSubkeyId = 1;
constexpr std::uint64_t KeyCheckSubkeyId = 2;
constexpr std::size_t MinimumHeaderLength = HeaderLengthOffset + 2 + ChecksumSize;

static_assert(KdfArgon2id13 == crypto_pwhash_ALG_ARGON2ID13);
static_assert(SaltSize == crypto_pwhash_SALTBYTES);
static_assert(NonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(TagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(KeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(KeySize == crypto_kdf_KEYBYTES);
static_assert(ChecksumOffset + ChecksumSize == HeaderSize);

void ensureSodium()
{
    if (sodium_init() < 0)
        std::abort(); // nothing secret can be handled safely without libsodium
}

const std::uint8_t *bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t *>(view.data());
}

std::uint16_t readU16(QByteArrayView file, std::size_t offset)
{
    return qFromLittleEndian<quint16>(bytes(file) + offset);
}

std::uint64_t readU64(QByteArrayView file, std::size_t offset)
{
    return qFromLittleEndian<quint64>(bytes(file) + offset);
}

std::array<std::uint8_t, ChecksumSize> checksum(const std::uint8_t *data, std::size_t size)
{
    std::array<std::uint8_t, ChecksumSize> out {};
    crypto_generichash(out.data(), out.size(), data, size, nullptr, 0);
    return out;
}

SecretBytes subkey(const SecretBytes &vaultKey, std::uint64_t id, std::size_t size)
{
    SecretBytes out(size);
    crypto_kdf_derive_from_key(out.data(), out.size(), id, SubkeyContext, vaultKey.data());
    return out;
}

Error corrupt(const QString &detail)
{
    return makeError(ErrorCode::CorruptFile, detail);
}

} // namespace

Result<void> checkKdfParams(const KdfParams &kdf)
{
    if (kdf.opsLimit < crypto_pwhash_OPSLIMIT_MIN || kdf.opsLimit > MaxOpsLimit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Argon2id operations limit %1 is outside %2..%3")
                             .arg(kdf.opsLimit)
                             .arg(crypto_pwhash_OPSLIMIT_MIN)
                             .arg(MaxOpsLimit));
    if (kdf.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || kdf.memLimitBytes > MaxMemLimitBytes
        || kdf.memLimitBytes % 1024 != 0)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Argon2id memory limit %1 bytes is not a multiple of 1024 in %2..%3")
                .arg(kdf.memLimitBytes)
                .arg(crypto_pwhash_MEMLIMIT_MIN)
                .arg(MaxMemLimitBytes));
    return {};
}

Result<Header> parseHeader(QByteArrayView file, bool headerOnly)
{
    ensureSodium();
    const auto size = static_cast<std::size_t>(file.size());
    if (size == 0)
        return makeError(ErrorCode::EmptyFile, QStringLiteral("0 bytes"));

    // One wrong signature byte in an otherwise intact vault is damage, not a different kind of
    // file; two or more, and it is something else entirely.
    const std::size_t magicBytes = std::min(size, Magic.size());
    int wrongMagicBytes = 0;
    std::size_t firstWrong = 0;
    for (std::size_t i = 0; i < magicBytes; ++i) {
        if (bytes(file)[i] != Magic[i] && wrongMagicBytes++ == 0)
            firstWrong = i;
    }
    if (size < Magic.size()) {
        if (wrongMagicBytes == 0)
            return corrupt(QStringLiteral("truncated: the file has only %1 bytes, less than the "
                                          "vault header")
                               .arg(size));
        return makeError(ErrorCode::NotAVault,
                         QStringLiteral("the file is too short (%1 bytes) and has no vault "
                                        "signature")
                             .arg(size));
    }
    if (wrongMagicBytes > 1)
        return makeError(ErrorCode::NotAVault,
                         QStringLiteral("the file does not start with the vault signature"));
    if (wrongMagicBytes == 1)
        return corrupt(QStringLiteral("damaged header: wrong vault signature byte at offset %1")
                           .arg(firstWrong));

    if (size < MinimumHeaderLength)
        return corrupt(QStringLiteral("truncated: the file has only %1 bytes, less than the "
                                      "vault header")
                           .arg(size));
    const std::uint16_t version = readU16(file, VersionOffset);
    const std::size_t headerLength = readU16(file, HeaderLengthOffset);
    if (headerLength < MinimumHeaderLength)
        return corrupt(
            QStringLiteral("damaged header: impossible header length %1").arg(headerLength));
    if (size < headerLength)
        return corrupt(QStringLiteral("truncated or damaged header: the file has %1 bytes, the "
                                      "header declares %2")
                           .arg(size)
                           .arg(headerLength));
    const auto expected = checksum(bytes(file), headerLength - ChecksumSize);
    if (sodium_memcmp(expected.data(), bytes(file) + headerLength - ChecksumSize, ChecksumSize)
        != 0)
        return corrupt(QStringLiteral("damaged header: its checksum does not match"));

    // The header is intact, so its version number can be believed.
    if (version != CurrentVersion)
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("the file is format version %1; this app reads version %2")
                             .arg(version)
                             .arg(CurrentVersion));
    if (headerLength != HeaderSize)
        return corrupt(QStringLiteral("damaged header: a version %1 header has %2 bytes, not %3")
                           .arg(CurrentVersion)
                           .arg(HeaderSize)
                           .arg(headerLength));
    const auto kdfAlgorithm = bytes(file)[KdfAlgorithmOffset];
    if (kdfAlgorithm != KdfArgon2id13)
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("vault format version %1 with unknown key derivation "
                                        "algorithm %2")
                             .arg(version)
                             .arg(kdfAlgorithm));
    const auto aeadAlgorithm = bytes(file)[AeadAlgorithmOffset];
    if (aeadAlgorithm != AeadXChaCha20Poly1305)
        return makeError(ErrorCode::UnsupportedVersion,
                         QStringLiteral("vault format version %1 with unknown cipher %2")
                             .arg(version)
                             .arg(aeadAlgorithm));
    if (readU16(file, ReservedOffset) != 0)
        return corrupt(QStringLiteral("damaged header: reserved bytes are not zero"));

    Header header;
    header.version = version;
    std::array<char, 16> uuid {};
    std::memcpy(uuid.data(), file.data() + UuidOffset, uuid.size());
    header.vaultId = QUuid::fromRfc4122(QByteArrayView(uuid.data(), uuid.size()));
    header.kdf = {readU64(file, OpsLimitOffset), readU64(file, MemLimitOffset)};
    if (auto ok = checkKdfParams(header.kdf); !ok)
        return corrupt(QStringLiteral("damaged header: %1").arg(ok.error().detail));
    std::memcpy(header.salt.data(), file.data() + SaltOffset, SaltSize);
    std::memcpy(header.nonce.data(), file.data() + NonceOffset, NonceSize);
    header.ciphertextLength = readU64(file, CiphertextLengthOffset);
    std::memcpy(header.keyCheck.data(), file.data() + KeyCheckOffset, KeyCheckSize);
    if (header.ciphertextLength <= TagSize
        || header.ciphertextLength > static_cast<std::uint64_t>(MaxFileSize))
        return corrupt(QStringLiteral("damaged header: impossible encrypted length %1")
                           .arg(header.ciphertextLength));
    if (headerOnly)
        return header;

    const std::uint64_t expectedSize = HeaderSize + header.ciphertextLength;
    if (size < expectedSize)
        return corrupt(QStringLiteral("truncated: the file has %1 bytes, its header says %2")
                           .arg(size)
                           .arg(expectedSize));
    if (size > expectedSize)
        return corrupt(QStringLiteral("%1 unexpected bytes after the encrypted contents")
                           .arg(size - expectedSize));
    return header;
}

QByteArray serializeHeader(const Header &header)
{
    ensureSodium();
    QByteArray out(HeaderSize, '\0');
    auto *p = reinterpret_cast<std::uint8_t *>(out.data());
    std::memcpy(p, Magic.data(), Magic.size());
    qToLittleEndian<quint16>(header.version, p + VersionOffset);
    qToLittleEndian<quint16>(HeaderSize, p + HeaderLengthOffset);
    const QByteArray uuid = header.vaultId.toRfc4122();
    std::memcpy(p + UuidOffset, uuid.constData(), 16);
    p[KdfAlgorithmOffset] = KdfArgon2id13;
    p[AeadAlgorithmOffset] = AeadXChaCha20Poly1305;
    qToLittleEndian<quint64>(header.kdf.opsLimit, p + OpsLimitOffset);
    qToLittleEndian<quint64>(header.kdf.memLimitBytes, p + MemLimitOffset);
    std::memcpy(p + SaltOffset, header.salt.data(), SaltSize);
    std::memcpy(p + NonceOffset, header.nonce.data(), NonceSize);
    qToLittleEndian<quint64>(header.ciphertextLength, p + CiphertextLengthOffset);
    std::memcpy(p + KeyCheckOffset, header.keyCheck.data(), KeyCheckSize);
    const auto sum = checksum(p, ChecksumOffset);
    std::memcpy(p + ChecksumOffset, sum.data(), ChecksumSize);
    return out;
}

std::array<std::uint8_t, SaltSize> randomSalt()
{
    ensureSodium();
    std::array<std::uint8_t, SaltSize> salt {};
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

Result<SecretBytes> deriveVaultKey(const SecretBytes &password, const KdfParams &kdf,
                                   const std::array<std::uint8_t, SaltSize> &salt)
{
    ensureSodium();
    if (auto ok = checkKdfParams(kdf); !ok)
        return ok.error();
    SecretBytes key(KeySize);
    // crypto_pwhash reads `password` only; an empty one still needs a valid pointer.
    static const char nothing = 0;
    const char *passwordData
        = password.empty() ? &nothing : reinterpret_cast<const char *>(password.data());
    if (crypto_pwhash(key.data(), key.size(), passwordData, password.size(), salt.data(),
                      kdf.opsLimit, static_cast<std::size_t>(kdf.memLimitBytes),
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("Argon2id key derivation failed (out of memory? it "
                                        "needs %1 MiB)")
                             .arg(kdf.memLimitBytes >> 20));
    return key;
}

std::array<std::uint8_t, KeyCheckSize> keyCheck(const SecretBytes &vaultKey)
{
    ensureSodium();
    const SecretBytes check = subkey(vaultKey, KeyCheckSubkeyId, KeyCheckSize);
    std::array<std::uint8_t, KeyCheckSize> out {};
    std::memcpy(out.data(), check.data(), out.size());
    return out;
}

QByteArray seal(Header header, const SecretBytes &vaultKey, const SecretBytes &payload)
{
    ensureSodium();
    randombytes_buf(header.nonce.data(), header.nonce.size()); // fresh for every save
    header.version = CurrentVersion;
    header.ciphertextLength = payload.size() + TagSize;
    header.keyCheck = keyCheck(vaultKey);
    const QByteArray headerBytes = serializeHeader(header);

    QByteArray out(static_cast<qsizetype>(HeaderSize + header.ciphertextLength), '\0');
    std::memcpy(out.data(), headerBytes.constData(), HeaderSize);
    const SecretBytes aeadKey = subkey(vaultKey, AeadSubkeyId, KeySize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(out.data()) + HeaderSize, &written, payload.data(),
        payload.size(), reinterpret_cast<const unsigned char *>(headerBytes.constData()),
        HeaderSize, nullptr, header.nonce.data(), aeadKey.data());
    Q_ASSERT(written == header.ciphertextLength);
    return out;
}

Result<SecretBytes> open(QByteArrayView file, const Header &header, const SecretBytes &vaultKey)
{
    ensureSodium();
    if (vaultKey.size() != KeySize)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("a vault key has %1 bytes, not %2").arg(vaultKey.size()).arg(KeySize));
    const auto check = keyCheck(vaultKey);
    if (sodium_memcmp(check.data(), header.keyCheck.data(), KeyCheckSize) != 0)
        return makeError(ErrorCode::WrongPassword,
                         QStringLiteral("the password does not open this vault"));

    const std::size_t ciphertextLength = header.ciphertextLength;
    if (static_cast<std::size_t>(file.size()) != HeaderSize + ciphertextLength)
        return corrupt(QStringLiteral("the file's size does not match its header"));
    SecretBytes payload(ciphertextLength - TagSize);
    const SecretBytes aeadKey = subkey(vaultKey, AeadSubkeyId, KeySize);
    unsigned long long read = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            payload.data(), &read, nullptr, bytes(file) + HeaderSize, ciphertextLength, bytes(file),
            HeaderSize, header.nonce.data(), aeadKey.data())
        != 0)
        return corrupt(QStringLiteral("the encrypted contents fail authentication: the password "
                                      "is right, the data has changed"));
    return payload;
}

} // namespace ovpp::core::vaultformat
