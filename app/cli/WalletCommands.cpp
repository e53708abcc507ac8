#include "WalletCommands.h"

#include "KeychainCommands.h"
#include "PasswordInput.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"
#include "crypto/PublicKey.h"
#include "wallet/VaultLocation.h"
#include "wallet/Wallet.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace ovpp::cli {

using namespace core;

namespace {

const QString VaultOption = QStringLiteral("vault");
const QString PasswordFileOption = QStringLiteral("password-file");
const QString NewPasswordFileOption = QStringLiteral("new-password-file");
const QString LabelOption = QStringLiteral("label");
const QString UseKeychainOption = QStringLiteral("use-keychain");

// --vault, or the desktop app's default wallet, so that both see the same one.
QString vaultPath(const Invocation &in)
{
    if (in.line.has(VaultOption))
        return QFileInfo(in.line.value(VaultOption)).absoluteFilePath();
    return vaultlocation::pathForName(QStringLiteral("default"));
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString kindName(AccountKind kind)
{
    switch (kind) {
    case AccountKind::Derived:
        return QStringLiteral("derived");
    case AccountKind::Imported:
        return QStringLiteral("imported");
    case AccountKind::WatchOnly:
        return QStringLiteral("watch-only");
    }
    return QStringLiteral("unknown");
}

QJsonObject accountJson(qsizetype index, const AccountInfo &account)
{
    return {
        {QStringLiteral("index"), index},
        {QStringLiteral("label"), account.label},
        {QStringLiteral("kind"), kindName(account.kind)},
        {QStringLiteral("address"), account.address.toBase58()},
        {QStringLiteral("path"),
         account.kind == AccountKind::Derived ? QJsonValue(account.path.toString())
                                              : QJsonValue(QJsonValue::Null)},
    };
}

qsizetype indexOf(const Wallet &wallet, const QString &accountId)
{
    const QList<AccountInfo> accounts = wallet.accounts();
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).id == accountId)
            return i;
    }
    return -1;
}

QString accountLine(qsizetype index, const AccountInfo &account)
{
    QString text = QStringLiteral("  %1  %2  %3  %4")
                       .arg(index)
                       .arg(account.label, kindName(account.kind), account.address.toBase58());
    if (account.kind == AccountKind::Derived)
        text += QStringLiteral("  ") + account.path.toString();
    return text;
}

// Vaults are checked before any password is asked for: no point typing one for a file that is
// missing or not a vault.
Outcome<bool> vaultExists(const QString &path)
{
    auto id = Wallet::readVaultId(path);
    if (id.ok())
        return true;
    if (id.error().code == ErrorCode::FileNotFound)
        return false;
    return vaultFailure(id.error(), path);
}

Outcome<Wallet> openWithStoredKey(const QString &path)
{
    auto id = Wallet::readVaultId(path);
    if (!id.ok())
        return vaultFailure(id.error(), path);
    auto key = keychain::vaultKey(path, id.value());
    if (!key.ok())
        return key.failure();
    auto wallet = Wallet::openWithKey(path, key.value());
    if (!wallet.ok() && wallet.error().code == ErrorCode::WrongPassword) {
        return userFailure(QStringLiteral("wrong-password"),
                           QStringLiteral("the key in the OS keychain no longer opens %1 (was its "
                                          "password changed elsewhere?) — run 'ovpp keychain "
                                          "remember --vault %1' again; the file was not changed")
                               .arg(shown(path)));
    }
    if (!wallet.ok())
        return vaultFailure(wallet.error(), path);
    return std::move(wallet).value();
}

Outcome<void> requireVault(const QString &path)
{
    auto exists = vaultExists(path);
    if (!exists.ok())
        return exists.failure();
    if (!exists.value())
        return vaultFailure(makeError(ErrorCode::FileNotFound), path);
    return {};
}

