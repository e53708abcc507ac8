#pragma once

// An unlocked vault: the one place secrets live while the app runs. Every mutation is saved at
// once (encrypted, atomically, keeping the previous file as a backup). Not thread-safe: the UI
// runs every call on a single-threaded worker pool, the CLI calls it directly.
//
// Vault file format: docs/vault-format.md.

#include "AccountInfo.h"
#include "KdfParams.h"
#include "common/Result.h"
#include "crypto/Keypair.h"
#include "crypto/SecretBytes.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace ovpp::core {

namespace vaultpayload {
struct Account;
}

class Wallet
{
public:
    enum class ExportFormat { KeypairJson, Base58 };

    // Writes a new, empty vault. AlreadyExists if `path` exists (never overwrites a wallet).
    static Result<Wallet> create(const QString &path, const SecretBytes &password,
                                 KdfParams kdf = KdfParams::standard());
    // Errors: FileNotFound, EmptyFile, NotAVault, UnsupportedVersion, CorruptFile,
    // WrongPassword, IoError. The file is only ever read here.
    static Result<Wallet> open(const QString &path, const SecretBytes &password);
    // Opens with the 32-byte vault key (from the OS keychain) instead of the password.
    static Result<Wallet> openWithKey(const QString &path, const SecretBytes &vaultKey);
    // Reads only the plaintext header: for "which vault is this" without a password.
    static Result<QUuid> readVaultId(const QString &path);

    Wallet(Wallet &&) noexcept;
    Wallet &operator=(Wallet &&) noexcept;
    ~Wallet(); // wipes secrets

    QString path() const;
    QUuid vaultId() const;
    QList<AccountInfo> accounts() const;
    Result<AccountInfo> account(const QString &accountId) const;

    // Stores a mnemonic (validated) and derives its first account at `path`. Further accounts of
    // the same mnemonic come from addDerivedAccount.
    Result<AccountInfo> addMnemonic(const SecretBytes &phrase, const SecretBytes &passphrase,
                                    const DerivationPath &path, const QString &label = {});
    // The next account index of the same scheme as the seed's last account (…/n'/0' → …/n+1'/0').
    Result<AccountInfo> addDerivedAccount(int seedIndex, const QString &label = {});
    Result<AccountInfo> addDerivedAccount(int seedIndex, const DerivationPath &path,
                                          const QString &label = {});
    Result<AccountInfo> importKeypair(const Keypair &keypair, const QString &label = {});
    Result<AccountInfo> addWatchOnly(const PublicKey &address, const QString &label = {});
    Result<void> renameAccount(const QString &accountId, const QString &label);
    Result<void> removeAccount(const QString &accountId);

    // WatchOnly for watch accounts.
    Result<Keypair> keypair(const QString &accountId) const;
    // Re-checks the password (a full Argon2id run) before handing out a secret.
    Result<SecretBytes> exportSecret(const QString &accountId, ExportFormat format,
                                     const SecretBytes &password) const;
    // The mnemonic words of a stored seed, after re-checking the password.
    Result<SecretBytes> exportMnemonic(int seedIndex, const SecretBytes &password) const;

    // Re-encrypts under a new salt and key. WrongPassword if `current` is wrong.
    Result<void> changePassword(const SecretBytes &current, const SecretBytes &replacement);
    Result<void> verifyPassword(const SecretBytes &password) const;

    // The symmetric key the vault is encrypted with, for "unlock on this device".
    const SecretBytes &vaultKey() const;
    KdfParams kdfParams() const;

private:
    struct State;
    explicit Wallet(std::unique_ptr<State> state);
    Result<void> save();
    // Adds the account and saves; on a failed save the account is taken out again.
    Result<AccountInfo> appendAccount(vaultpayload::Account account);
    std::unique_ptr<State> d;
};

} // namespace ovpp::core
