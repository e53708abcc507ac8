#include "FleetFilterModel.h"

#include "FleetModel.h"

namespace ovpp::ui {

FleetFilterModel::FleetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetFilterModel::setCategory(std::optional<FleetRow::Category> category)
{
    if (m_category == category)
        return;
    m_category = category;
    invalidateRowsFilter();
}

void FleetFilterModel::setSearchText(const QString &text)
{
    const QString search = text.trimmed().toLower();
    if (m_search == search)
        return;
    m_search = search;
    invalidateRowsFilter();
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    // Straight from the rows: no QVariant per row on every keystroke.
    const auto *fleet = qobject_cast<const FleetModel *>(sourceModel());
    if (!fleet)
        return true;
    const FleetRow &row = fleet->row(sourceRow);
    if (m_category && row.category() != *m_category)
        return false;
    if (m_search.isEmpty())
        return true;
    return row.id.contains(m_search, Qt::CaseInsensitive)
        || row.label.contains(m_search, Qt::CaseInsensitive)
        || row.vendor.contains(m_search, Qt::CaseInsensitive)
        || row.model.contains(m_search, Qt::CaseInsensitive);
}

} // namespace ovpp::ui
