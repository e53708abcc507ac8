#pragma once

// The accounts of the unlocked wallet, as plain value rows (public facts only).

#include "wallet/AccountInfo.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class AccountsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by WalletViewModel.accounts")

public:
    enum Roles {
        LabelRole = Qt::UserRole + 1,
        AddressRole,
        ShortAddressRole,
        KindRole,
        KindTextRole,
        PathRole,
    };
    Q_ENUM(Roles)

    explicit AccountsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows: a reset when the set of accounts changed, dataChanged over the range
    // when only their details did (a rename), so views keep their scroll position and focus.
    void setAccounts(const QList<core::AccountInfo> &accounts);
    const QList<core::AccountInfo> &accounts() const { return m_accounts; }
    const core::AccountInfo *at(int row) const;

    static QString kindName(core::AccountKind kind);
    static QString kindText(core::AccountKind kind);

private:
    QList<core::AccountInfo> m_accounts;
};

} // namespace ovpp::ui
