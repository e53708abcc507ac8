#include "RecipientBook.h"

#include "UiLogging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

namespace ovpp::ui {

namespace {

// Levenshtein distance; the strings here are 6 characters, so the table is tiny.
int editDistance(QStringView a, QStringView b)
{
    std::vector<int> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution
                = previous[static_cast<std::size_t>(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[static_cast<std::size_t>(j)]
                = std::min({previous[static_cast<std::size_t>(j)] + 1,
                            current[static_cast<std::size_t>(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

} // namespace

RecipientBook::RecipientBook(const QString &directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          + QStringLiteral("/recipients")
                      : directory)
{ }

void RecipientBook::setVault(const QUuid &vaultId)
{
    m_vault = vaultId;
    m_entries.clear();
    if (vaultId.isNull())
        return;
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QString address = object.value(QLatin1String("address")).toString();
        if (!address.isEmpty() && !contains(address))
            m_entries.append({address, object.value(QLatin1String("label")).toString()});
    }
}

bool RecipientBook::contains(const QString &address) const
{
    return find(address).has_value();
}

std::optional<RecipientBook::Entry> RecipientBook::find(const QString &address) const
{
    for (const Entry &entry : m_entries) {
        if (entry.address == address)
            return entry;
    }
    return std::nullopt;
}

bool RecipientBook::add(const QString &address, const QString &label)
{
    if (m_vault.isNull() || address.isEmpty())
        return false;
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&address](const Entry &entry) { return entry.address == address; });
    if (it == m_entries.end())
        m_entries.append({address, label});
    else if (!label.isEmpty())
        it->label = label;
    return save();
}

std::optional<QString> RecipientBook::lookAlike(const QString &address, const QStringList &known)
{
    for (const QString &candidate : known) {
        if (candidate != address && looksAlike(address, candidate))
            return candidate;
    }
    return std::nullopt;
}

bool RecipientBook::looksAlike(const QString &a, const QString &b)
{
    if (a == b || a.size() < 12 || b.size() < 12)
        return false;
    if (a.left(4) == b.left(4) && a.right(4) == b.right(4))
        return true;
    return editDistance(QStringView(a).left(6), QStringView(b).left(6))
        + editDistance(QStringView(a).right(6), QStringView(b).right(6))
        <= 2;
}

QString RecipientBook::filePath() const
{
    return m_directory + QLatin1Char('/') + m_vault.toString(QUuid::WithoutBraces)
        + QStringLiteral(".json");
}

bool RecipientBook::save() const
{
    if (!QDir().mkpath(m_directory))
        return false;
    QJsonArray array;
    for (const Entry &entry : m_entries)
        array.append(QJsonObject {{QStringLiteral("address"), entry.address},
                                  {QStringLiteral("label"), entry.label}});
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcUi) << "recipient book: cannot write" << file.fileName();
        return false;
    }
    file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace ovpp::ui
