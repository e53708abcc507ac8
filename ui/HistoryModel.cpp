#include "HistoryModel.h"

namespace ovpp::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case SignatureRole:
        return row.signature;
    case DetailRole:
        return row.detail;
    case CounterpartyRole:
        return row.counterparty;
    case StatusRole:
        return row.status;
    case FailedRole:
        return row.failed;
    case FeeRole:
        return row.fee;
    case TimeRole:
        return row.time;
    case ExplorerUrlRole:
        return row.explorerUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {{SignatureRole, "signature"},
            {TitleRole, "title"},
            {DetailRole, "detail"},
            {CounterpartyRole, "counterparty"},
            {StatusRole, "status"},
            {FailedRole, "failed"},
            {FeeRole, "fee"},
            {TimeRole, "time"},
            {ExplorerUrlRole, "explorerUrl"}};
}

void HistoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void HistoryModel::append(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_rows.size()),
                    static_cast<int>(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
}

} // namespace ovpp::ui
