#pragma once

// Secrets coming in: passwords typed at the terminal with echo off, or read from a file given
// with --password-file (never from the command line itself); mnemonics, passphrases and keys
// read from files or standard input. Everything lands in SecretBytes without passing through a
// QString or QByteArray.

#include "Failure.h"
#include "crypto/SecretBytes.h"

#include <QString>

namespace ovpp::cli {

namespace input {

// Largest secret file we read; a keypair file is about 250 bytes.
inline constexpr std::size_t MaxSecretFileSize = 64 * 1024;

bool stdinIsTerminal();

// The whole file ("-": standard input, up to end of file) in secure memory. `what` names it in
// messages ("the mnemonic file", "the password file").
Outcome<core::SecretBytes> readSecretFile(const QString &path, const QString &what);

// The file's first line, without its line end ("\n" or "\r\n"): password and passphrase files,
// as `echo` or an editor writes them. Other whitespace is part of the secret.
Outcome<core::SecretBytes> readSecretLineFile(const QString &path, const QString &what);

// One line typed at the terminal (standard input) with echo off; the prompt goes to standard
// error. A usage failure when standard input is not a terminal, naming `fileOption`.
Outcome<core::SecretBytes> promptHidden(const QString &prompt, const QString &fileOption);

// An existing vault's password: from `file` when given, else asked once.
Outcome<core::SecretBytes> password(const QString &file, const QString &prompt,
                                    const QString &fileOption);

// A new password: from `file` when given, else asked twice (the two must match). Never empty.
Outcome<core::SecretBytes> newPassword(const QString &file, const QString &prompt,
                                       const QString &fileOption);

// Mnemonic words from `file`, or from standard input for "" and "-": asked for with echo off
// when standard input is a terminal, else read to its end. Not validated here.
Outcome<core::SecretBytes> mnemonic(const QString &file);

} // namespace input

} // namespace ovpp::cli
