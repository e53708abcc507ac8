#pragma once

// Helpful detail for a recovery phrase that mnemonic::validate() refused: which word is not in
// the list, and the list word the user probably meant. Works on the UTF-8 in secure memory; only
// the wrong word itself and the suggestion become QStrings (they go into the error text).

#include <QString>

#include <optional>
#include <string_view>

namespace ovpp::ui::mnemonichints {

struct UnknownWord
{
    int position = 0; // 1-based
    QString typed;
    QString suggestion; // "" when no list word is close
};

// Words separated by any ASCII whitespace.
int countWords(std::string_view phrase);
std::optional<UnknownWord> firstUnknownWord(std::string_view phrase);
// The list word within two edits of `word` (ties go to the longer common prefix), or "".
QString closestWord(QStringView word);

} // namespace ovpp::ui::mnemonichints
