#include "HistoryViewModel.h"

#include "ChainSession.h"
#include "solana/TransactionDecoder.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/rpc/RpcClient.h"
#include "solana/send/Sender.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

#include <memory>

namespace ovpp::ui {

namespace {

QString shortAddress(const QString &address)
{
    return address.size() > 10 ? address.left(4) + QStringLiteral("…") + address.right(4) : address;
}

QString explorerUrl(const QString &signature, const core::Cluster &cluster)
{
    QUrl url(QStringLiteral("https://explorer.solana.com/tx/") + signature);
    QUrlQuery query;
    if (cluster.name == QLatin1String("devnet") || cluster.name == QLatin1String("testnet")) {
        query.addQueryItem(QStringLiteral("cluster"), cluster.name);
    } else if (cluster.name != QLatin1String("mainnet-beta")) {
        // The explorer reads a local node straight from the browser.
        query.addQueryItem(QStringLiteral("cluster"), QStringLiteral("custom"));
        query.addQueryItem(QStringLiteral("customUrl"),
                           QString::fromLatin1(QUrl::toPercentEncoding(cluster.rpcUrl.toString())));
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString tokenSymbol(const QString &mint, const core::Cluster &cluster)
{
    if (cluster.usdeMint && cluster.usdeMint->toBase58() == mint)
        return QStringLiteral("USDE");
    if (cluster.usdcMint && cluster.usdcMint->toBase58() == mint)
        return QStringLiteral("USDC");
    return shortAddress(mint);
}

// What happened, in words, from our address's point of view.
HistoryModel::Row describe(const core::SignatureInfo &info, const core::FetchedTransaction *tx,
                           const QString &address, const core::Cluster &cluster)
{
    HistoryModel::Row row;
    row.signature = info.signature;
    row.explorerUrl = explorerUrl(info.signature, cluster);
    row.failed = info.err.has_value();
    if (row.failed) {
        row.status = QObject::tr("Failed: %1").arg(*info.err);
    } else {
        QString status = info.confirmationStatus;
        if (!status.isEmpty())
            status[0] = status[0].toUpper();
        row.status = status;
    }
    if (info.blockTime)
        row.time = QLocale().toString(QDateTime::fromSecsSinceEpoch(*info.blockTime).toLocalTime(),
                                      QLocale::ShortFormat);
    if (!tx) {
        row.title = QObject::tr("Transaction %1").arg(shortAddress(info.signature));
        return row;
    }
    row.fee = core::PaymentAmount::fromBaseUnits(tx->fee, core::PaymentAmount::SolDecimals)
        + QStringLiteral(" SOL");

    const QStringList keys = [&] {
        QStringList list;
        auto resolved = tx->transaction.message().accountKeys(tx->loadedAddresses);
        if (resolved.ok())
            for (const core::PublicKey &key : resolved.value())
                list.append(key.toBase58());
        return list;
    }();
    // Token account → owner and decimals, from the balances the node reported.
    auto ownerOf = [&](const QString &tokenAccount) -> QString {
        const int index = static_cast<int>(keys.indexOf(tokenAccount));
        for (const auto &list : {tx->postTokenBalances, tx->preTokenBalances})
            for (const core::TokenBalance &balance : list)
                if (balance.accountIndex == index && balance.owner)
                    return balance.owner->toBase58();
        return tokenAccount;
    };
    auto decimalsOf = [&](const QString &tokenAccount) -> std::optional<std::uint8_t> {
        const int index = static_cast<int>(keys.indexOf(tokenAccount));
        for (const auto &list : {tx->postTokenBalances, tx->preTokenBalances})
            for (const core::TokenBalance &balance : list)
                if (balance.accountIndex == index)
                    return balance.decimals;
        return std::nullopt;
    };

    QStringList lines;
    QStringList memos;
    const QJsonArray instructions = core::TransactionDecoder::decodeInstructions(
        tx->transaction.message(), tx->loadedAddresses);
    for (const QJsonValue &value : instructions) {
        const QJsonObject instruction = value.toObject();
        const QString program = instruction.value(QLatin1String("program")).toString();
        if (program == QLatin1String("compute-budget")
            || program == QLatin1String("spl-associated-token-account"))
            continue; // plumbing, not what the user did
        if (program == QLatin1String("spl-memo")) {
            // After the transfer it annotates, wherever it sits in the transaction.
            memos.append(
                QObject::tr("Memo: %1").arg(instruction.value(QLatin1String("parsed")).toString()));
            continue;
        }
        const QJsonObject parsed = instruction.value(QLatin1String("parsed")).toObject();
        const QString type = parsed.value(QLatin1String("type")).toString();
        const QJsonObject info = parsed.value(QLatin1String("info")).toObject();
        if (program == QLatin1String("system") && type == QLatin1String("transfer")) {
            const QString source = info.value(QLatin1String("source")).toString();
            const QString destination = info.value(QLatin1String("destination")).toString();
            const auto lamports
                = core::TransactionDecoder::toU64(info.value(QLatin1String("lamports")));
            const QString amount = core::PaymentAmount::fromBaseUnits(
                lamports.value_or(0), core::PaymentAmount::SolDecimals);
            if (source == address) {
                lines.append(
                    QObject::tr("Sent %1 SOL to %2").arg(amount, shortAddress(destination)));
                row.counterparty = row.counterparty.isEmpty() ? destination : row.counterparty;
            } else {
                lines.append(
                    QObject::tr("Received %1 SOL from %2").arg(amount, shortAddress(source)));
                row.counterparty = row.counterparty.isEmpty() ? source : row.counterparty;
            }
            continue;
        }
        if ((program == QLatin1String("spl-token") || program == QLatin1String("spl-token-2022"))
            && (type == QLatin1String("transfer") || type == QLatin1String("transferChecked"))) {
            const QString source = info.value(QLatin1String("source")).toString();
            const QString destination = info.value(QLatin1String("destination")).toString();
            const QString authority = info.value(QLatin1String("authority")).toString();
            const QJsonObject tokenAmount = info.value(QLatin1String("tokenAmount")).toObject();
            const auto units = core::TransactionDecoder::toU64(
                tokenAmount.isEmpty() ? info.value(QLatin1String("amount"))
                                      : tokenAmount.value(QLatin1String("amount")));
            std::optional<std::uint8_t> decimals = decimalsOf(destination);
            if (!tokenAmount.isEmpty())
                decimals = static_cast<std::uint8_t>(
                    tokenAmount.value(QLatin1String("decimals")).toInt());
            QString mint = info.value(QLatin1String("mint")).toString();
            if (mint.isEmpty()) {
                const int index = static_cast<int>(keys.indexOf(destination));
                for (const core::TokenBalance &balance : tx->postTokenBalances)
                    if (balance.accountIndex == index)
                        mint = balance.mint.toBase58();
            }
            const QString amount = decimals
                ? core::PaymentAmount::fromBaseUnits(units.value_or(0), *decimals)
                : QString::number(units.value_or(0));
            const QString symbol = tokenSymbol(mint, cluster);
            if (authority == address) {
                const QString to = ownerOf(destination);
                lines.append(QObject::tr("Sent %1 %2 to %3").arg(amount, symbol, shortAddress(to)));
                row.counterparty = row.counterparty.isEmpty() ? to : row.counterparty;
            } else {
                const QString from = authority.isEmpty() ? ownerOf(source) : authority;
                lines.append(
                    QObject::tr("Received %1 %2 from %3").arg(amount, symbol, shortAddress(from)));
                row.counterparty = row.counterparty.isEmpty() ? from : row.counterparty;
            }
            continue;
        }
        if (!program.isEmpty() && !type.isEmpty()) {
            lines.append(QObject::tr("%1: %2").arg(program, type));
            continue;
        }
        lines.append(
            QObject::tr("Program %1")
                .arg(shortAddress(instruction.value(QLatin1String("programId")).toString())));
    }
    lines.append(memos);
    if (lines.isEmpty())
        lines.append(QObject::tr("Transaction %1").arg(shortAddress(info.signature)));
    row.title = lines.takeFirst();
    row.detail = lines.join(QStringLiteral(" · "));
    return row;
}

struct PageState
{
    QList<core::SignatureInfo> infos;
    QList<std::optional<core::FetchedTransaction>> transactions;
    int pending = 0;
};

} // namespace

HistoryViewModel::HistoryViewModel(ChainSession *chain, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
{
    if (m_chain) {
        connect(m_chain, &ChainSession::clusterChanged, this, &HistoryViewModel::refresh);
        if (m_chain->sender())
            connect(m_chain->sender(), &core::Sender::finished, this, &HistoryViewModel::refresh);
    }
}

QString HistoryViewModel::busyText() const
{
    return m_busy
        ? tr("Reading history from %1…").arg(m_chain ? m_chain->clusterLabel() : QString())
        : QString();
}

void HistoryViewModel::setAddress(const QString &address)
{
    if (m_address == address)
        return;
    m_address = address;
    emit addressChanged();
    ++m_generation;
    m_model.clear();
    m_canLoadMore = false;
    m_everLoaded = false;
    m_oldest.clear();
    setBusy(false);
    setErrorText({});
    emit loaded();
    if (!m_address.isEmpty())
        refresh();
}

void HistoryViewModel::refresh()
{
    if (m_address.isEmpty())
        return;
    ++m_generation;
    m_model.clear();
    m_oldest.clear();
    load({});
}

void HistoryViewModel::loadMore()
{
    if (m_busy || !m_canLoadMore || m_oldest.isEmpty())
        return;
    load(m_oldest);
}

void HistoryViewModel::load(const QString &before)
{
    auto owner = core::PublicKey::fromBase58(m_address);
    if (!owner.ok() || !m_chain || !m_chain->rpc()) {
        setErrorText(tr("No address or no network to read history from."));
        return;
    }
    const quint64 generation = ++m_generation;
    setBusy(true);
    core::SignaturesQuery query;
    query.limit = PageSize;
    query.before = before;
    core::RpcClient *rpc = m_chain->rpc();
    auto fail = [this, generation](const core::Error &error) {
        if (generation != m_generation)
            return;
        setBusy(false);
        setErrorText(tr("Could not read the history from %1: %2")
                         .arg(m_chain ? m_chain->clusterLabel() : QString(),
                              error.detail.isEmpty() ? core::describe(error) : error.detail));
    };
    rpc->getSignaturesForAddress(owner.value(), query)
        .then(this, [this, generation, fail, rpc](core::Result<QList<core::SignatureInfo>> r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            auto state = std::make_shared<PageState>();
            state->infos = r.value();
            state->transactions.resize(state->infos.size());
            state->pending = static_cast<int>(state->infos.size());
            auto finish = [this, generation, state] {
                if (generation != m_generation)
                    return;
                QList<HistoryModel::Row> rows;
                for (qsizetype i = 0; i < state->infos.size(); ++i)
                    rows.append(
                        describe(state->infos.at(i),
                                 state->transactions.at(i) ? &*state->transactions.at(i) : nullptr,
                                 m_address, m_chain->cluster()));
                m_model.append(rows);
                if (!state->infos.isEmpty())
                    m_oldest = state->infos.last().signature;
                m_canLoadMore = state->infos.size() == PageSize;
                m_everLoaded = true;
                setErrorText({});
                setBusy(false);
                emit loaded();
            };
            if (state->pending == 0) {
                finish();
                return;
            }
            // One getTransaction per signature, all in flight at once; a row whose transaction
            // cannot be read still shows its signature, status and time.
            for (qsizetype i = 0; i < state->infos.size(); ++i) {
                rpc->getTransaction(state->infos.at(i).signature)
                    .then(this,
                          [state, i,
                           finish](core::Result<std::optional<core::FetchedTransaction>> tx) {
                              if (tx.ok())
                                  state->transactions[i] = tx.value();
                              if (--state->pending == 0)
                                  finish();
                          });
            }
        });
}

void HistoryViewModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void HistoryViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
