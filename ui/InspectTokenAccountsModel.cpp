#include "InspectTokenAccountsModel.h"

#include "solana/ProgramIds.h"
#include "solana/pay/PaymentAmount.h"

#include <algorithm>

namespace ovpp::ui {

namespace {

QString shortMint(const QString &mint)
{
    return mint.size() > 10 ? mint.left(4) + QStringLiteral("…") + mint.right(4) : mint;
}

} // namespace

InspectTokenAccountsModel::InspectTokenAccountsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int InspectTokenAccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant InspectTokenAccountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
        return row.address;
    case MintRole:
        return row.mint;
    case SymbolRole:
        return row.symbol;
    case AmountRole:
        return core::PaymentAmount::fromBaseUnits(row.baseUnits,
                                                  static_cast<std::uint8_t>(row.decimals));
    case BaseUnitsRole:
        return QString::number(row.baseUnits);
    case DecimalsRole:
        return row.decimals;
    case ProgramRole:
        return row.program;
    case StateRole:
        return row.state;
    default:
        return {};
    }
}

QHash<int, QByteArray> InspectTokenAccountsModel::roleNames() const
{
    return {
        {AddressRole, "address"}, {MintRole, "mint"},           {SymbolRole, "symbol"},
        {AmountRole, "amount"},   {BaseUnitsRole, "baseUnits"}, {DecimalsRole, "decimals"},
        {ProgramRole, "program"}, {StateRole, "accountState"},
    };
}

void InspectTokenAccountsModel::setAccounts(const QList<core::TokenAccount> &accounts,
                                            const core::Cluster &cluster)
{
    const QString usde = cluster.usdeMint ? cluster.usdeMint->toBase58() : QString();
    const QString usdc = cluster.usdcMint ? cluster.usdcMint->toBase58() : QString();
    QList<Row> rows;
    rows.reserve(accounts.size());
    for (const core::TokenAccount &account : accounts) {
        Row row;
        row.address = account.address.toBase58();
        row.mint = account.mint.toBase58();
        if (!usde.isEmpty() && row.mint == usde)
            row.symbol = QStringLiteral("USDE");
        else if (!usdc.isEmpty() && row.mint == usdc)
            row.symbol = QStringLiteral("USDC");
        else
            row.symbol = shortMint(row.mint);
        row.baseUnits = account.amount;
        row.decimals = account.decimals;
        row.program = account.program == core::programs::token2022Program()
            ? QStringLiteral("Token-2022")
            : QStringLiteral("Token");
        row.state = account.state;
        rows.append(row);
    }
    auto rank = [&](const Row &row) {
        return row.mint == usde ? 0 : row.mint == usdc ? 1 : 2;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        if (a.mint != b.mint)
            return a.mint < b.mint;
        return a.address < b.address;
    });
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void InspectTokenAccountsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace ovpp::ui
