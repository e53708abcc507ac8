#pragma once

// The fleet table as the page shows it: FleetModel sorted by any column (its SortRole, so
// numbers sort as numbers) and filtered by status category and a search over id, label,
// vendor and model.

#include "FleetRow.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace ovpp::ui {

class FleetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FleetFilterModel(QObject *parent = nullptr);

    // nullopt: every category.
    void setCategory(std::optional<FleetRow::Category> category);
    std::optional<FleetRow::Category> category() const { return m_category; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<FleetRow::Category> m_category;
    QString m_search; // lower case, trimmed
};

} // namespace ovpp::ui
