#pragma once

// The Wallet page's balances: SOL and every token of the current account, refreshed on demand,
// when the account changes, after a send finishes and every 30 s while the page is visible.
// Fed the address by AppServices (so this class needs nothing of the wallet's); reads through
// ChainSession's RpcClient on the GUI thread (asynchronous, nothing blocks).

#include "PortfolioBalancesModel.h"
#include "solana/rpc/RpcTypes.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class ChainSession;

class PortfolioViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(QString clusterLabel READ clusterLabel NOTIFY clusterChanged)
    Q_PROPERTY(QAbstractItemModel *balances READ balances CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY refreshed)
    Q_PROPERTY(QString asOfText READ asOfText NOTIFY refreshed)
    Q_PROPERTY(QString solAmount READ solAmount NOTIFY refreshed)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)

public:
    static constexpr int AutoRefreshMs = 30'000;

    // `chain` may be null (then there is nothing to read, and errorText says so).
    explicit PortfolioViewModel(ChainSession *chain, QObject *parent = nullptr);

    QString address() const { return m_address; }
    QString clusterLabel() const;
    QAbstractItemModel *balances() { return &m_model; }
    PortfolioBalancesModel *balancesModel() { return &m_model; }
    bool busy() const { return m_busy; }
    QString busyText() const;
    QString errorText() const { return m_errorText; }
    bool loaded() const { return m_loaded; }
    QString asOfText() const;
    QString solAmount() const;
    bool active() const { return m_active; }
    // Every token account behind the balances, as the node reported them (the Inspect page
    // lists them one by one); empty until loaded.
    const QList<core::TokenAccount> &tokenAccounts() const { return m_tokenAccounts; }
    // The page is on screen: refresh now and every 30 s; off screen: stop the timer.
    void setActive(bool active);

public slots:
    // The account to show (base58; empty: none, e.g. locked). A new address refreshes.
    void setAddress(const QString &address);
    void refresh();
    // Forget everything shown (the wallet locked).
    void clear();

signals:
    void addressChanged();
    void clusterChanged();
    void busyChanged();
    void errorTextChanged();
    void refreshed();
    void activeChanged();

private:
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void connectSender();

    QPointer<ChainSession> m_chain;
    PortfolioBalancesModel m_model;
    QList<core::TokenAccount> m_tokenAccounts;
    QTimer m_timer;
    QString m_address;
    QString m_errorText;
    QDateTime m_asOf;
    bool m_busy = false;
    bool m_loaded = false;
    bool m_active = false;
    quint64 m_generation = 0; // drops answers for an address the user already left
};

} // namespace ovpp::ui
