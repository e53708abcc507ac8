#include "Wallet.h"

#include "AtomicFile.h"
#include "VaultFormat.h"
#include "VaultPayload.h"
#include "common/Logging.h"
#include "crypto/Mnemonic.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <vector>

namespace ovpp::core {

using vaultpayload::Account;
using vaultpayload::Seed;

struct Wallet::State
{
    QString path;
    vaultformat::Header header; // id, KDF parameters and salt; a fresh nonce comes with each save
    SecretBytes key;
    vaultpayload::Contents contents;
    // The file as last read or written. It becomes PATH.bak on the next save: a copy we have
    // verified, rather than whatever the disk holds by then.
    QByteArray fileBytes;
    // BIP39 seeds (PBKDF2 over phrase and passphrase), computed on first use.
    mutable std::vector<SecretBytes> seedCache;
    bool strayTemporariesChecked = false;

    bool hasSeed(int index) const
    {
        return index >= 0 && static_cast<std::size_t>(index) < contents.seeds.size()
            && !contents.seeds[static_cast<std::size_t>(index)].removed();
    }

    const SecretBytes &bip39Seed(int index) const
    {
        const auto i = static_cast<std::size_t>(index);
        if (seedCache.size() < contents.seeds.size())
            seedCache.resize(contents.seeds.size());
        if (seedCache[i].empty())
            seedCache[i] = mnemonic::toSeed(contents.seeds[i].phrase.span(),
                                            contents.seeds[i].passphrase.span());
        return seedCache[i];
    }

    void forgetSeed(int index)
    {
        if (static_cast<std::size_t>(index) < seedCache.size())
            seedCache[static_cast<std::size_t>(index)].clear();
    }

    int indexOf(const QString &accountId) const
    {
        for (std::size_t i = 0; i < contents.accounts.size(); ++i) {
            if (contents.accounts[i].info.id == accountId)
                return static_cast<int>(i);
        }
        return -1;
    }

    const Account *find(const QString &accountId) const
    {
        const int i = indexOf(accountId);
        return i < 0 ? nullptr : &contents.accounts[static_cast<std::size_t>(i)];
    }

