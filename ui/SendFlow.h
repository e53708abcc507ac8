#pragma once

// The part of sending that Send and Pay share: from a filled-in request to a priced and
// simulated transaction (review), then signing through ChainSession, then live progress from
// the Sender until the send is final. The Send page fills a draft from its form, the Pay page
// from a solana: link; both show this object's review and progress (AppContext.send.flow,
// AppContext.pay.flow).
//
// Steps: Form (nothing prepared; busy while preparing) → Review (fee, simulation; canSend only
// when the simulation passed) → Progress (signed … finalized) → Done, or Failed (landed with an
// error, refused, or expired). "Send again" prepares afresh: nothing is ever re-signed without
// the user pressing Send on a new review.
//
// Threading: GUI thread. RPC calls are asynchronous; signing runs on the wallet worker inside
// ChainSession::submit. A generation counter drops answers that arrive after the user moved on.

#include "solana/pay/PaymentRequest.h"
#include "solana/send/PendingSend.h"
#include "solana/send/SendRequest.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <functional>
#include <optional>

namespace ovpp::core {
struct Cluster;
}

namespace ovpp::ui {

class ChainSession;
class RecipientBook;

// What to send, in the words of a transfer request (a send form is a request without
// references). Plain value.
struct SendDraft
{
    enum class Priority { None, Suggested, Fast };

    QString accountId; // the signing account in the vault
    core::PublicKey sender;
    QString tokenSymbol; // "SOL", "USDE", "USDC" or a shortened mint
    // recipient, amount (normalized decimal text), splToken (absent: SOL), references, memo,
    // label/message (shown only)
    core::TransferRequest transfer;
    QString recipientLabel; // a known name for the recipient, shown in the review
    Priority priority = Priority::Suggested;
};

class SendFlow : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the send and pay view models")

    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // Review
    Q_PROPERTY(QString summary READ summary NOTIFY reviewChanged)
    Q_PROPERTY(QString amountText READ amountText NOTIFY reviewChanged)
    Q_PROPERTY(QString recipient READ recipient NOTIFY reviewChanged)
    Q_PROPERTY(QString recipientLabel READ recipientLabel NOTIFY reviewChanged)
    Q_PROPERTY(QString memo READ memo NOTIFY reviewChanged)
    // A payment request's message and references (empty for a plain send)
    Q_PROPERTY(QString message READ message NOTIFY reviewChanged)
    Q_PROPERTY(QStringList references READ references NOTIFY reviewChanged)
    Q_PROPERTY(QString feeText READ feeText NOTIFY reviewChanged)
    Q_PROPERTY(QString priorityText READ priorityText NOTIFY reviewChanged)
    Q_PROPERTY(QString accountRentText READ accountRentText NOTIFY reviewChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY reviewChanged)
    Q_PROPERTY(bool simulationOk READ simulationOk NOTIFY reviewChanged)
    Q_PROPERTY(QString simulationText READ simulationText NOTIFY reviewChanged)
    Q_PROPERTY(QString simulationLogs READ simulationLogs NOTIFY reviewChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY reviewChanged)
    // Progress
    Q_PROPERTY(QString sendState READ sendState NOTIFY progressChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY progressChanged)
    Q_PROPERTY(int stage READ stage NOTIFY progressChanged)
    Q_PROPERTY(QString signature READ signature NOTIFY progressChanged)
    Q_PROPERTY(QUrl explorerUrl READ explorerUrl NOTIFY progressChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY progressChanged)

public:
    enum Step { Form, Review, Progress, Done, Failed };
    Q_ENUM(Step)

    // Micro-lamports per compute unit the "Fast" choice pays at least (2,000 lamports at the
    // 200,000 unit limit), or twice the suggestion when that is higher.
    static constexpr std::uint64_t FastFloorMicroLamports = 10'000;
    static constexpr std::uint64_t TokenAccountSize = 165;

    // `chain` and `book` may be null (then nothing can be sent / nothing is remembered).
    SendFlow(ChainSession *chain, RecipientBook *book, QObject *parent = nullptr);
    ~SendFlow() override;

    Step step() const { return m_step; }
    bool busy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    QString errorText() const { return m_errorText; }