// An existing vault opened with the password from the prompt or --password-file. The password is
// handed back too: export checks it again, passwd is replacing it.
struct UnlockedVault
{
    Wallet wallet;
    SecretBytes password;
};

Outcome<UnlockedVault> openWithPassword(const Invocation &in, const QString &path,
                                        const QString &prompt)
{
    auto password = input::password(in.line.value(PasswordFileOption), prompt,
                                    QStringLiteral("--password-file"));
    if (!password.ok())
        return password.failure();
    auto wallet = Wallet::open(path, password.value());
    if (!wallet.ok())
        return vaultFailure(wallet.error(), path);
    return UnlockedVault {std::move(wallet).value(), std::move(password).value()};
}

Outcome<Wallet> openVault(const Invocation &in, const QString &path)
{
    if (auto exists = requireVault(path); !exists.ok())
        return exists.failure();
    if (in.line.has(UseKeychainOption)) {
        if (in.line.has(PasswordFileOption))
            return usageFailure(QStringLiteral("give --use-keychain or --password-file, not both"));
        return openWithStoredKey(path);
    }
    auto opened = openWithPassword(in, path, QStringLiteral("Password for %1: ").arg(shown(path)));
    if (!opened.ok())
        return opened.failure();
    return std::move(opened).value().wallet;
}

Outcome<Wallet> createVault(const Invocation &in, const QString &path)
{
    auto password = input::newPassword(in.line.value(PasswordFileOption),
                                       QStringLiteral("New password for %1: ").arg(shown(path)),
                                       QStringLiteral("--password-file"));
    if (!password.ok())
        return password.failure();
    auto wallet = Wallet::create(path, password.value(), in.kdf);
    if (!wallet.ok())
        return vaultFailure(wallet.error(), path);
    return std::move(wallet).value();
}

// A vault this run created and could not fill is removed again, with the backup its second save
// made: a failed import must not leave an empty wallet behind.
void discardNewVault(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".bak"));
}

struct OpenedVault
{
    Wallet wallet;
    bool created = false;
};

// For import and watch: the vault at `path`, created (with a new password) when missing.
Outcome<OpenedVault> openOrCreateVault(const Invocation &in, const QString &path)
{
    auto exists = vaultExists(path);
    if (!exists.ok())
        return exists.failure();
    if (exists.value()) {
        auto wallet = openVault(in, path);
        if (!wallet.ok())
            return wallet.failure();
        return OpenedVault {std::move(wallet).value(), false};
    }
    in.out.note(QStringLiteral("%1 does not exist yet: creating a new vault.").arg(shown(path)));
    auto wallet = createVault(in, path);
    if (!wallet.ok())
        return wallet.failure();
    return OpenedVault {std::move(wallet).value(), true};
}

void printAdded(const Invocation &in, const QString &path, const Wallet &wallet,
                const AccountInfo &account, bool created)
{
    const qsizetype index = indexOf(wallet, account.id);
    in.out.line(QStringLiteral("Added to %1%2:")
                    .arg(shown(path), created ? QStringLiteral(" (new vault)") : QString()));
    in.out.line(accountLine(index, account));
    in.out.document({{QStringLiteral("vault"), path},
                     {QStringLiteral("created"), created},
                     {QStringLiteral("account"), accountJson(index, account)}});
}

// --- create ------------------------------------------------------------------------------------

