#pragma once

// The balances of one account, one row per asset: SOL first, then USDE and USDC (named per
// cluster), then any other token by its mint. Amounts are exact decimal strings made from
// integer base units (never a double).

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <cstdint>

namespace ovpp::ui {

class PortfolioBalancesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        SymbolRole = Qt::UserRole + 1,
        NameRole,
        AmountRole, // "1.5"
        BaseUnitsRole, // "1500000" (a string: QML numbers are doubles)
        DecimalsRole,
        MintRole, // empty for SOL
        TokenAccountsRole, // how many token accounts hold it
    };

    struct Row
    {
        QString symbol; // "SOL", "USDE", "USDC", or the mint shortened
        QString name;
        std::uint64_t baseUnits = 0;
        int decimals = 0;
        QString mint;
        int tokenAccounts = 0;
    };

    explicit PortfolioBalancesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }

private:
    QList<Row> m_rows;
};

} // namespace ovpp::ui
