#include "AccountsModel.h"

namespace ovpp::ui {

AccountsModel::AccountsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int AccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::AccountInfo &account = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return account.label;
    case AddressRole:
        return account.address.toBase58();
    case ShortAddressRole:
        return account.address.redacted();
    case KindRole:
        return kindName(account.kind);
    case KindTextRole:
        return kindText(account.kind);
    case PathRole:
        return account.kind == core::AccountKind::Derived ? account.path.toString() : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const
{
    return {
        {LabelRole, "label"}, {AddressRole, "address"},   {ShortAddressRole, "shortAddress"},
        {KindRole, "kind"},   {KindTextRole, "kindText"}, {PathRole, "path"},
    };
}

void AccountsModel::setAccounts(const QList<core::AccountInfo> &accounts)
{
    bool sameRows = accounts.size() == m_accounts.size();
    for (qsizetype i = 0; sameRows && i < accounts.size(); ++i)
        sameRows = accounts[i].id == m_accounts[i].id;
    if (!sameRows) {
        beginResetModel();
        m_accounts = accounts;
        endResetModel();
        return;
    }
    m_accounts = accounts;
    if (!m_accounts.isEmpty())
        emit dataChanged(index(0), index(int(m_accounts.size()) - 1));
}

const core::AccountInfo *AccountsModel::at(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts[row] : nullptr;
}

QString AccountsModel::kindName(core::AccountKind kind)
{
    switch (kind) {
    case core::AccountKind::Derived:
        return QStringLiteral("derived");
    case core::AccountKind::Imported:
        return QStringLiteral("imported");
    case core::AccountKind::WatchOnly:
        return QStringLiteral("watch");
    }
    return {};
}

QString AccountsModel::kindText(core::AccountKind kind)
{
    switch (kind) {
    case core::AccountKind::Derived:
        return tr("Derived");
    case core::AccountKind::Imported:
        return tr("Imported");
    case core::AccountKind::WatchOnly:
        return tr("Watch-only");
    }
    return {};
}

} // namespace ovpp::ui
