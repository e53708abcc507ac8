#include "SendViewModel.h"

#include "ChainSession.h"
#include "RecipientBook.h"
#include "WalletSession.h"
#include "WalletViewModel.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/rpc/ClusterConfig.h"

namespace ovpp::ui {

namespace {

constexpr int TokenSol = 0;
constexpr int TokenUsde = 1;
constexpr int TokenUsdc = 2;
// USDE and USDC both have 6 decimals; the chain's value replaces this once it is read.
constexpr std::uint8_t StablecoinDecimals = 6;
constexpr std::uint64_t SignatureFee = 5000; // lamports per signature
constexpr std::uint32_t DefaultUnitLimit = 200'000;
// The rent-exempt minimum of an account without data ((128 + 0) bytes × 3480 lamports × 2
// years), what a system account must keep unless it is emptied completely.
constexpr std::uint64_t RentExemptEmptyAccount = 890'880;

QString shortAddress(const QString &address)
{
    return address.size() > 12 ? address.left(4) + QStringLiteral("…") + address.right(4) : address;
}

} // namespace

SendViewModel::SendViewModel(WalletSession *session, WalletViewModel *wallet, ChainSession *chain,
                             const QString &recipientsDirectory, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_wallet(wallet)
    , m_chain(chain)
    , m_book(std::make_unique<RecipientBook>(recipientsDirectory))
    , m_flow(new SendFlow(chain, m_book.get(), this))
{
    if (m_session) {
        m_book->setVault(m_session->vaultId());
        connect(m_session, &WalletSession::vaultIdChanged, this, [this] {
            m_book->setVault(m_session->vaultId());
            validate();
        });
        connect(m_session, &WalletSession::accountsChanged, this, &SendViewModel::validate);
        connect(m_session, &WalletSession::stateChanged, this, [this] {
            if (m_session->state() != WalletSession::State::Unlocked)
                clear();
        });
    }
    if (m_wallet)
        connect(m_wallet, &WalletViewModel::currentIndexChanged, this, [this] {
            m_lamports.reset();
            m_tokenUnits.reset();
            validate();
        });
    if (m_chain)
        connect(m_chain, &ChainSession::clusterChanged, this, [this] {
            m_lamports.reset();
            m_tokenUnits.reset();
            m_tokenDecimals.reset();
            m_flow->reset();
            validate();
        });
    connect(m_flow, &SendFlow::stepChanged, this, &SendViewModel::formChanged);
    connect(m_flow, &SendFlow::busyChanged, this, &SendViewModel::formChanged);
    connect(m_flow, &SendFlow::confirmed, this, [this] {
        validate(); // the recipient is known now
        refresh();
    });
}

SendViewModel::~SendViewModel() = default;

QStringList SendViewModel::tokens() const
{
    return {QStringLiteral("SOL"), QStringLiteral("USDE"), QStringLiteral("USDC")};
}

void SendViewModel::setTokenIndex(int index)
{
    if (index < TokenSol || index > TokenUsdc || index == m_tokenIndex)
        return;
    m_tokenIndex = index;
    m_tokenUnits.reset();
    m_tokenDecimals.reset();
    validate();
    refresh();
}

void SendViewModel::setRecipient(const QString &recipient)
{
    const QString trimmed = recipient.trimmed();
    if (trimmed == m_recipient)
        return;
    m_recipient = trimmed;
    validate();
}

void SendViewModel::setAmount(const QString &amount)
{
    const QString trimmed = amount.trimmed();
    if (trimmed == m_amount)
        return;
    m_amount = trimmed;
    validate();
}

void SendViewModel::setMemo(const QString &memo)
{
    if (memo == m_memo)
        return;
    m_memo = memo;
    validate();
}

void SendViewModel::setPriority(int priority)
{
    if (priority < PriorityNone || priority > PriorityFast || priority == m_priority)
        return;
    m_priority = priority;
    validate();
}

std::optional<core::PublicKey> SendViewModel::mintOf(int tokenIndex) const
{
    if (!m_chain || tokenIndex == TokenSol)
        return std::nullopt;
    return tokenIndex == TokenUsde ? m_chain->cluster().usdeMint : m_chain->cluster().usdcMint;
}

std::uint8_t SendViewModel::decimalsOf(int tokenIndex) const
{
    if (tokenIndex == TokenSol)
        return core::PaymentAmount::SolDecimals;
    return m_tokenDecimals.value_or(StablecoinDecimals);
}

const core::AccountInfo *SendViewModel::currentAccount() const
{
    if (!m_session || !m_wallet || m_session->state() != WalletSession::State::Unlocked)
        return nullptr;
    return m_wallet->currentAccount();
}

QString SendViewModel::labelOf(const QString &address) const
{
    if (m_session) {
        for (const core::AccountInfo &account : m_session->accounts()) {
            if (account.address.toBase58() == address)
                return account.label;
        }
    }
    if (auto entry = m_book->find(address))
        return entry->label;
    return {};
}

QStringList SendViewModel::knownRecipients() const
{
    QStringList known;
    if (m_session) {
        for (const core::AccountInfo &account : m_session->accounts())
            known.append(account.address.toBase58());
    }
    for (const RecipientBook::Entry &entry : m_book->entries()) {
        if (!known.contains(entry.address))
            known.append(entry.address);
    }
    return known;
}

QString SendViewModel::tokenError() const
{
    if (m_tokenIndex != TokenSol && !mintOf(m_tokenIndex))
        return tr("%1 is not available on this network.").arg(tokens().at(m_tokenIndex));
    return {};
}

QString SendViewModel::memoError() const
{
    if (m_memo.toUtf8().size() > MaxMemoBytes)
        return tr("The memo is too long (at most %1 bytes).").arg(MaxMemoBytes);
    return {};
}

QString SendViewModel::balanceText() const
{
    if (m_tokenIndex == TokenSol) {
        if (!m_lamports)
            return {};
        return tr("Available: %1").arg(SendFlow::solText(*m_lamports));
    }
    if (!m_tokenUnits)
        return {};
    return tr("Available: %1 %2")
        .arg(core::PaymentAmount::fromBaseUnits(*m_tokenUnits, decimalsOf(m_tokenIndex)),
             tokens().at(m_tokenIndex));
}

QString SendViewModel::fromText() const
{
    const core::AccountInfo *account = currentAccount();
    if (!account)
        return {};
    return QStringLiteral("%1 (%2)").arg(account->label, shortAddress(account->address.toBase58()));
}

bool SendViewModel::canReview() const
{
    const core::AccountInfo *account = currentAccount();
    return account && account->hasSecret() && m_chain && !m_recipient.isEmpty()
        && m_recipientError.isEmpty() && !m_amount.isEmpty() && m_amountError.isEmpty()
        && memoError().isEmpty() && tokenError().isEmpty() && !m_flow->busy()
        && m_flow->step() == SendFlow::Form;
}

void SendViewModel::validate()
{
    validateRecipient();
    validateAmount();
    emit formChanged();
}

void SendViewModel::validateRecipient()
{
    m_recipientError.clear();
    m_recipientWarning.clear();
    m_recipientWarningStrong = false;
    m_recipientNote.clear();
    if (m_recipient.isEmpty())
        return;
    auto key = core::PublicKey::fromBase58(m_recipient);
    if (!key) {
        m_recipientError = tr("This is not a Solana address: it must be 32 bytes in base58 "
                              "(32 to 44 letters and digits, without 0, O, I and l).");
        return;
    }
    const QString address = key->toBase58();
    const core::AccountInfo *account = currentAccount();
    if (account && account->address.toBase58() == address) {
        m_recipientWarning = tr("This is the account you are sending from.");
        return;
    }
    const QString label = labelOf(address);
    const bool ownAccount = m_session
        && std::any_of(m_session->accounts().cbegin(), m_session->accounts().cend(),
                       [&address](const core::AccountInfo &info) {
                           return info.address.toBase58() == address;
                       });
    if (ownAccount || m_book->contains(address)) {
        m_recipientNote = ownAccount ? tr("Your account “%1”.").arg(label)
            : label.isEmpty()        ? tr("You have sent to this address before.")
                              : tr("“%1”: you have sent to this address before.").arg(label);
        return;
    }
    if (auto similar = RecipientBook::lookAlike(address, knownRecipients())) {
        const QString knownLabel = labelOf(*similar);
        m_recipientWarningStrong = true;
        m_recipientWarning
            = tr("Careful: this address looks like %1%2 but is a DIFFERENT address. Scammers "
                 "make look-alike addresses; compare every character before you send.")
                  .arg(*similar,
                       knownLabel.isEmpty() ? QString()
                                            : QStringLiteral(" (“%1”)").arg(knownLabel));
        return;
    }
    m_recipientWarning = tr("You have never sent to this address. Check it with the recipient.");
}

void SendViewModel::validateAmount()
{
    m_amountError.clear();
    if (m_amount.isEmpty())
        return;
    if (!core::PaymentAmount::isWellFormed(m_amount)) {
        m_amountError = tr("Enter an amount like 12.5 (digits, and a dot for decimals).");
        return;
    }
    const std::uint8_t decimals = decimalsOf(m_tokenIndex);
    auto units = core::PaymentAmount::toBaseUnits(m_amount, decimals);
    if (!units) {
        m_amountError = tr("%1 has at most %n decimal(s); this amount has more.", "", decimals)
                            .arg(tokens().at(m_tokenIndex));
        return;
    }
    if (units.value() == 0) {
        m_amountError = tr("Enter an amount above zero.");
        return;
    }
    const std::optional<std::uint64_t> available
        = m_tokenIndex == TokenSol ? m_lamports : m_tokenUnits;
    if (available && units.value() > *available)
        m_amountError = tr("More than the available balance.");
}

void SendViewModel::refresh()
{
    const core::AccountInfo *account = currentAccount();
    if (!account || !m_chain || !m_chain->rpc())
        return;
    const quint64 generation = ++m_balanceGeneration;
    SendFlow::readBalances(m_chain, account->address, mintOf(m_tokenIndex), this,
                           [this, generation](const SendFlow::Balances &balances) {
                               if (generation != m_balanceGeneration)
                                   return;
                               m_lamports = balances.lamports;
                               m_tokenUnits = balances.tokenUnits;
                               if (balances.tokenDecimals)
                                   m_tokenDecimals = balances.tokenDecimals;
                               validate();
                           });
}

void SendViewModel::useMax()
{
    if (m_tokenIndex != TokenSol) {
        if (m_tokenUnits)
            setAmount(core::PaymentAmount::fromBaseUnits(*m_tokenUnits, decimalsOf(m_tokenIndex)));
        return;
    }
    if (!m_lamports)
        return;
    // Keep the network fee. With a priority fee its exact size is only known at review, so
    // keep the most it can be, and enough to leave the account rent-exempt (an account may
    // be emptied completely, but not left with a few lamports).
    std::uint64_t reserve = SignatureFee;
    if (m_priority != PriorityNone)
        reserve += SendFlow::maxPriorityLamports(DefaultUnitLimit) + RentExemptEmptyAccount;
    setAmount(*m_lamports > reserve ? core::PaymentAmount::fromBaseUnits(
                  *m_lamports - reserve, core::PaymentAmount::SolDecimals)
                                    : QStringLiteral("0"));
}

void SendViewModel::review()
{
    validate();
    if (!canReview())
        return;
    const core::AccountInfo *account = currentAccount();
    SendDraft draft;
    draft.accountId = account->id;
    draft.sender = account->address;
    draft.tokenSymbol = tokens().at(m_tokenIndex);
    draft.transfer.recipient = core::PublicKey::fromBase58(m_recipient).value();
    draft.transfer.amount = core::PaymentAmount::normalized(m_amount).value();
    draft.transfer.splToken = mintOf(m_tokenIndex);
    if (!m_memo.trimmed().isEmpty())
        draft.transfer.memo = m_memo;
    draft.recipientLabel = labelOf(draft.transfer.recipient.toBase58());
    draft.priority = m_priority == PriorityNone ? SendDraft::Priority::None
        : m_priority == PriorityFast            ? SendDraft::Priority::Fast
                                                : SendDraft::Priority::Suggested;
    m_flow->prepare(draft);
}

void SendViewModel::clear()
{
    m_flow->reset();
    m_recipient.clear();
    m_amount.clear();
    m_memo.clear();
    validate();
}

} // namespace ovpp::ui
