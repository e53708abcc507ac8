// Balances and receive (after funding the account from the sandbox); history and inspect.
// The sandbox's own faucets fund the tour account: requestAirdrop gives 5 SOL, the sandbox's
// USDE faucet (OVPP_FAUCET_URL) 250 USDE; the chapter then waits until the Wallet page shows
// both before it captures.

#include "TourDriver.h"
#include "TourLogging.h"
#include "solana/rpc/RpcClient.h"

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>

#include <memory>

namespace ovpp::app {

namespace {

constexpr std::uint64_t TourLamports = 5'000'000'000; // 5 SOL
constexpr std::uint64_t TourUsde = 250'000'000; // 250 USDE (6 decimals)

QString env(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

// The base-units balance the portfolio shows for `symbol`, or -1 when it has no such row.
qint64 shownBaseUnits(QObject *portfolio, const QString &symbol)
{
    const auto *model = portfolio->property("balances").value<QAbstractItemModel *>();
    if (!model)
        return -1;
    const QHash<int, QByteArray> roles = model->roleNames();
    const int symbolRole = roles.key("symbol", -1);
    const int unitsRole = roles.key("baseUnits", -1);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (model->data(index, symbolRole).toString() == symbol)
            return model->data(index, unitsRole).toString().toLongLong();
    }
    return -1;
}

bool requestAirdrop(TourDriver &tour, const QString &address)
{
    const QString url = env("OVPP_RPC_URL");
    auto owner = core::PublicKey::fromBase58(address);
    if (url.isEmpty() || !owner.ok())
        return tour.fail(QStringLiteral("wallet: no OVPP_RPC_URL or no current address")) == 0;
    core::RpcClient rpc {QUrl(url)};
    std::optional<core::Result<QString>> result;
    rpc.requestAirdrop(owner.value(), TourLamports).then(&rpc, [&result](core::Result<QString> r) {
        result = std::move(r);
    });
    if (!TourDriver::waitFor([&result] { return result.has_value(); }) || !result->ok())
        return tour.fail(QStringLiteral("wallet: requestAirdrop failed: %1")
                             .arg(result ? core::describe(result->error()) : QString()))
            == 0;
    return true;
}

bool requestUsde(TourDriver &tour, const QString &address)
{
    const QString url = env("OVPP_FAUCET_URL");
    if (url.isEmpty())
        return tour.fail(QStringLiteral("wallet: OVPP_FAUCET_URL is not set")) == 0;
    QNetworkAccessManager network;
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QJsonObject body {{QStringLiteral("owner"), address},
                            {QStringLiteral("amount"), QString::number(TourUsde)}};
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (!TourDriver::waitFor([&reply] { return reply->isFinished(); })
        || reply->error() != QNetworkReply::NoError)
        return tour.fail(QStringLiteral("wallet: USDE faucet: %1 %2")
                             .arg(reply->errorString(), QString::fromUtf8(reply->readAll())))
            == 0;
    return true;
}

} // namespace

void runWalletChapter(TourDriver &tour)
{
    QObject *wallet = tour.viewModel("wallet");
    QObject *portfolio = tour.viewModel("portfolio");
    QObject *receive = tour.viewModel("receive");
    if (!wallet || !portfolio) {
        tour.fail(QStringLiteral("wallet: no wallet or portfolio view model"));
        return;
    }
    const QString address = wallet->property("currentAddress").toString();
    tour.showPage(QStringLiteral("wallet"));
    // Fund once: a re-run against the same localnet tops up only what is missing.
    if (shownBaseUnits(portfolio, QStringLiteral("SOL")) < static_cast<qint64>(TourLamports / 2))
        requestAirdrop(tour, address);
    if (shownBaseUnits(portfolio, QStringLiteral("USDE")) < static_cast<qint64>(TourUsde))
        requestUsde(tour, address);
    QMetaObject::invokeMethod(portfolio, "refresh");
    const bool funded = TourDriver::waitFor([portfolio] {
        return !portfolio->property("busy").toBool()
            && shownBaseUnits(portfolio, QStringLiteral("SOL")) > 0
            && shownBaseUnits(portfolio, QStringLiteral("USDE")) >= static_cast<qint64>(TourUsde);
    });
    if (!funded)
        tour.fail(QStringLiteral("wallet: balances never showed the funded amounts (%1)")
                      .arg(portfolio->property("errorText").toString()));
    qCInfo(lcScreenshots) << "wallet: SOL" << shownBaseUnits(portfolio, QStringLiteral("SOL"))
                          << "USDE" << shownBaseUnits(portfolio, QStringLiteral("USDE"));
    tour.capture(QStringLiteral("wallet"));

    // A Solana Pay request for the garage charger, when the receive page supports one.
    if (receive) {
        receive->setProperty("amountText", QStringLiteral("12.5"));
        receive->setProperty("token", QStringLiteral("USDE"));
        receive->setProperty("label", QStringLiteral("Garage charger top-up"));
    }
    tour.capture(QStringLiteral("receive"));
}

void runHistoryChapter(TourDriver &tour)
{
    QObject *history = tour.viewModel("history");
    if (history) {
        QMetaObject::invokeMethod(history, "refresh");
        const bool rows = TourDriver::waitFor([history] {
            const auto *model = history->property("rows").value<QAbstractItemModel *>();
            return !history->property("busy").toBool() && model && model->rowCount() > 0;
        });
        if (!rows)
            tour.fail(QStringLiteral("history: no rows (%1)")
                          .arg(history->property("errorText").toString()));
    }
    tour.capture(QStringLiteral("history"));

    // Inspect the tour wallet's own address: balances, its USDE token account and history.
    QObject *inspect = tour.viewModel("inspect");
    QObject *wallet = tour.viewModel("wallet");
    if (inspect && wallet) {
        const QString address = wallet->property("currentAddress").toString();
        QMetaObject::invokeMethod(inspect, "inspect", Q_ARG(QString, address));
        const bool shown = TourDriver::waitFor([inspect, address] {
            const auto *history = inspect->property("history").value<QAbstractItemModel *>();
            const auto *accounts = inspect->property("tokenAccounts").value<QAbstractItemModel *>();
            return !inspect->property("busy").toBool()
                && inspect->property("address").toString() == address
                && inspect->property("balancesLoaded").toBool()
                && inspect->property("historyLoaded").toBool() && history && history->rowCount() > 0
                && accounts && accounts->rowCount() > 0;
        });
        if (!shown)
            tour.fail(QStringLiteral("inspect: %1 never showed balances, token accounts and "
                                     "history (%2)")
                          .arg(address, inspect->property("errorText").toString()));
    }
    tour.capture(QStringLiteral("inspect"));
}

} // namespace ovpp::app
