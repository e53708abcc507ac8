#pragma once

// The Inspect page's token accounts, one row per account (not summed per mint like the
// Wallet page's balances): support staff need each account's address to follow a payment.
// Amounts are exact decimal strings made from integer base units.

#include "solana/rpc/ClusterConfig.h"
#include "solana/rpc/RpcTypes.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <cstdint>

namespace ovpp::ui {

class InspectTokenAccountsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        AddressRole = Qt::UserRole + 1, // the token account, base58
        MintRole,
        SymbolRole, // "USDE", "USDC" (per cluster) or the mint shortened
        AmountRole, // "250" or "0.000001"
        BaseUnitsRole, // a string: QML numbers are doubles
        DecimalsRole,
        ProgramRole, // "Token" or "Token-2022"
        StateRole, // "initialized", "frozen"
    };

    struct Row
    {
        QString address;
        QString mint;
        QString symbol;
        std::uint64_t baseUnits = 0;
        int decimals = 0;
        QString program;
        QString state;
    };

    explicit InspectTokenAccountsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // USDE first, then USDC, then the rest by mint, then by account address (stable order).
    void setAccounts(const QList<core::TokenAccount> &accounts, const core::Cluster &cluster);
    void clear();
    const QList<Row> &rows() const { return m_rows; }

private:
    QList<Row> m_rows;
};

} // namespace ovpp::ui