    const Account *findAddress(const PublicKey &address) const
    {
        for (const Account &account : contents.accounts) {
            if (account.info.address == address)
                return &account;
        }
        return nullptr;
    }
};

namespace {

const QString BackupSuffix = QStringLiteral(".bak");
// Older than any save in progress could be (a save takes milliseconds).
constexpr std::chrono::seconds StaleTemporaryAge {60};

Error locked()
{
    return makeError(ErrorCode::Locked, QStringLiteral("this wallet object holds no vault"));
}

Error noAccount(const QString &accountId)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no account with id %1").arg(accountId));
}

Error noSeed(int seedIndex)
{
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no stored mnemonic number %1 in this wallet").arg(seedIndex));
}

Error duplicate(const Account &existing)
{
    return makeError(ErrorCode::AlreadyExists,
                     QStringLiteral("address %1 is already in this wallet as \"%2\"")
                         .arg(existing.info.address.redacted(), existing.info.label));
}

// Names the file in errors about its contents, so that a log line or the CLI says which vault.
Error aboutFile(Error error, const QString &path)
{
    const QString where = QDir::toNativeSeparators(path);
    error.detail
        = error.detail.isEmpty() ? where : QStringLiteral("%1 (%2)").arg(error.detail, where);
    return error;
}

// The file, read whole: vaults are small, and anything far larger than a vault is only read
// far enough to say what it is.
Result<QByteArray> readVaultFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("no such file: %1").arg(QDir::toNativeSeparators(path)));
    if (info.isDir())
        return makeError(ErrorCode::IoError,
                         QStringLiteral("%1 is a directory").arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::IoError,
                         QStringLiteral("cannot read %1: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > vaultformat::MaxFileSize) {
        const QByteArray start = file.read(vaultformat::HeaderSize);
        if (auto header = vaultformat::parseHeader(start, true); !header)
            return header.error();
        return makeError(ErrorCode::CorruptFile,
                         QStringLiteral("%1 bytes is far larger than any vault").arg(file.size()));
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::IoError,
                         QStringLiteral("cannot read %1: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    return bytes;
}

Result<void> checkPassword(const SecretBytes &password)
{
    if (password.empty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the password is empty"));
    return {};
}

// The path scheme an account follows, for "the next account of this seed".
struct SchemeIndex
{
    DerivationPath::Scheme scheme = DerivationPath::Scheme::Bip44Change;
    std::int64_t index = -1; // -1: no index in a known scheme yet
};

SchemeIndex schemeOf(const DerivationPath &path)
{
    using Scheme = DerivationPath::Scheme;
    const auto &c = path.components();
    if (path.isLegacySeed() || c.size() < 3 || c[0] != 44 || c[1] != 501)
        return {}; // one-off paths: continue in the scheme Phantom and Solflare use
    if (c.size() == 3)
        return {Scheme::Bip44, c[2]};
    if (c.size() == 4 && c[3] == 0)
        return {Scheme::Bip44Change, c[2]};
    if (c.size() == 5 && c[3] == 0 && c[4] == 0)
        return {Scheme::LedgerLive, c[2]};
    return {};
}

QString defaultLabel(const vaultpayload::Contents &contents)
{
    for (std::size_t n = contents.accounts.size() + 1;; ++n) {
        const QString label = QStringLiteral("Account %1").arg(n);
        bool taken = false;
        for (const Account &account : contents.accounts)
            taken = taken || account.info.label == label;
        if (!taken)
            return label;
    }
}

Account newAccount(const vaultpayload::Contents &contents, const QString &label)
{
    Account account;
    account.info.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    account.info.label = label.trimmed().isEmpty() ? defaultLabel(contents) : label.trimmed();
    account.info.created = QDateTime::currentDateTimeUtc();
    return account;
}

} // namespace

Wallet::Wallet(std::unique_ptr<State> state)
    : d(std::move(state))
{ }
Wallet::Wallet(Wallet &&) noexcept = default;
Wallet &Wallet::operator=(Wallet &&) noexcept = default;
Wallet::~Wallet() = default; // every secret is in a SecretBytes, which wipes itself

Result<Wallet> Wallet::create(const QString &path, const SecretBytes &password, KdfParams kdf)
{
    if (auto ok = checkPassword(password); !ok)
        return ok.error();
    if (auto ok = vaultformat::checkKdfParams(kdf); !ok)
        return ok.error();
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 already exists; a wallet is never overwritten")
                             .arg(QDir::toNativeSeparators(path)));

    auto state = std::make_unique<State>();
    state->path = info.absoluteFilePath();
    state->header.vaultId = QUuid::createUuid();
    state->header.kdf = kdf;
    state->header.salt = vaultformat::randomSalt();
    auto key = vaultformat::deriveVaultKey(password, kdf, state->header.salt);
    if (!key)
        return key.error();
    state->key = std::move(key).value();
    Wallet wallet(std::move(state));
    if (auto saved = wallet.save(); !saved)
        return saved.error();
    qCDebug(lcWallet) << "created vault" << wallet.vaultId().toString(QUuid::WithoutBraces);
    return wallet;
}

namespace {

// Shared by open() and openWithKey() once they hold a key. A template so that it may fill in
// Wallet's private State, named only by the member functions that call it.
template<typename State>
Result<std::unique_ptr<State>> unlockState(const QString &path, QByteArray file,
                                           vaultformat::Header header, SecretBytes key)
{
    auto payload = vaultformat::open(file, header, key);
    if (!payload)
        return payload.error();
    auto contents = vaultpayload::parse(payload.value());
    if (!contents)
        return contents.error();
    auto state = std::make_unique<State>();
    state->path = QFileInfo(path).absoluteFilePath();
    state->header = header;
    state->key = std::move(key);
    state->contents = std::move(contents).value();
    state->fileBytes = std::move(file);
    return state;
}

} // namespace

Result<Wallet> Wallet::open(const QString &path, const SecretBytes &password)
{
    auto file = readVaultFile(path);
    if (!file)
        return file.error();
    auto header = vaultformat::parseHeader(file.value());
    if (!header)
        return aboutFile(header.error(), path);
    auto key = vaultformat::deriveVaultKey(password, header->kdf, header->salt);
    if (!key)
        return key.error();
    auto state = unlockState<State>(path, std::move(file).value(), std::move(header).value(),
                                    std::move(key).value());
    if (!state)
        return aboutFile(state.error(), path);
    return Wallet(std::move(state).value());
}

Result<Wallet> Wallet::openWithKey(const QString &path, const SecretBytes &vaultKey)
{
    if (vaultKey.size() != vaultformat::KeySize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a vault key has %1 bytes, not %2")
                             .arg(vaultKey.size())
                             .arg(vaultformat::KeySize));
    auto file = readVaultFile(path);
    if (!file)
        return file.error();
    auto header = vaultformat::parseHeader(file.value());
    if (!header)
        return aboutFile(header.error(), path);
    auto state = unlockState<State>(path, std::move(file).value(), std::move(header).value(),
                                    vaultKey.clone());
    if (!state && state.error().code == ErrorCode::WrongPassword)
        return aboutFile(makeError(ErrorCode::WrongPassword,
                                   QStringLiteral("the stored key does not open this vault (was "
                                                  "the password changed?)")),
                         path);
    if (!state)
        return aboutFile(state.error(), path);
    return Wallet(std::move(state).value());
}

Result<QUuid> Wallet::readVaultId(const QString &path)
{
    auto file = readVaultFile(path);
    if (!file)
        return file.error();
    auto header = vaultformat::parseHeader(file.value(), true);
    if (!header)
        return aboutFile(header.error(), path);
    return header->vaultId;
}

QString Wallet::path() const
{
    return d ? d->path : QString();
}

QUuid Wallet::vaultId() const
{
    return d ? d->header.vaultId : QUuid();
}

QList<AccountInfo> Wallet::accounts() const
{
    QList<AccountInfo> out;
    if (!d)
        return out;
    out.reserve(static_cast<qsizetype>(d->contents.accounts.size()));
    for (const Account &account : d->contents.accounts)
        out.append(account.info);
    return out;
}

Result<AccountInfo> Wallet::account(const QString &accountId) const
{
    if (!d)
        return locked();
    const Account *account = d->find(accountId);
    if (!account)
        return noAccount(accountId);
    return account->info;
}

Result<AccountInfo> Wallet::addMnemonic(const SecretBytes &phrase, const SecretBytes &passphrase,
                                        const DerivationPath &path, const QString &label)
{
    if (!d)
        return locked();
    auto normalized = mnemonic::validate(phrase.span());
    if (!normalized)
        return normalized.error();

    // The same words and passphrase again: one stored copy of the secret, one more account.
    auto &seeds = d->contents.seeds;
    int seedIndex = -1;
    for (std::size_t i = 0; i < seeds.size() && seedIndex < 0; ++i) {
        if (!seeds[i].removed() && seeds[i].phrase.equals(normalized->span())
            && seeds[i].passphrase.equals(passphrase.span()))
            seedIndex = static_cast<int>(i);
    }
    const bool newSeed = seedIndex < 0;
    if (newSeed) {
        seeds.push_back({std::move(normalized).value(), passphrase.clone()});
        seedIndex = static_cast<int>(seeds.size() - 1);
    }
    auto added = addDerivedAccount(seedIndex, path, label);
    if (!added && newSeed) {
        d->forgetSeed(seedIndex);
        seeds.pop_back();
    }
    return added;
}

Result<AccountInfo> Wallet::addDerivedAccount(int seedIndex, const QString &label)
{
    if (!d)
        return locked();
    if (!d->hasSeed(seedIndex))
        return noSeed(seedIndex);

    SchemeIndex last;
    for (const Account &account : d->contents.accounts) {
        if (account.info.kind == AccountKind::Derived && account.info.seedIndex == seedIndex)
            last = schemeOf(account.info.path);
    }
    // The next index after the seed's last account, skipping any whose address the wallet
    // already holds (added by an explicit path, or imported as a keypair).
    const SecretBytes &seed = d->bip39Seed(seedIndex);
    constexpr std::int64_t MaxIndex = 0x7fffffff;
    for (std::int64_t index = last.index + 1; index <= MaxIndex; ++index) {
        const auto path = DerivationPath::forScheme(last.scheme, static_cast<std::uint32_t>(index));
        const Keypair keypair = Keypair::fromBip39Seed(seed.span(), path);
        if (!d->findAddress(keypair.publicKey()))
            return addDerivedAccount(seedIndex, path, label);
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("mnemonic %1 has no free account index left").arg(seedIndex));
}

Result<AccountInfo> Wallet::addDerivedAccount(int seedIndex, const DerivationPath &path,
                                              const QString &label)
{
    if (!d)
        return locked();
    if (!d->hasSeed(seedIndex))
        return noSeed(seedIndex);
    const Keypair keypair = Keypair::fromBip39Seed(d->bip39Seed(seedIndex).span(), path);
    if (const Account *existing = d->findAddress(keypair.publicKey()))
        return duplicate(*existing);

    Account account = newAccount(d->contents, label);
    account.info.address = keypair.publicKey();
    account.info.kind = AccountKind::Derived;
    account.info.seedIndex = seedIndex;
    account.info.path = path;
    return appendAccount(std::move(account));
}

Result<AccountInfo> Wallet::importKeypair(const Keypair &keypair, const QString &label)
{
    if (!d)
        return locked();
    if (keypair.secretKey().size() != 64)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a keypair has 64 secret bytes, not %1")
                             .arg(keypair.secretKey().size()));
    if (const Account *existing = d->findAddress(keypair.publicKey()))
        return duplicate(*existing);

    Account account = newAccount(d->contents, label);
    account.info.address = keypair.publicKey();
    account.info.kind = AccountKind::Imported;
    account.secret = keypair.secretKey().clone();
    return appendAccount(std::move(account));
}

