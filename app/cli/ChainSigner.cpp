#include "ChainSigner.h"

#include "PasswordInput.h"
#include "WalletCommands.h"
#include "wallet/Wallet.h"

#include <QDir>

namespace ovpp::cli {

using namespace core;

namespace {

const QString KeypairOption = QStringLiteral("keypair");
const QString VaultOption = QStringLiteral("vault");
const QString AccountOption = QStringLiteral("account");
const QString PasswordFileOption = QStringLiteral("password-file");
const QString UseKeychainOption = QStringLiteral("use-keychain");

Outcome<ChainSigner> fromKeypairFile(const QString &file)
{
    const QString what = QStringLiteral("the keypair file %1").arg(QDir::toNativeSeparators(file));
    auto text = input::readSecretFile(file, what);
    if (!text.ok())
        return text.failure();
    auto keypair = Keypair::fromKeypairJson(text.value().span());
    if (!keypair.ok())
        return failureFrom(keypair.error(), what);
    ChainSigner signer;
    signer.address = keypair->publicKey();
    signer.keypair = std::move(keypair).value();
    signer.description = what;
    return signer;
}

} // namespace

const QStringList &signerOptions()
{
    static const QStringList options {KeypairOption, VaultOption, AccountOption, PasswordFileOption,
                                      UseKeychainOption};
    return options;
}

Outcome<ChainSigner> loadSigner(const Invocation &in, bool needSecret)
{
    if (in.line.has(KeypairOption)) {
        if (in.line.has(VaultOption) || in.line.has(AccountOption))
            return usageFailure(
                QStringLiteral("give --keypair FILE or --vault/--account, not both"));
        auto signer = fromKeypairFile(in.line.value(KeypairOption));
        if (signer.ok() && needSecret)
            in.out.note(QStringLiteral("Signer: %1 (%2)")
                            .arg(signer->address.toBase58(), signer->description));
        return signer;
    }
    int index = 0;
    if (in.line.has(AccountOption)) {
        bool numeric = false;
        index = in.line.value(AccountOption).toInt(&numeric);
        if (!numeric || index < 0) {
            return usageFailure(QStringLiteral("--account is an account number from 'ovpp wallet "
                                               "list' (0, 1, ...), not %1")
                                    .arg(in.line.value(AccountOption)));
        }
    }
    const QString path = vaultPathOption(in);
    auto wallet = openExistingVault(in, path);
    if (!wallet.ok())
        return wallet.failure();
    const QList<AccountInfo> accounts = wallet->accounts();
    const QString shown = QDir::toNativeSeparators(path);
    if (index >= accounts.size()) {
        return userFailure(QStringLiteral("not-found"),
                           QStringLiteral("%1 has no account %2 (it has %3) — 'ovpp wallet list' "
                                          "shows them")
                               .arg(shown)
                               .arg(index)
                               .arg(accounts.size()));
    }
    const AccountInfo &account = accounts.at(index);
    ChainSigner signer;
    signer.address = account.address;
    signer.description = QStringLiteral("account %1 of %2").arg(index).arg(shown);
    if (!account.hasSecret()) {
        if (needSecret) {
            return userFailure(QStringLiteral("watch-only"),
                               QStringLiteral("account %1 (%2) is watch-only: it cannot sign — "
                                              "choose another --account or give --keypair")
                                   .arg(index)
                                   .arg(account.label));
        }
        return signer;
    }
    if (needSecret) {
        auto keypair = wallet->keypair(account.id);
        if (!keypair.ok())
            return vaultFailure(keypair.error(), path);
        signer.keypair = std::move(keypair).value();
        in.out.note(
            QStringLiteral("Signer: %1 (%2)").arg(signer.address.toBase58(), signer.description));
    }
    return signer;
}

} // namespace ovpp::cli