Outcome<void> create(const Invocation &in)
{
    const QString path = vaultPath(in);
    int words = 12;
    if (in.line.has(QStringLiteral("words"))) {
        const QString value = in.line.value(QStringLiteral("words"));
        if (value != QLatin1String("12") && value != QLatin1String("24"))
            return usageFailure(QStringLiteral("--words is 12 or 24, not %1").arg(value));
        words = value.toInt();
    }
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
        return userFailure(QStringLiteral("already-exists"),
                           QStringLiteral("%1 already exists and a wallet is never overwritten — "
                                          "choose another file, or add keys to it with 'ovpp "
                                          "wallet import'")
                               .arg(shown(path)));
    }
    SecretBytes passphrase;
    if (in.line.has(QStringLiteral("passphrase-file"))) {
        auto read = input::readSecretLineFile(in.line.value(QStringLiteral("passphrase-file")),
                                              QStringLiteral("the passphrase file"));
        if (!read.ok())
            return read.failure();
        passphrase = std::move(read).value();
    }

    auto phrase = mnemonic::generate(words);
    if (!phrase.ok())
        return failureFrom(phrase.error(), QStringLiteral("a new mnemonic"));
    auto wallet = createVault(in, path);
    if (!wallet.ok())
        return wallet.failure();
    const DerivationPath derivation;
    auto account = wallet.value().addMnemonic(phrase.value(), passphrase, derivation,
                                              in.line.value(LabelOption));
    if (!account.ok()) {
        discardNewVault(path);
        return vaultFailure(account.error(), path);
    }

    const QString address = account->address.toBase58();
    in.out.line(QStringLiteral("Created %1").arg(shown(path)));
    in.out.line();
    in.out.line(QStringLiteral("Recovery phrase: write these %1 words down, in order, and keep "
                               "them offline.")
                    .arg(words));
    in.out.line(QStringLiteral("Anyone who has them controls this wallet. They are shown only "
                               "this once."));
    if (!passphrase.empty())
        in.out.line(QStringLiteral("Recovering also needs the passphrase you gave."));
    in.out.line();
    in.out.secretLine(phrase.value(), QStringLiteral("    "));
    in.out.line();
    in.out.line(QStringLiteral("Address: %1  (%2, %3)")
                    .arg(address, account->label, derivation.toString()));
    in.out.documentWithSecret({{QStringLiteral("vault"), path},
                               {QStringLiteral("words"), words},
                               {QStringLiteral("account"), accountJson(0, account.value())}},
                              QStringLiteral("mnemonic"), phrase.value(),
                              Output::SecretEncoding::JsonString);
    return {};
}

// --- import ------------------------------------------------------------------------------------

// What is being imported, parsed and checked before any vault is touched.
struct ImportSource
{
    SecretBytes phrase; // validated and normalised, for a mnemonic
    SecretBytes passphrase;
    DerivationPath path;
    std::optional<Keypair> keypair; // for --keypair / --secret-file
};

