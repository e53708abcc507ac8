#pragma once

// Decoded history rows of one address (History page; the Inspect page can reuse it): what
// happened in words ("Sent 1.5 SOL to 9xQe…4Fzt"), exact amounts, the counterparty shortened
// (full in its own role, for hover and copy), status, fee, time and the explorer link.

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace ovpp::ui {

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        SignatureRole = Qt::UserRole + 1,
        TitleRole, // "Sent 1.5 SOL to 9xQe…4Fzt"
        DetailRole, // further instructions, e.g. "Memo: order 42"
        CounterpartyRole, // full address, empty when none
        StatusRole, // "Finalized", "Confirmed", "Failed: {…}"
        FailedRole,
        FeeRole, // "0.000005 SOL"
        TimeRole, // local date and time, empty when the node does not know it
        ExplorerUrlRole,
    };

    struct Row
    {
        QString signature;
        QString title;
        QString detail;
        QString counterparty;
        QString status;
        bool failed = false;
        QString fee;
        QString time;
        QString explorerUrl;
    };

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void clear();
    void append(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }

private:
    QList<Row> m_rows;
};

} // namespace ovpp::ui