Result<AccountInfo> Wallet::addWatchOnly(const PublicKey &address, const QString &label)
{
    if (!d)
        return locked();
    if (const Account *existing = d->findAddress(address))
        return duplicate(*existing);

    Account account = newAccount(d->contents, label);
    account.info.address = address;
    account.info.kind = AccountKind::WatchOnly;
    return appendAccount(std::move(account));
}

Result<void> Wallet::renameAccount(const QString &accountId, const QString &label)
{
    if (!d)
        return locked();
    const int i = d->indexOf(accountId);
    if (i < 0)
        return noAccount(accountId);
    if (label.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an account needs a name"));
    QString &current = d->contents.accounts[static_cast<std::size_t>(i)].info.label;
    const QString previous = current;
    current = label.trimmed();
    if (auto saved = save(); !saved) {
        current = previous;
        return saved;
    }
    return {};
}

Result<void> Wallet::removeAccount(const QString &accountId)
{
    if (!d)
        return locked();
    const int i = d->indexOf(accountId);
    if (i < 0)
        return noAccount(accountId);
    auto &accounts = d->contents.accounts;
    const auto position = accounts.begin() + i;
    Account removed = std::move(*position);
    accounts.erase(position);

    // A mnemonic leaves the vault with its last account; its slot stays (empty) so that the
    // other seeds keep their indexes.
    const int seedIndex = removed.info.kind == AccountKind::Derived ? removed.info.seedIndex : -1;
    bool seedStillUsed = false;
    for (const Account &account : accounts)
        seedStillUsed = seedStillUsed
            || (account.info.kind == AccountKind::Derived && account.info.seedIndex == seedIndex);
    Seed removedSeed;
    if (seedIndex >= 0 && !seedStillUsed)
        std::swap(removedSeed, d->contents.seeds[static_cast<std::size_t>(seedIndex)]);

    if (auto saved = save(); !saved) {
        if (!removedSeed.removed())
            std::swap(removedSeed, d->contents.seeds[static_cast<std::size_t>(seedIndex)]);
        accounts.insert(accounts.begin() + i, std::move(removed));
        return saved;
    }
    if (!removedSeed.removed())
        d->forgetSeed(seedIndex);
    return {};
}

Result<Keypair> Wallet::keypair(const QString &accountId) const
{
    if (!d)
        return locked();
    const Account *account = d->find(accountId);
    if (!account)
        return noAccount(accountId);
    switch (account->info.kind) {
    case AccountKind::WatchOnly:
        return makeError(ErrorCode::WatchOnly,
                         QStringLiteral("\"%1\" is watch-only: the wallet has no key for it")
                             .arg(account->info.label));
    case AccountKind::Imported:
        return Keypair::fromSecretKey(account->secret.span());
    case AccountKind::Derived:
        break;
    }
    if (!d->hasSeed(account->info.seedIndex))
        return noSeed(account->info.seedIndex);
    return Keypair::fromBip39Seed(d->bip39Seed(account->info.seedIndex).span(), account->info.path);
}

Result<SecretBytes> Wallet::exportSecret(const QString &accountId, ExportFormat format,
                                         const SecretBytes &password) const
{
    if (!d)
        return locked();
    // Account checks first: no reason to ask for a password that cannot produce anything.
    auto kp = keypair(accountId);
    if (!kp)
        return kp.error();
    if (auto ok = verifyPassword(password); !ok)
        return ok.error();
    switch (format) {
    case ExportFormat::KeypairJson:
        return kp->toKeypairJson();
    case ExportFormat::Base58:
        return kp->toBase58Secret();
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown export format"));
}

Result<SecretBytes> Wallet::exportMnemonic(int seedIndex, const SecretBytes &password) const
{
    if (!d)
        return locked();
    if (!d->hasSeed(seedIndex))
        return noSeed(seedIndex);
    if (auto ok = verifyPassword(password); !ok)
        return ok.error();
    return d->contents.seeds[static_cast<std::size_t>(seedIndex)].phrase.clone();
}

Result<void> Wallet::changePassword(const SecretBytes &current, const SecretBytes &replacement)
{
    if (!d)
        return locked();
    if (auto ok = verifyPassword(current); !ok)
        return ok;
    if (auto ok = checkPassword(replacement); !ok)
        return ok;
    auto salt = vaultformat::randomSalt();
    auto key = vaultformat::deriveVaultKey(replacement, d->header.kdf, salt);
    if (!key)
        return key.error();
    std::swap(d->header.salt, salt);
    std::swap(d->key, key.value());
    if (auto saved = save(); !saved) {
        std::swap(d->header.salt, salt);
        std::swap(d->key, key.value());
        return saved;
    }
    // save() kept the previous file as the backup, and that one still opens with the old
    // password. People change a password because the old one may be known, so the backup must
    // not keep working with it: it becomes a copy of the new file.
    if (auto ok = atomicfile::write(d->path + BackupSuffix, d->fileBytes); !ok)
        return makeError(
            ErrorCode::IoError,
            QStringLiteral("the password was changed, but the backup %1 still opens "
                           "with the old one and could not be replaced (%2): delete it")
                .arg(d->path + BackupSuffix, describe(ok.error())));
    qCDebug(lcWallet) << "changed the password of vault"
                      << vaultId().toString(QUuid::WithoutBraces);
    return {};
}

Result<void> Wallet::verifyPassword(const SecretBytes &password) const
{
    if (!d)
        return locked();
    auto key = vaultformat::deriveVaultKey(password, d->header.kdf, d->header.salt);
    if (!key)
        return key.error();
    if (!key->equals(d->key.span()))
        return makeError(ErrorCode::WrongPassword,
                         QStringLiteral("the password does not open this vault"));
    return {};
}

const SecretBytes &Wallet::vaultKey() const
{
    static const SecretBytes none;
    return d ? d->key : none;
}

KdfParams Wallet::kdfParams() const
{
    return d ? d->header.kdf : KdfParams {};
}

Result<AccountInfo> Wallet::appendAccount(vaultpayload::Account account)
{
    const AccountInfo info = account.info;
    d->contents.accounts.push_back(std::move(account));
    if (auto saved = save(); !saved) {
        d->contents.accounts.pop_back(); // memory keeps matching the file
        return saved.error();
    }
    return info;
}

Result<void> Wallet::save()
{
    const SecretBytes payload = vaultpayload::serialize(d->contents);
    const QByteArray file = vaultformat::seal(d->header, d->key, payload);
    // Backup first: if we die between the two writes, PATH still holds the previous version
    // and PATH.bak a copy of it.
    if (!d->fileBytes.isEmpty()) {
        if (auto ok = atomicfile::write(d->path + BackupSuffix, d->fileBytes); !ok)
            return ok;
    }
    if (auto ok = atomicfile::write(d->path, file); !ok)
        return ok;
    d->fileBytes = file;
    if (!d->strayTemporariesChecked) {
        // Once per session is enough: strays only come from an earlier, interrupted process.
        d->strayTemporariesChecked = true;
        atomicfile::removeStaleTemporaries(d->path, StaleTemporaryAge);
        atomicfile::removeStaleTemporaries(d->path + BackupSuffix, StaleTemporaryAge);
    }
    return {};
}

} // namespace ovpp::core
