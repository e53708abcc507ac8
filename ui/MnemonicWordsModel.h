#pragma once

// The recovery words being shown to the user, numbered. The phrase stays in secure memory; a
// word becomes a QString only inside data(), for the delegate that displays it (that copy is
// the QML engine's to free — the best a QML view allows). clear() wipes the phrase.

#include "crypto/SecretBytes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <string_view>

namespace ovpp::ui {

class MnemonicWordsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by OnboardingViewModel.words")

public:
    enum Roles {
        NumberRole = Qt::UserRole + 1, // 1-based position
        WordRole,
    };
    Q_ENUM(Roles)

    explicit MnemonicWordsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Takes a phrase of words separated by single spaces (as mnemonic::generate returns it).
    void setPhrase(core::SecretBytes phrase);
    void clear();

    bool isEmpty() const { return m_count == 0; }
    const core::SecretBytes &phrase() const { return m_phrase; }
    // The word at a 0-based index, a view into secure memory (C++ only, never stored).
    std::string_view wordAt(int index) const;

private:
    core::SecretBytes m_phrase;
    int m_count = 0;
};

} // namespace ovpp::ui
