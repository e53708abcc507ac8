#include "PortfolioBalancesModel.h"

#include "solana/pay/PaymentAmount.h"

namespace ovpp::ui {

PortfolioBalancesModel::PortfolioBalancesModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PortfolioBalancesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant PortfolioBalancesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SymbolRole:
        return row.symbol;
    case NameRole:
        return row.name;
    case AmountRole:
        return core::PaymentAmount::fromBaseUnits(row.baseUnits,
                                                  static_cast<std::uint8_t>(row.decimals));
    case BaseUnitsRole:
        return QString::number(row.baseUnits);
    case DecimalsRole:
        return row.decimals;
    case MintRole:
        return row.mint;
    case TokenAccountsRole:
        return row.tokenAccounts;
    default:
        return {};
    }
}

QHash<int, QByteArray> PortfolioBalancesModel::roleNames() const
{
    return {{SymbolRole, "symbol"},
            {NameRole, "name"},
            {AmountRole, "amount"},
            {BaseUnitsRole, "baseUnits"},
            {DecimalsRole, "decimals"},
            {MintRole, "mint"},
            {TokenAccountsRole, "tokenAccounts"}};
}

void PortfolioBalancesModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace ovpp::ui
