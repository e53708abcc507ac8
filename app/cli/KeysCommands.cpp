#include "KeysCommands.h"

#include "PasswordInput.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"

#include <QJsonObject>

namespace ovpp::cli {

using namespace core;

namespace {

Outcome<void> derive(const Invocation &in)
{
    auto path = derivationPathOption(in.line);
    if (!path.ok())
        return path.failure();
    const QString passphraseFile = in.line.value(QStringLiteral("passphrase-file"));
    if (passphraseFile == QLatin1String("-")) {
        return usageFailure(QStringLiteral("the mnemonic comes on standard input, so the "
                                           "passphrase cannot — give --passphrase-file FILE"));
    }

    SecretBytes passphrase;
    if (!passphraseFile.isEmpty()) {
        auto read
            = input::readSecretLineFile(passphraseFile, QStringLiteral("the passphrase file"));
        if (!read.ok())
            return read.failure();
        passphrase = std::move(read).value();
    }
    auto phrase = input::mnemonic({});
    if (!phrase.ok())
        return phrase.failure();
    auto normalized = mnemonic::validate(phrase.value().span());
    if (!normalized.ok())
        return failureFrom(normalized.error(), QStringLiteral("the mnemonic"));

    const SecretBytes seed = mnemonic::toSeed(normalized.value().span(), passphrase.span());
    const Keypair keypair = Keypair::fromBip39Seed(seed.span(), path.value());
    const QString address = keypair.publicKey().toBase58();
    in.out.line(address);
    in.out.document(
        {{QStringLiteral("address"), address}, {QStringLiteral("path"), path.value().toString()}});
    return {};
}

} // namespace

QList<Command> keysCommands()
{
    Command command;
    command.group = QStringLiteral("keys");
    command.name = QStringLiteral("derive");
    command.usage = QStringLiteral("[--path PATH] [--passphrase-file FILE]  < mnemonic");
    command.summary = QStringLiteral("print the address a mnemonic gives at a derivation path");
    command.help = QStringLiteral(
        "Reads BIP39 mnemonic words on standard input (asked for, without echo, at a\n"
        "terminal) and prints the Solana address they give. Nothing is stored.\n"
        "\n"
        "Options:\n"
        "  --path PATH             SLIP-0010 path, default m/44'/501'/0'/0' (Phantom,\n"
        "                          Solflare, solana-keygen --derivation-path). Others:\n"
        "                          m/44'/501'/N'/0', m/44'/501'/N', m/44'/501'/N'/0'/0'.\n"
        "                          \"none\": solana-keygen without --derivation-path\n"
        "                          (the first 32 bytes of the BIP39 seed).\n"
        "  --passphrase-file FILE  the BIP39 passphrase (\"25th word\"), one line\n"
        "\n"
        "Example:\n"
        "  ovpp keys derive --path \"m/44'/501'/1'/0'\" < words.txt\n");
    command.options = {QStringLiteral("path"), QStringLiteral("passphrase-file")};
    command.run = derive;
    return {command};
}

} // namespace ovpp::cli
