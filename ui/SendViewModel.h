#pragma once

// The Send page: a form (token, amount, recipient, memo, priority) checked as the user types,
// then the shared SendFlow (review with fee and simulation, signing, live progress). The
// sending account is the wallet's current account (AppContext.wallet.currentIndex).
//
// Recipient checks: a 32-byte base58 key; the wallet's own current account (warning); a
// first-time recipient (warning); an address that looks like a known one — the vault's
// accounts and everyone it has sent to (RecipientBook) — but is not (strong warning naming the
// known one). Amounts are exact decimals (PaymentAmount): more decimals than the token has
// are refused, never rounded.

#include "SendFlow.h"
#include "wallet/AccountInfo.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <memory>
#include <optional>

namespace ovpp::ui {

class ChainSession;
class RecipientBook;
class WalletSession;
class WalletViewModel;

class SendViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.send")

    Q_PROPERTY(ovpp::ui::SendFlow *flow READ flow CONSTANT)
    Q_PROPERTY(QStringList tokens READ tokens CONSTANT)
    Q_PROPERTY(int tokenIndex READ tokenIndex WRITE setTokenIndex NOTIFY formChanged)
    Q_PROPERTY(QString recipient READ recipient WRITE setRecipient NOTIFY formChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY formChanged)
    Q_PROPERTY(QString memo READ memo WRITE setMemo NOTIFY formChanged)
    Q_PROPERTY(int priority READ priority WRITE setPriority NOTIFY formChanged)
    Q_PROPERTY(QString recipientError READ recipientError NOTIFY formChanged)
    Q_PROPERTY(QString recipientWarning READ recipientWarning NOTIFY formChanged)
    Q_PROPERTY(bool recipientWarningStrong READ recipientWarningStrong NOTIFY formChanged)
    Q_PROPERTY(QString recipientNote READ recipientNote NOTIFY formChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY formChanged)
    Q_PROPERTY(QString memoError READ memoError NOTIFY formChanged)
    Q_PROPERTY(QString tokenError READ tokenError NOTIFY formChanged)
    Q_PROPERTY(QString balanceText READ balanceText NOTIFY formChanged)
    Q_PROPERTY(QString fromText READ fromText NOTIFY formChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY formChanged)
    Q_PROPERTY(QStringList knownRecipients READ knownRecipients NOTIFY formChanged)

public:
    enum Priority { PriorityNone, PrioritySuggested, PriorityFast };
    Q_ENUM(Priority)

    static constexpr int MaxMemoBytes = 256;

    // `chain` may be null (nothing can be sent). `recipientsDirectory` empty: the data dir.
    SendViewModel(WalletSession *session, WalletViewModel *wallet, ChainSession *chain,
                  const QString &recipientsDirectory = {}, QObject *parent = nullptr);
    ~SendViewModel() override;

    SendFlow *flow() const { return m_flow; }
    RecipientBook *recipientBook() const { return m_book.get(); }
    QStringList tokens() const;
    int tokenIndex() const { return m_tokenIndex; }
    void setTokenIndex(int index);
    QString recipient() const { return m_recipient; }
    void setRecipient(const QString &recipient);
    QString amount() const { return m_amount; }
    void setAmount(const QString &amount);
    QString memo() const { return m_memo; }
    void setMemo(const QString &memo);
    int priority() const { return m_priority; }
    void setPriority(int priority);

    QString recipientError() const { return m_recipientError; }
    QString recipientWarning() const { return m_recipientWarning; }
    bool recipientWarningStrong() const { return m_recipientWarningStrong; }
    QString recipientNote() const { return m_recipientNote; }
    QString amountError() const { return m_amountError; }
    QString memoError() const;
    QString tokenError() const;
    QString balanceText() const;
    QString fromText() const;
    bool canReview() const;
    QStringList knownRecipients() const;

    // Reads the current account's balances (SOL, and the chosen token) from the network.
    Q_INVOKABLE void refresh();
    // All of the token; for SOL all but the network fee.
    Q_INVOKABLE void useMax();
    // Prepares the send and shows the review (flow.step becomes Review).
    Q_INVOKABLE void review();
    // Empties the form and the flow.
    Q_INVOKABLE void clear();

signals:
    void formChanged();

private:
    void validate();
    void validateRecipient();
    void validateAmount();
    std::optional<core::PublicKey> mintOf(int tokenIndex) const;
    std::uint8_t decimalsOf(int tokenIndex) const;
    const core::AccountInfo *currentAccount() const;
    QString labelOf(const QString &address) const;

    QPointer<WalletSession> m_session;
    QPointer<WalletViewModel> m_wallet;
    QPointer<ChainSession> m_chain;
    std::unique_ptr<RecipientBook> m_book;
    SendFlow *m_flow;
    int m_tokenIndex = 0;
    QString m_recipient;
    QString m_amount;
    QString m_memo;
    int m_priority = PrioritySuggested;
    QString m_recipientError;
    QString m_recipientWarning;
    bool m_recipientWarningStrong = false;
    QString m_recipientNote;
    QString m_amountError;
    quint64 m_balanceGeneration = 0;
    std::optional<std::uint64_t> m_lamports;
    std::optional<std::uint64_t> m_tokenUnits; // of the chosen token
    std::optional<std::uint8_t> m_tokenDecimals; // from the chain, once known
};

} // namespace ovpp::ui
