#include "InspectViewModel.h"

#include "ChainSession.h"
#include "HistoryViewModel.h"
#include "PortfolioViewModel.h"
#include "crypto/PublicKey.h"

namespace ovpp::ui {

InspectViewModel::InspectViewModel(ChainSession *chain, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
    , m_portfolio(new PortfolioViewModel(chain, this))
    , m_history(new HistoryViewModel(chain, this))
{
    connect(m_portfolio, &PortfolioViewModel::addressChanged, this,
            &InspectViewModel::addressChanged);
    connect(m_portfolio, &PortfolioViewModel::clusterChanged, this,
            &InspectViewModel::clusterChanged);
    connect(m_portfolio, &PortfolioViewModel::refreshed, this, [this] {
        if (m_portfolio->loaded() && m_chain)
            m_tokenAccounts.setAccounts(m_portfolio->tokenAccounts(), m_chain->cluster());
        else
            m_tokenAccounts.clear();
        emit balancesLoadedChanged();
    });
    connect(m_history, &HistoryViewModel::loaded, this, &InspectViewModel::historyLoadedChanged);
    connect(m_portfolio, &PortfolioViewModel::busyChanged, this, &InspectViewModel::busyChanged);
    connect(m_history, &HistoryViewModel::busyChanged, this, &InspectViewModel::busyChanged);
    connect(m_portfolio, &PortfolioViewModel::errorTextChanged, this,
            &InspectViewModel::errorTextChanged);
    connect(m_history, &HistoryViewModel::errorTextChanged, this,
            &InspectViewModel::errorTextChanged);
}

InspectViewModel::~InspectViewModel() = default;

QString InspectViewModel::address() const
{
    return m_portfolio->address();
}

QString InspectViewModel::clusterLabel() const
{
    return m_portfolio->clusterLabel();
}

QAbstractItemModel *InspectViewModel::balances()
{
    return m_portfolio->balances();
}

QAbstractItemModel *InspectViewModel::history()
{
    return m_history->rows();
}

QString InspectViewModel::solAmount() const
{
    return m_portfolio->solAmount();
}

bool InspectViewModel::balancesLoaded() const
{
    return m_portfolio->loaded();
}

bool InspectViewModel::historyLoaded() const
{
    return m_history->everLoaded();
}

bool InspectViewModel::canLoadMore() const
{
    return m_history->canLoadMore();
}

QString InspectViewModel::asOfText() const
{
    return m_portfolio->asOfText();
}

bool InspectViewModel::busy() const
{
    return m_portfolio->busy() || m_history->busy();
}

QString InspectViewModel::busyText() const
{
    if (!busy())
        return {};
    return tr("Reading %1 from %2…").arg(m_portfolio->address(), clusterLabel());
}

QString InspectViewModel::errorText() const
{
    // The input's own error first (nothing was read then), then the reads' (one at a time:
    // the same cause, usually the network, fails both).
    if (!m_inputError.isEmpty())
        return m_inputError;
    if (!m_portfolio->errorText().isEmpty())
        return m_portfolio->errorText();
    return m_history->errorText();
}

QString InspectViewModel::validate(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Type or paste a Solana address to inspect.");
    const auto key = core::PublicKey::fromBase58(trimmed);
    if (!key.ok())
        // The parser's detail says what is wrong (which character, or the length).
        return tr("“%1” is not a Solana address (32 bytes in base58): %2")
            .arg(trimmed.size() > 60 ? trimmed.left(60) + QStringLiteral("…") : trimmed,
                 key.error().detail.isEmpty() ? core::describe(key.error()) : key.error().detail);
    return {};
}

void InspectViewModel::inspect(const QString &text)
{
    const QString error = validate(text);
    if (!error.isEmpty()) {
        clear();
        setInputError(error);
        return;
    }
    setInputError({});
    if (!m_chain || !m_chain->rpc()) {
        setInputError(tr("No Solana network is configured."));
        return;
    }
    const QString address = text.trimmed();
    if (address == m_portfolio->address()) {
        // The same address again: read it afresh (setAddress would see no change).
        m_portfolio->refresh();
        m_history->refresh();
        return;
    }
    m_portfolio->setAddress(address);
    m_history->setAddress(address);
}

void InspectViewModel::loadMoreHistory()
{
    m_history->loadMore();
}

void InspectViewModel::clear()
{
    m_portfolio->setAddress({});
    m_history->setAddress({});
    setInputError({});
}

void InspectViewModel::setInputError(const QString &text)
{
    if (m_inputError == text)
        return;
    m_inputError = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