    QString summary() const { return m_summary; }
    QString amountText() const { return m_amountText; }
    QString recipient() const { return m_draft.transfer.recipient.toBase58(); }
    QString recipientLabel() const { return m_draft.recipientLabel; }
    QString memo() const { return m_draft.transfer.memo.value_or(QString()); }
    QString message() const { return m_draft.transfer.message.value_or(QString()); }
    QStringList references() const;
    QString feeText() const { return m_feeText; }
    QString priorityText() const { return m_priorityText; }
    QString accountRentText() const { return m_accountRentText; }
    QString totalText() const { return m_totalText; }
    bool simulationOk() const { return m_simulationOk; }
    QString simulationText() const { return m_simulationText; }
    QString simulationLogs() const { return m_simulationLogs; }
    bool canSend() const { return m_step == Review && m_prepared.has_value() && !busy(); }

    QString sendState() const;
    QString stateText() const;
    int stage() const;
    QString signature() const { return m_pending ? m_pending->signature : QString(); }
    QUrl explorerUrl() const;
    QString resultText() const { return m_resultText; }

    // C++ side (the view models): builds, prices and simulates `draft`; Review when done (also
    // when the simulation fails: the review then says why and cannot be sent).
    void prepare(const SendDraft &draft);
    const SendDraft &draft() const { return m_draft; }
    const std::optional<core::PreparedSend> &prepared() const { return m_prepared; }
    const std::optional<core::PendingSend> &pending() const { return m_pending; }
    // The lamports the recipient's new token account costs (0 when it exists or for SOL).
    std::uint64_t accountRent() const { return m_accountRent; }

    // Signs and submits the reviewed transaction (once; the button is disabled meanwhile).
    Q_INVOKABLE void send();
    // Back from Review to the form (the prepared transaction is dropped, never signed).
    Q_INVOKABLE void edit();
    // After Done/Failed: prepare the same draft afresh (new blockhash, new review).
    Q_INVOKABLE void sendAgain();
    // Forget everything and show the form.
    Q_INVOKABLE void reset();

    // https://explorer.solana.com/tx/<signature> for `cluster` (custom clusters by URL).
    static QUrl explorerUrlFor(const QString &signature, const core::Cluster &cluster);
    // The most a priority fee can cost at `unitLimit` (PriorityFee's cap), in lamports.
    static std::uint64_t maxPriorityLamports(std::uint32_t unitLimit);
    // "0.000005 SOL"
    static QString solText(std::uint64_t lamports);

    // The balances the send form shows: lamports of `owner`, and with `mint` the sum of its
    // token accounts of that mint and the mint's decimals.
    struct Balances
    {
        std::optional<std::uint64_t> lamports;
        std::optional<std::uint64_t> tokenUnits;
        std::optional<std::uint8_t> tokenDecimals;
    };
    static void readBalances(ChainSession *chain, const core::PublicKey &owner,
                             const std::optional<core::PublicKey> &mint, QObject *context,
                             std::function<void(const Balances &)> done);

signals:
    void stepChanged();
    void busyChanged();
    void errorTextChanged();
    void reviewChanged();
    void progressChanged();
    // The money moved (Confirmed, or a later state seen first).
    void confirmed(const QString &recipient);

private:
    struct Token
    {
        std::uint8_t decimals = 9;
        core::PublicKey programId;
        bool createRecipientAccount = false;
    };

    void readMint(quint64 generation);
    void checkRecipientAccount(quint64 generation, Token token);
    void choosePriority(quint64 generation, std::optional<Token> token);
    void build(quint64 generation, std::optional<Token> token,
               std::optional<std::uint64_t> computeUnitPrice);
    void onPrepared(quint64 generation, std::optional<Token> token,
                    core::Result<core::PreparedSend> result);
    void onStateChanged(const core::PendingSend &send);
    void setStep(Step step);
    void setBusyText(const QString &text);
    void setErrorText(const QString &text);
    void fail(quint64 generation, const QString &text);
    void clearReview();
    void disconnectSender();

    QPointer<ChainSession> m_chain;
    RecipientBook *m_book;
    quint64 m_generation = 0;
    Step m_step = Form;
    QString m_busyText;
    QString m_errorText;
    SendDraft m_draft;
    bool m_hasDraft = false;
    std::uint64_t m_baseUnits = 0;
    std::uint64_t m_accountRent = 0;
    std::optional<core::PreparedSend> m_prepared;
    QString m_summary, m_amountText, m_feeText, m_priorityText, m_accountRentText, m_totalText;
    bool m_simulationOk = false;
    QString m_simulationText, m_simulationLogs;
    std::optional<core::PendingSend> m_pending;
    bool m_confirmedEmitted = false;
    QString m_resultText;
    QMetaObject::Connection m_stateConnection;
    QMetaObject::Connection m_finishedConnection;
};

} // namespace ovpp::ui
