#include "PayViewModel.h"

#include "ChainSession.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/pay/SolanaPayUrl.h"
#include "solana/rpc/ClusterConfig.h"

namespace ovpp::ui {

PayViewModel::PayViewModel(WalletSession *session, WalletViewModel *wallet, ChainSession *chain,
                           RecipientBook *book, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_wallet(wallet)
    , m_chain(chain)
    , m_flow(new SendFlow(chain, book, this))
{
    connect(m_flow, &SendFlow::stepChanged, this, &PayViewModel::requestChanged);
    connect(m_flow, &SendFlow::busyChanged, this, &PayViewModel::requestChanged);
    if (m_wallet)
        connect(m_wallet, &WalletViewModel::currentIndexChanged, this,
                &PayViewModel::requestChanged);
    if (m_session)
        connect(m_session, &WalletSession::stateChanged, this, [this] {
            if (m_session->state() != WalletSession::State::Unlocked)
                m_flow->reset();
            emit requestChanged();
        });
}

PayViewModel::~PayViewModel() = default;

bool PayViewModel::open(const QString &link)
{
    m_flow->reset();
    m_link = link.trimmed();
    m_request.reset();
    m_amountError.clear();
    auto parsed = core::SolanaPayUrl::parseTransfer(m_link);
    if (!parsed) {
        if (parsed.error().code == core::ErrorCode::Unavailable)
            m_errorText = tr("This link asks the wallet to fetch a transaction from a website; "
                             "OpenVPP World cannot pay those yet.");
        else
            m_errorText
                = tr("This is not a valid Solana Pay link (%1).").arg(parsed.error().detail);
        emit requestChanged();
        return false;
    }
    m_errorText.clear();
    m_request = parsed.value();
    m_linkHasAmount = m_request->amount.has_value();
    emit requestChanged();
    return true;
}

QString PayViewModel::recipient() const
{
    return m_request ? m_request->recipient.toBase58() : QString();
}

QString PayViewModel::tokenSymbol() const
{
    if (!m_request)
        return {};
    if (!m_request->splToken)
        return QStringLiteral("SOL");
    if (m_chain) {
        if (m_chain->cluster().usdeMint == m_request->splToken)
            return QStringLiteral("USDE");
        if (m_chain->cluster().usdcMint == m_request->splToken)
            return QStringLiteral("USDC");
    }
    const QString mint = m_request->splToken->toBase58();
    return tr("token %1…%2").arg(mint.left(4), mint.right(4));
}

QString PayViewModel::amount() const
{
    return m_request ? m_request->amount.value_or(QString()) : QString();
}

void PayViewModel::setAmount(const QString &amount)
{
    // Only a link without an amount lets the user choose one.
    if (!m_request || m_linkHasAmount)
        return;
    const QString trimmed = amount.trimmed();
    m_amountError.clear();
    if (trimmed.isEmpty()) {
        m_request->amount.reset();
    } else if (auto normalized = core::PaymentAmount::normalized(trimmed)) {
        m_request->amount = normalized.value();
    } else {
        m_request->amount.reset();
        m_amountError = tr("Enter an amount like 12.5 (digits, and a dot for decimals).");
    }
    emit requestChanged();
}

QString PayViewModel::label() const
{
    return m_request ? m_request->label.value_or(QString()) : QString();
}

QString PayViewModel::message() const
{
    return m_request ? m_request->message.value_or(QString()) : QString();
}

QString PayViewModel::memo() const
{
    return m_request ? m_request->memo.value_or(QString()) : QString();
}

QStringList PayViewModel::references() const
{
    QStringList list;
    if (m_request) {
        for (const core::PublicKey &reference : m_request->references)
            list.append(reference.toBase58());
    }
    return list;
}

const core::AccountInfo *PayViewModel::currentAccount() const
{
    if (!m_session || !m_wallet || m_session->state() != WalletSession::State::Unlocked)
        return nullptr;
    return m_wallet->currentAccount();
}

QString PayViewModel::fromText() const
{
    const core::AccountInfo *account = currentAccount();
    if (!account)
        return {};
    const QString address = account->address.toBase58();
    return QStringLiteral("%1 (%2…%3)").arg(account->label, address.left(4), address.right(4));
}

bool PayViewModel::canReview() const
{
    const core::AccountInfo *account = currentAccount();
    return m_request && m_request->amount && account && account->hasSecret() && m_chain
        && !m_flow->busy() && m_flow->step() == SendFlow::Form;
}

void PayViewModel::review()
{
    if (!canReview())
        return;
    const core::AccountInfo *account = currentAccount();
    SendDraft draft;
    draft.accountId = account->id;
    draft.sender = account->address;
    draft.tokenSymbol = tokenSymbol();
    draft.transfer = *m_request;
    draft.recipientLabel = m_request->label.value_or(QString());
    draft.priority = SendDraft::Priority::Suggested;
    m_flow->prepare(draft);
}

void PayViewModel::clear()
{
    m_flow->reset();
    m_link.clear();
    m_errorText.clear();
    m_request.reset();
    m_amountError.clear();
    emit requestChanged();
}

} // namespace ovpp::ui