Outcome<ImportSource> readImportSource(const Invocation &in)
{
    const QString mnemonicFile = in.line.value(QStringLiteral("mnemonic-file"));
    const QString keypairFile = in.line.value(QStringLiteral("keypair"));
    const QString secretFile = in.line.value(QStringLiteral("secret-file"));
    const int sources = int(in.line.has(QStringLiteral("mnemonic-file")))
        + int(in.line.has(QStringLiteral("keypair")))
        + int(in.line.has(QStringLiteral("secret-file")));
    if (sources != 1) {
        return usageFailure(QStringLiteral("give exactly one of --mnemonic-file FILE, --keypair "
                                           "FILE or --secret-file FILE — see 'ovpp help wallet "
                                           "import'"));
    }
    const bool mnemonicSource = in.line.has(QStringLiteral("mnemonic-file"));
    for (const QString &option : {QStringLiteral("path"), QStringLiteral("passphrase-file")}) {
        if (in.line.has(option) && !mnemonicSource)
            return usageFailure(QStringLiteral("--%1 goes with --mnemonic-file only").arg(option));
    }
    int fromStdin = 0;
    for (const QString &option :
         {QStringLiteral("mnemonic-file"), QStringLiteral("keypair"), QStringLiteral("secret-file"),
          QStringLiteral("passphrase-file"), PasswordFileOption}) {
        fromStdin += int(in.line.value(option) == QLatin1String("-"));
    }
    if (fromStdin > 1)
        return usageFailure(QStringLiteral("only one input can come from standard input (-)"));

    ImportSource source;
    if (mnemonicSource) {
        auto path = derivationPathOption(in.line);
        if (!path.ok())
            return path.failure();
        source.path = path.value();
        if (in.line.has(QStringLiteral("passphrase-file"))) {
            auto read = input::readSecretLineFile(in.line.value(QStringLiteral("passphrase-file")),
                                                  QStringLiteral("the passphrase file"));
            if (!read.ok())
                return read.failure();
            source.passphrase = std::move(read).value();
        }
        auto phrase = input::mnemonic(mnemonicFile);
        if (!phrase.ok())
            return phrase.failure();
        auto normalized = mnemonic::validate(phrase.value().span());
        if (!normalized.ok())
            return failureFrom(normalized.error(), QStringLiteral("the mnemonic"));
        source.phrase = std::move(normalized).value();
        return source;
    }

    const bool keypairJson = in.line.has(QStringLiteral("keypair"));
    const QString file = keypairJson ? keypairFile : secretFile;
    const QString subject = keypairJson
        ? QStringLiteral("the keypair file %1")
              .arg(file == QLatin1String("-") ? QStringLiteral("(standard input)") : shown(file))
        : QStringLiteral("the secret key in %1")
              .arg(file == QLatin1String("-") ? QStringLiteral("standard input") : shown(file));
    auto text = input::readSecretFile(file,
                                      keypairJson ? QStringLiteral("the keypair file")
                                                  : QStringLiteral("the secret key file"));
    if (!text.ok())
        return text.failure();
    auto keypair = keypairJson ? Keypair::fromKeypairJson(text.value().span())
                               : Keypair::fromBase58Secret(text.value().span());
    if (!keypair.ok())
        return failureFrom(keypair.error(), subject);
    source.keypair = std::move(keypair).value();
    return source;
}

Outcome<void> import(const Invocation &in)
{
    const QString path = vaultPath(in);
    auto source = readImportSource(in);
    if (!source.ok())
        return source.failure();
    auto vault = openOrCreateVault(in, path);
    if (!vault.ok())
        return vault.failure();
    Wallet &wallet = vault->wallet;
    const QString label = in.line.value(LabelOption);
    auto account = source->keypair
        ? wallet.importKeypair(*source->keypair, label)
        : wallet.addMnemonic(source->phrase, source->passphrase, source->path, label);
    if (!account.ok()) {
        if (vault->created)
            discardNewVault(path);
        return vaultFailure(account.error(), path);
    }
    printAdded(in, path, wallet, account.value(), vault->created);
    return {};
}

// --- watch -------------------------------------------------------------------------------------

Outcome<void> watch(const Invocation &in)
{
    const QString path = vaultPath(in);
    const QString text = in.arguments.value(0);
    auto address = PublicKey::fromBase58(text);
    if (!address.ok()) {
        return usageFailure(QStringLiteral("%1 is not a Solana address: %2 — check it (32 to 44 "
                                           "base58 characters)")
                                .arg(text, address.error().detail));
    }
    auto vault = openOrCreateVault(in, path);
    if (!vault.ok())
        return vault.failure();
    auto account = vault->wallet.addWatchOnly(address.value(), in.line.value(LabelOption));
    if (!account.ok()) {
        if (vault->created)
            discardNewVault(path);
        return vaultFailure(account.error(), path);
    }
    printAdded(in, path, vault->wallet, account.value(), vault->created);
    return {};
}

// --- list --------------------------------------------------------------------------------------

