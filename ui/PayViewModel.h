#pragma once

// Solana Pay: opens a `solana:` transfer-request link (pasted, or given to the app on the
// command line), shows what it asks — recipient, amount, token, label, message, memo,
// references — and pays it through the same review and progress as Send (its own SendFlow).
// The link comes from a stranger (a bill, a QR code): nothing in it is trusted beyond what the
// user reads on the review; the token's decimals come from the chain, never from the link.

#include "SendFlow.h"
#include "wallet/AccountInfo.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ovpp::ui {

class ChainSession;
class RecipientBook;
class WalletSession;
class WalletViewModel;

class PayViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.pay")

    Q_PROPERTY(ovpp::ui::SendFlow *flow READ flow CONSTANT)
    Q_PROPERTY(QString link READ link NOTIFY requestChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY requestChanged)
    Q_PROPERTY(bool hasRequest READ hasRequest NOTIFY requestChanged)
    Q_PROPERTY(QString recipient READ recipient NOTIFY requestChanged)
    Q_PROPERTY(QString tokenSymbol READ tokenSymbol NOTIFY requestChanged)
    Q_PROPERTY(bool needsAmount READ needsAmount NOTIFY requestChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY requestChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY requestChanged)
    Q_PROPERTY(QString label READ label NOTIFY requestChanged)
    Q_PROPERTY(QString message READ message NOTIFY requestChanged)
    Q_PROPERTY(QString memo READ memo NOTIFY requestChanged)
    Q_PROPERTY(QStringList references READ references NOTIFY requestChanged)
    Q_PROPERTY(QString fromText READ fromText NOTIFY requestChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY requestChanged)

public:
    // `chain` and `book` may be null. `book` is shared with the Send page (SendViewModel's).
    PayViewModel(WalletSession *session, WalletViewModel *wallet, ChainSession *chain,
                 RecipientBook *book, QObject *parent = nullptr);
    ~PayViewModel() override;

    SendFlow *flow() const { return m_flow; }
    QString link() const { return m_link; }
    QString errorText() const { return m_errorText; }
    bool hasRequest() const { return m_request.has_value(); }
    QString recipient() const;
    QString tokenSymbol() const;
    bool needsAmount() const { return m_request && !m_linkHasAmount; }
    QString amount() const;
    void setAmount(const QString &amount);
    QString amountError() const { return m_amountError; }
    QString label() const;
    QString message() const;
    QString memo() const;
    QStringList references() const;
    QString fromText() const;
    bool canReview() const;

    // Parses `link` (solana:…); errorText says what is wrong with it.
    Q_INVOKABLE bool open(const QString &link);
    // Prepares the payment: flow.step becomes Review.
    Q_INVOKABLE void review();
    Q_INVOKABLE void clear();

signals:
    void requestChanged();

private:
    const core::AccountInfo *currentAccount() const;

    QPointer<WalletSession> m_session;
    QPointer<WalletViewModel> m_wallet;
    QPointer<ChainSession> m_chain;
    SendFlow *m_flow;
    QString m_link;
    QString m_errorText;
    std::optional<core::TransferRequest> m_request;
    bool m_linkHasAmount = false;
    QString m_amountError;
};

} // namespace ovpp::ui
