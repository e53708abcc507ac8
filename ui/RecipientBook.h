#pragma once

// The addresses a vault has sent to, kept so that the send form can warn about a first-time
// recipient and about an address that LOOKS like a known one but is not (address poisoning:
// an attacker sends dust from an address with the same first and last characters, hoping the
// victim copies it from their history). Public addresses only, one small JSON file per vault:
// <directory>/<vault id>.json. Not thread-safe; GUI thread.

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace ovpp::ui {

class RecipientBook
{
public:
    struct Entry
    {
        QString address; // base58
        QString label; // may be empty
    };

    // `directory` empty: <AppDataLocation>/recipients.
    explicit RecipientBook(const QString &directory = {});

    // Loads the vault's book (empty for a null id or a missing/unreadable file).
    void setVault(const QUuid &vaultId);
    QUuid vault() const { return m_vault; }
    const QList<Entry> &entries() const { return m_entries; }
    bool contains(const QString &address) const;
    std::optional<Entry> find(const QString &address) const;
    // Remembers `address` (a confirmed send) and saves at once; a known address keeps its
    // label unless `label` is non-empty. False when the file could not be written.
    bool add(const QString &address, const QString &label = {});

    // The known address that `address` could be mistaken for, if any (never `address` itself).
    static std::optional<QString> lookAlike(const QString &address, const QStringList &known);
    // Whether two different addresses look alike to a person who compares the ends: the same
    // first 4 and last 4 characters, or the first 6 and last 6 within two edits in all.
    static bool looksAlike(const QString &a, const QString &b);

private:
    QString filePath() const;
    bool save() const;

    QString m_directory;
    QUuid m_vault;
    QList<Entry> m_entries;
};

} // namespace ovpp::ui