Outcome<void> list(const Invocation &in)
{
    const QString path = vaultPath(in);
    auto wallet = openVault(in, path);
    if (!wallet.ok())
        return wallet.failure();
    const QList<AccountInfo> accounts = wallet->accounts();

    QJsonArray rows;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        rows.append(accountJson(i, accounts.at(i)));
    in.out.document({{QStringLiteral("vault"), path}, {QStringLiteral("accounts"), rows}});

    if (accounts.isEmpty()) {
        in.out.line(QStringLiteral("%1 has no accounts yet — add one with 'ovpp wallet import' or "
                                   "'ovpp wallet watch'")
                        .arg(shown(path)));
        return {};
    }
    // A plain table: columns padded to their widest cell.
    QList<QStringList> table {{QStringLiteral("#"), QStringLiteral("LABEL"), QStringLiteral("KIND"),
                               QStringLiteral("ADDRESS"), QStringLiteral("PATH")}};
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const AccountInfo &a = accounts.at(i);
        table.append({QString::number(i), a.label, kindName(a.kind), a.address.toBase58(),
                      a.kind == AccountKind::Derived ? a.path.toString() : QStringLiteral("-")});
    }
    QList<qsizetype> widths(5, 0);
    for (const QStringList &row : table) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    for (const QStringList &row : table) {
        QString text;
        for (qsizetype c = 0; c < row.size(); ++c)
            text += (c + 1 < row.size() ? row.at(c).leftJustified(widths[c] + 2) : row.at(c));
        in.out.line(text);
    }
    return {};
}

// --- export ------------------------------------------------------------------------------------

Outcome<void> exportSecret(const Invocation &in)
{
    const QString path = vaultPath(in);
    bool numeric = false;
    const QString accountText = in.line.value(QStringLiteral("account"));
    const int index = accountText.toInt(&numeric);
    if (!numeric || index < 0) {
        return usageFailure(QStringLiteral("--account is an account number from 'ovpp wallet "
                                           "list' (0, 1, ...), not %1")
                                .arg(accountText));
    }
    const QString format = in.line.value(QStringLiteral("format")).isEmpty()
        ? QStringLiteral("keypair")
        : in.line.value(QStringLiteral("format"));
    if (format != QLatin1String("keypair") && format != QLatin1String("base58"))
        return usageFailure(QStringLiteral("--format is keypair or base58, not %1").arg(format));

    if (auto exists = requireVault(path); !exists.ok())
        return exists.failure();
    auto opened = openWithPassword(in, path, QStringLiteral("Password for %1: ").arg(shown(path)));
    if (!opened.ok())
        return opened.failure();
    const Wallet &wallet = opened->wallet;
    const QList<AccountInfo> accounts = wallet.accounts();
    if (index >= accounts.size()) {
        return userFailure(QStringLiteral("not-found"),
                           QStringLiteral("%1 has no account %2 (it has %3) — 'ovpp wallet list' "
                                          "shows them")
                               .arg(shown(path))
                               .arg(index)
                               .arg(accounts.size()));
    }
    const AccountInfo &account = accounts.at(index);
    if (account.kind == AccountKind::WatchOnly) {
        return userFailure(QStringLiteral("watch-only"),
                           QStringLiteral("account %1 (%2) is watch-only: it has no secret to "
                                          "export")
                               .arg(index)
                               .arg(account.label));
    }
    const bool keypair = format == QLatin1String("keypair");
    auto secret = wallet.exportSecret(
        account.id, keypair ? Wallet::ExportFormat::KeypairJson : Wallet::ExportFormat::Base58,
        opened->password);
    if (!secret.ok())
        return vaultFailure(secret.error(), path);
    in.out.secretLine(secret.value());
    in.out.documentWithSecret({{QStringLiteral("vault"), path},
                               {QStringLiteral("account"), accountJson(index, account)},
                               {QStringLiteral("format"), format}},
                              QStringLiteral("secret"), secret.value(),
                              keypair ? Output::SecretEncoding::JsonValue
                                      : Output::SecretEncoding::JsonString);
    return {};
}

// --- passwd ------------------------------------------------------------------------------------

