#include "PortfolioViewModel.h"

#include "ChainSession.h"
#include "solana/ProgramIds.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/rpc/RpcClient.h"
#include "solana/send/Sender.h"

#include <QLocale>
#include <QMap>

#include <memory>

namespace ovpp::ui {

namespace {

// One refresh's answers, gathered as they come (three requests in flight at once).
struct Gathered
{
    int pending = 3;
    std::optional<std::uint64_t> lamports;
    QList<core::TokenAccount> tokenAccounts;
    QString error;
};

QString shortMint(const QString &mint)
{
    return mint.size() > 10 ? mint.left(4) + QStringLiteral("…") + mint.right(4) : mint;
}

} // namespace

PortfolioViewModel::PortfolioViewModel(ChainSession *chain, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
{
    m_timer.setInterval(AutoRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &PortfolioViewModel::refresh);
    if (m_chain) {
        connect(m_chain, &ChainSession::clusterChanged, this, [this] {
            connectSender();
            emit clusterChanged();
            clear();
            refresh();
        });
        connectSender();
    }
}

void PortfolioViewModel::connectSender()
{
    // A finished send changed the balances; the Sender is rebuilt when the cluster changes.
    if (m_chain && m_chain->sender())
        connect(m_chain->sender(), &core::Sender::finished, this, &PortfolioViewModel::refresh,
                Qt::UniqueConnection);
}

QString PortfolioViewModel::clusterLabel() const
{
    return m_chain ? m_chain->clusterLabel() : QString();
}

QString PortfolioViewModel::busyText() const
{
    return m_busy ? tr("Reading balances from %1…").arg(clusterLabel()) : QString();
}

QString PortfolioViewModel::asOfText() const
{
    if (!m_asOf.isValid())
        return {};
    return tr("As of %1")
        .arg(QLocale().toString(m_asOf.toLocalTime().time(), QLocale::ShortFormat));
}

QString PortfolioViewModel::solAmount() const
{
    for (const auto &row : m_model.rows())
        if (row.mint.isEmpty())
            return core::PaymentAmount::fromBaseUnits(row.baseUnits,
                                                      core::PaymentAmount::SolDecimals);
    return {};
}

void PortfolioViewModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_active) {
        m_timer.start();
        refresh();
    } else {
        m_timer.stop();
    }
    emit activeChanged();
}

void PortfolioViewModel::setAddress(const QString &address)
{
    if (m_address == address)
        return;
    m_address = address;
    emit addressChanged();
    clear();
    if (!m_address.isEmpty())
        refresh();
}

void PortfolioViewModel::clear()
{
    ++m_generation;
    m_model.setRows({});
    m_tokenAccounts.clear();
    m_loaded = false;
    m_asOf = {};
    setBusy(false);
    setErrorText({});
    emit refreshed();
}

void PortfolioViewModel::refresh()
{
    if (m_address.isEmpty())
        return;
    if (!m_chain || !m_chain->rpc()) {
        setErrorText(tr("No Solana network is configured."));
        return;
    }
    auto owner = core::PublicKey::fromBase58(m_address);
    if (!owner.ok()) {
        setErrorText(tr("%1 is not a Solana address.").arg(m_address));
        return;
    }
    const quint64 generation = ++m_generation;
    setBusy(true);
    auto gathered = std::make_shared<Gathered>();
    core::RpcClient *rpc = m_chain->rpc();

    auto settle = [this, generation, gathered] {
        if (--gathered->pending > 0 || generation != m_generation)
            return;
        setBusy(false);
        if (!gathered->error.isEmpty()) {
            setErrorText(tr("Could not read balances from %1 (%2): %3")
                             .arg(clusterLabel(),
                                  m_chain ? m_chain->cluster().rpcUrl.toString() : QString(),
                                  gathered->error));
            return;
        }
        setErrorText({});
        const core::Cluster &cluster = m_chain->cluster();
        QList<PortfolioBalancesModel::Row> rows;
        PortfolioBalancesModel::Row sol;
        sol.symbol = QStringLiteral("SOL");
        sol.name = tr("Solana");
        sol.baseUnits = gathered->lamports.value_or(0);
        sol.decimals = core::PaymentAmount::SolDecimals;
        rows.append(sol);
        // One row per mint, summed over its token accounts; USDE and USDC first, even at zero,
        // because those are what the app pays with.
        QMap<QString, PortfolioBalancesModel::Row> byMint;
        auto known = [&](const std::optional<core::PublicKey> &mint, const QString &symbol,
                         const QString &name, int decimals) {
            if (!mint)
                return;
            PortfolioBalancesModel::Row row;
            row.symbol = symbol;
            row.name = name;
            row.mint = mint->toBase58();
            row.decimals = decimals;
            byMint.insert(row.mint, row);
        };
        known(cluster.usdeMint, QStringLiteral("USDE"), tr("Energy dollar"), 6);
        known(cluster.usdcMint, QStringLiteral("USDC"), tr("USD Coin"), 6);
        QStringList order;
        if (cluster.usdeMint)
            order.append(cluster.usdeMint->toBase58());
        if (cluster.usdcMint)
            order.append(cluster.usdcMint->toBase58());
        for (const core::TokenAccount &account : gathered->tokenAccounts) {
            const QString mint = account.mint.toBase58();
            auto it = byMint.find(mint);
            if (it == byMint.end()) {
                PortfolioBalancesModel::Row row;
                row.symbol = shortMint(mint);
                row.name = tr("Token %1").arg(mint);
                row.mint = mint;
                it = byMint.insert(mint, row);
                order.append(mint);
            }
            // The chain's decimals are the truth (a known mint's default is only a placeholder
            // until an account of it is seen).
            it->decimals = account.decimals;
            it->baseUnits += account.amount;
            ++it->tokenAccounts;
        }
        for (const QString &mint : order)
            rows.append(byMint.value(mint));
        m_model.setRows(rows);
        m_tokenAccounts = gathered->tokenAccounts;
        m_loaded = true;
        m_asOf = QDateTime::currentDateTimeUtc();
        emit refreshed();
    };

    auto fail = [gathered](const core::Error &error) {
        if (gathered->error.isEmpty())
            gathered->error = error.detail.isEmpty() ? core::describe(error) : error.detail;
    };
    rpc->getBalance(owner.value())
        .then(this, [gathered, settle, fail](core::Result<std::uint64_t> r) {
            if (r.ok())
                gathered->lamports = r.value();
            else
                fail(r.error());
            settle();
        });
    for (const core::PublicKey &program :
         {core::programs::tokenProgram(), core::programs::token2022Program()}) {
        core::TokenAccountFilter filter;
        filter.programId = program;
        rpc->getTokenAccountsByOwner(owner.value(), filter)
            .then(this, [gathered, settle, fail](core::Result<QList<core::TokenAccount>> r) {
                if (r.ok())
                    gathered->tokenAccounts.append(r.value());
                else
                    fail(r.error());
                settle();
            });
    }
}

void PortfolioViewModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void PortfolioViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
