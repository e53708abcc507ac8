#pragma once

// The History page: the current account's transactions, newest first, a page at a time
// (getSignaturesForAddress, then getTransaction for each of the page at once), decoded with
// core's TransactionDecoder into HistoryModel rows. Fed the address by AppServices.

#include "HistoryModel.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class ChainSession;

class HistoryViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(QAbstractItemModel *rows READ rows CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY loaded)
    Q_PROPERTY(bool everLoaded READ everLoaded NOTIFY loaded)

public:
    static constexpr int PageSize = 20;

    explicit HistoryViewModel(ChainSession *chain, QObject *parent = nullptr);

    QString address() const { return m_address; }
    QAbstractItemModel *rows() { return &m_model; }
    HistoryModel *historyModel() { return &m_model; }
    bool busy() const { return m_busy; }
    QString busyText() const;
    QString errorText() const { return m_errorText; }
    bool canLoadMore() const { return m_canLoadMore; }
    bool everLoaded() const { return m_everLoaded; }

public slots:
    void setAddress(const QString &address);
    // From the newest again.
    void refresh();
    // The next (older) page.
    void loadMore();

signals:
    void addressChanged();
    void busyChanged();
    void errorTextChanged();
    void loaded();

private:
    void load(const QString &before);
    void setBusy(bool busy);
    void setErrorText(const QString &text);

    QPointer<ChainSession> m_chain;
    HistoryModel m_model;
    QString m_address;
    QString m_errorText;
    QString m_oldest; // the last signature shown: where the next page starts
    bool m_busy = false;
    bool m_canLoadMore = false;
    bool m_everLoaded = false;
    quint64 m_generation = 0;
};

} // namespace ovpp::ui