Outcome<void> passwd(const Invocation &in)
{
    const QString path = vaultPath(in);
    if (in.line.value(PasswordFileOption) == QLatin1String("-")
        && in.line.value(NewPasswordFileOption) == QLatin1String("-")) {
        return usageFailure(QStringLiteral("only one input can come from standard input (-)"));
    }
    if (auto exists = requireVault(path); !exists.ok())
        return exists.failure();
    auto opened
        = openWithPassword(in, path, QStringLiteral("Current password for %1: ").arg(shown(path)));
    if (!opened.ok())
        return opened.failure();
    Wallet &wallet = opened->wallet;
    auto replacement
        = input::newPassword(in.line.value(NewPasswordFileOption), QStringLiteral("New password: "),
                             QStringLiteral("--new-password-file"));
    if (!replacement.ok())
        return replacement.failure();
    if (auto changed = wallet.changePassword(opened->password, replacement.value()); !changed.ok())
        return vaultFailure(changed.error(), path);
    // The vault has a new key now; a copy kept for "unlock on this device" must follow.
    if (const QString note = keychain::refreshStoredKey(wallet.vaultId(), wallet.vaultKey());
        !note.isEmpty())
        in.out.note(QStringLiteral("ovpp: warning: ") + note);
    in.out.line(QStringLiteral("Changed the password of %1").arg(shown(path)));
    in.out.document({{QStringLiteral("vault"), path}, {QStringLiteral("changed"), true}});
    return {};
}

// --- the table ---------------------------------------------------------------------------------

// Help texts as people read them; clang-format leaves raw strings alone.
const QString VaultHelp = QStringLiteral(
    R"(  --vault FILE            the vault file (default: the desktop app's "default"
                          wallet in ~/.local/share/OpenVPP/OpenVPP World/wallets)
)");
const QString PasswordHelp = QStringLiteral(
    R"(  --password-file FILE    read the password from FILE (its first line) instead
                          of asking at the terminal; never give it as an argument
)");
const QString KeychainHelp = QStringLiteral(
    R"(  --use-keychain          open the vault with its key from the OS keychain
                          ('ovpp keychain remember'), without a password
)");

Command make(const QString &name, const QString &usage, const QString &summary, const QString &help,
             QStringList options, std::function<Outcome<void>(const Invocation &)> run)
{
    return makeCommand(QStringLiteral("wallet"), name, usage, summary, help, std::move(options),
                       std::move(run));
}

} // namespace

QString vaultPathOption(const Invocation &in)
{
    return vaultPath(in);
}

Outcome<Wallet> openExistingVault(const Invocation &in, const QString &path)
{
    return openVault(in, path);
}

