#pragma once

// The Inspect page (support staff): any address, read-only, no vault needed: SOL and token
// balances, each token account, and the decoded history. The reading and decoding are the
// Wallet and History pages' own (a PortfolioViewModel and a HistoryViewModel of its own, fed
// the inspected address instead of the wallet's), so both pages always agree.

#include "InspectTokenAccountsModel.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class ChainSession;
class HistoryViewModel;
class PortfolioViewModel;

class InspectViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    // The address being shown (empty until one was inspected).
    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(QString clusterLabel READ clusterLabel NOTIFY clusterChanged)
    Q_PROPERTY(QAbstractItemModel *balances READ balances CONSTANT)
    Q_PROPERTY(QAbstractItemModel *tokenAccounts READ tokenAccounts CONSTANT)
    Q_PROPERTY(QAbstractItemModel *history READ history CONSTANT)
    Q_PROPERTY(QString solAmount READ solAmount NOTIFY balancesLoadedChanged)
    Q_PROPERTY(bool balancesLoaded READ balancesLoaded NOTIFY balancesLoadedChanged)
    Q_PROPERTY(bool historyLoaded READ historyLoaded NOTIFY historyLoadedChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY historyLoadedChanged)
    Q_PROPERTY(QString asOfText READ asOfText NOTIFY balancesLoadedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    // `chain` may be null (then every inspect says there is no network).
    explicit InspectViewModel(ChainSession *chain, QObject *parent = nullptr);
    ~InspectViewModel() override;

    QString address() const;
    QString clusterLabel() const;
    QAbstractItemModel *balances();
    QAbstractItemModel *tokenAccounts() { return &m_tokenAccounts; }
    InspectTokenAccountsModel *tokenAccountsModel() { return &m_tokenAccounts; }
    QAbstractItemModel *history();
    PortfolioViewModel *portfolio() const { return m_portfolio; }
    HistoryViewModel *historyViewModel() const { return m_history; }
    QString solAmount() const;
    bool balancesLoaded() const;
    bool historyLoaded() const;
    bool canLoadMore() const;
    QString asOfText() const;
    bool busy() const;
    QString busyText() const;
    QString errorText() const;

    // The input checked the way inspect() checks it: empty when `text` is an address.
    Q_INVOKABLE QString validate(const QString &text) const;

public slots:
    // Reads `text` (trimmed) if it is a 32-byte base58 address; otherwise errorText says why
    // and whatever was shown is cleared. Inspecting the same address again re-reads it.
    void inspect(const QString &text);
    void loadMoreHistory();
    void clear();

signals:
    void addressChanged();
    void clusterChanged();
    void balancesLoadedChanged();
    void historyLoadedChanged();
    void busyChanged();
    void errorTextChanged();

private:
    void setInputError(const QString &text);

    QPointer<ChainSession> m_chain;
    // Children of this object (QObject parent), created in the constructor.
    PortfolioViewModel *m_portfolio = nullptr;
    HistoryViewModel *m_history = nullptr;
    InspectTokenAccountsModel m_tokenAccounts;
    QString m_inputError;
};

} // namespace ovpp::ui
