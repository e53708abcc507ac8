#pragma once

// BIP39 mnemonics (English word list, shipped as a resource): generation, validation with a
// helpful error, and the 64-byte seed. Word list: resources/wordlists/bip39-english.txt.

#include "SecretBytes.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace ovpp::core::mnemonic {

// The 2048 English words, in order.
const QStringList &englishWords();

// 12 or 24 words (128 or 256 bits of entropy from libsodium's randombytes). The phrase is
// returned as UTF-8 words separated by single spaces.
Result<SecretBytes> generate(int wordCount);

// Entropy (16/20/24/28/32 bytes) to phrase; used by generate() and by the tests' vectors.
Result<SecretBytes> fromEntropy(std::span<const std::uint8_t> entropy);

// Normalises user input (NFKD, lower case, any whitespace runs to one space, trims) and checks
// it: 12/15/18/21/24 words (InvalidArgument otherwise), every word in the list (UnknownWord,
// detail naming the word and its position, with the closest list word as a suggestion), and the
// checksum (BadChecksum). Returns the normalised phrase.
Result<SecretBytes> validate(std::span<const std::uint8_t> phraseUtf8);

// PBKDF2-HMAC-SHA512(NFKD(phrase), "mnemonic" + NFKD(passphrase), 2048) -> 64 bytes. Assumes a
// phrase that validate() accepted (or a test vector).
SecretBytes toSeed(std::span<const std::uint8_t> phraseUtf8,
                   std::span<const std::uint8_t> passphraseUtf8);

// Words a user is completing: list words with the given prefix (for the import field).
QStringList completions(QStringView prefix, int limit = 8);

} // namespace ovpp::core::mnemonic