QList<Command> walletCommands()
{
    QList<Command> commands;
    commands.append(make(
        QStringLiteral("create"),
        QStringLiteral("--vault FILE [--words 12|24] [--passphrase-file FILE] [--label TEXT]"),
        QStringLiteral("create a vault with a new mnemonic; shows the words once"),
        QStringLiteral(R"(Creates a new vault file holding a freshly generated BIP39 mnemonic and
its first account (m/44'/501'/0'/0'). Prints the words once, and the
address. Asks for the new password twice.

Options:
)") + VaultHelp
            + QStringLiteral(R"(  --words 12|24           length of the mnemonic (default 12)
  --passphrase-file FILE  an optional BIP39 passphrase (its first line)
  --label TEXT            the account's name (default "Account 1")
)") + PasswordHelp
            + QStringLiteral(R"(
Example:
  ovpp wallet create --vault ~/home.ovppvault
)"),
        {VaultOption, QStringLiteral("words"), QStringLiteral("passphrase-file"), LabelOption,
         PasswordFileOption},
        create));
    commands.append(make(
        QStringLiteral("import"),
        QStringLiteral("--vault FILE (--mnemonic-file FILE [--path PATH] [--passphrase-file "
                       "FILE] | --keypair FILE | --secret-file FILE) [--label TEXT]"),
        QStringLiteral("add a key from a mnemonic, a keypair file or a base58 secret"),
        QStringLiteral(R"(Adds an account to the vault. When the file does not exist yet, creates
the vault (asking for a new password twice).

Options:
)") + VaultHelp
            + QStringLiteral(R"(  --mnemonic-file FILE    BIP39 words ("-": standard input)
  --path PATH             with --mnemonic-file: the derivation path, default
                          m/44'/501'/0'/0'; "none" for solana-keygen's legacy
                          rule (the first 32 bytes of the BIP39 seed)
  --passphrase-file FILE  with --mnemonic-file: the BIP39 passphrase
  --keypair FILE          a Solana CLI keypair file (JSON array of 64 bytes)
  --secret-file FILE      a base58 64-byte secret key (what Phantom exports)
  --label TEXT            the account's name
)") + PasswordHelp
            + KeychainHelp + QStringLiteral(R"(
Examples:
  ovpp wallet import --vault w.ovppvault --mnemonic-file words.txt
  ovpp wallet import --vault w.ovppvault --keypair ~/.config/solana/id.json
)"),
        {VaultOption, QStringLiteral("mnemonic-file"), QStringLiteral("path"),
         QStringLiteral("passphrase-file"), QStringLiteral("keypair"),
         QStringLiteral("secret-file"), LabelOption, PasswordFileOption, UseKeychainOption},
        import));
    commands.append(
        make(QStringLiteral("watch"), QStringLiteral("--vault FILE [--label TEXT] ADDRESS"),
             QStringLiteral("add a watch-only account (an address, no secret)"),
             QStringLiteral(R"(Adds ADDRESS as a watch-only account: its balances and history can be
seen, nothing can be signed. Creates the vault when the file does not exist.

Options:
)") + VaultHelp + QStringLiteral("  --label TEXT            the account's name\n")
                 + PasswordHelp + KeychainHelp,
             {VaultOption, LabelOption, PasswordFileOption, UseKeychainOption}, watch));
    commands.last().minArguments = 1;
    commands.last().maxArguments = 1;
    commands.append(make(QStringLiteral("list"), QStringLiteral("--vault FILE"),
                         QStringLiteral("list the accounts: index, label, kind, address, path"),
                         QStringLiteral("Lists the vault's accounts. The index is what --account "
                                        "takes.\n\nOptions:\n")
                             + VaultHelp + PasswordHelp + KeychainHelp,
                         {VaultOption, PasswordFileOption, UseKeychainOption}, list));
    commands.append(make(
        QStringLiteral("export"),
        QStringLiteral("--vault FILE --account N [--format keypair|base58]"),
        QStringLiteral("print an account's secret key (password needed)"),
        QStringLiteral(R"(Prints the secret key of account N to standard output, and nowhere else:
as a Solana CLI keypair file (default) or as base58 (what Phantom imports).
Anyone who sees it controls the account. Always asks for the password.

Options:
)") + VaultHelp
            + QStringLiteral(R"(  --account N             the account's index in 'ovpp wallet list'
  --format keypair|base58 the form of the secret (default keypair)
)") + PasswordHelp
            + QStringLiteral(R"(
Example:
  ovpp wallet export --vault w.ovppvault --account 0 > id.json
)"),
        {VaultOption, QStringLiteral("account"), QStringLiteral("format"), PasswordFileOption},
        exportSecret));
    commands.last().required = {QStringLiteral("account")};
    commands.append(make(
        QStringLiteral("passwd"), QStringLiteral("--vault FILE"),
        QStringLiteral("change the vault's password"),
        QStringLiteral(R"(Asks for the current password, then the new one twice, and re-encrypts
the vault. FILE.bak becomes a copy of the re-encrypted vault, so the old
password opens neither file. A key kept in the OS keychain is updated.

Options:
)") + VaultHelp
            + PasswordHelp + QStringLiteral(R"(  --new-password-file FILE
                          read the new password from FILE (its first line)
)"),
        {VaultOption, PasswordFileOption, NewPasswordFileOption}, passwd));
    return commands;
}

} // namespace ovpp::cli
