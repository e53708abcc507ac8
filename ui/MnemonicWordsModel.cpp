#include "MnemonicWordsModel.h"

namespace ovpp::ui {

namespace {

int countWords(std::string_view text)
{
    int count = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ';
        if (!space && !inWord)
            ++count;
        inWord = !space;
    }
    return count;
}

} // namespace

MnemonicWordsModel::MnemonicWordsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MnemonicWordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant MnemonicWordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case NumberRole:
        return index.row() + 1;
    case Qt::DisplayRole:
    case WordRole: {
        const std::string_view word = wordAt(index.row());
        return QString::fromUtf8(word.data(), qsizetype(word.size()));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MnemonicWordsModel::roleNames() const
{
    return {{NumberRole, "number"}, {WordRole, "word"}};
}

void MnemonicWordsModel::setPhrase(core::SecretBytes phrase)
{
    beginResetModel();
    m_phrase = std::move(phrase);
    m_count = countWords(m_phrase.view());
    endResetModel();
}

void MnemonicWordsModel::clear()
{
    if (m_count == 0 && m_phrase.empty())
        return;
    beginResetModel();
    m_phrase.clear();
    m_count = 0;
    endResetModel();
}

std::string_view MnemonicWordsModel::wordAt(int index) const
{
    // Scanned each time rather than indexed: word offsets would say how long each word is.
    const std::string_view text = m_phrase.view();
    int current = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ')
            ++end;
        if (end > pos) {
            if (current == index)
                return text.substr(pos, end - pos);
            ++current;
        }
        pos = end;
    }
    return {};
}

} // namespace ovpp::ui
