#include "MnemonicHints.h"

#include "crypto/Mnemonic.h"
#include "crypto/SecretBytes.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ovpp::ui::mnemonichints {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

template<typename Visit> void forEachWord(std::string_view phrase, Visit visit)
{
    std::size_t pos = 0;
    int index = 0;
    while (pos < phrase.size()) {
        while (pos < phrase.size() && isSpace(phrase[pos]))
            ++pos;
        std::size_t end = pos;
        while (end < phrase.size() && !isSpace(phrase[end]))
            ++end;
        if (end > pos && !visit(++index, phrase.substr(pos, end - pos)))
            return;
        pos = end;
    }
}

// The list as plain ASCII, sorted (BIP39 lists are), for lookups that make no QString of a
// correct word.
const std::vector<std::string> &asciiWords()
{
    static const std::vector<std::string> words = [] {
        std::vector<std::string> list;
        for (const QString &word : core::mnemonic::englishWords())
            list.push_back(word.toStdString());
        std::sort(list.begin(), list.end());
        return list;
    }();
    return words;
}

bool isListWord(std::string_view word)
{
    constexpr std::size_t MaxWordLength = 16; // list words have at most 8 letters
    if (word.size() > MaxWordLength)
        return false;
    char lower[MaxWordLength];
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    const std::string_view key(lower, word.size());
    const std::vector<std::string> &words = asciiWords();
    const bool found
        = std::binary_search(words.begin(), words.end(), key,
                             [](std::string_view a, std::string_view b) { return a < b; });
    core::wipe(lower, sizeof lower);
    return found;
}

int editDistance(QStringView a, QStringView b, int limit)
{
    if (std::abs(int(a.size()) - int(b.size())) > limit)
        return limit + 1;
    std::vector<int> previous(std::size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            rowBest = std::min(rowBest, current[j]);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(previous, current);
    }
    return previous.back();
}

qsizetype commonPrefix(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

} // namespace

int countWords(std::string_view phrase)
{
    int count = 0;
    forEachWord(phrase, [&count](int index, std::string_view) {
        count = index;
        return true;
    });
    return count;
}

std::optional<UnknownWord> firstUnknownWord(std::string_view phrase)
{
    std::optional<UnknownWord> found;
    forEachWord(phrase, [&found](int index, std::string_view word) {
        if (isListWord(word))
            return true;
        const QString typed = QString::fromUtf8(word.data(), qsizetype(word.size())).toLower();
        found = UnknownWord {index, typed, closestWord(typed)};
        return false;
    });
    return found;
}

QString closestWord(QStringView word)
{
    constexpr int Limit = 2;
    QString best;
    int bestDistance = Limit + 1;
    qsizetype bestPrefix = -1;
    for (const QString &candidate : core::mnemonic::englishWords()) {
        const int distance = editDistance(word, candidate, Limit);
        if (distance > Limit)
            continue;
        const qsizetype prefix = commonPrefix(word, candidate);
        if (distance < bestDistance || (distance == bestDistance && prefix > bestPrefix)) {
            best = candidate;
            bestDistance = distance;
            bestPrefix = prefix;
        }
    }
    return best;
}

} // namespace ovpp::ui::mnemonichints
