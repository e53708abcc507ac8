// Send (form, review, pending, confirmed) and a Solana Pay request, on the sandbox localnet.
// The wallet chapter before this one funded the current account with SOL and USDE; this one
// sends 12.5 USDE to the vault's second account ("Savings", added here when missing) and opens
// a pay link up to its review.

#include "TourDriver.h"
#include "TourLogging.h"
#include "crypto/Keypair.h"
#include "solana/pay/PaymentRequest.h"
#include "solana/pay/SolanaPayUrl.h"

#include <QAbstractItemModel>
#include <QMetaObject>
#include <QProcessEnvironment>

#include <array>

namespace ovpp::app {

namespace {

// SendFlow::Step (Form = 0) and SendViewModel::Priority, by value (the QML-facing enums).
constexpr int StepReview = 1;
constexpr int StepProgress = 2;
constexpr int StepDone = 3;
constexpr int StepFailed = 4;
constexpr int TokenUsde = 1;
constexpr int PriorityNone = 0;

QObject *flowOf(QObject *viewModel)
{
    return viewModel ? viewModel->property("flow").value<QObject *>() : nullptr;
}

int stepOf(QObject *flow)
{
    return flow->property("step").toInt();
}

// The address of the account labelled `label`, or empty.
QString addressOf(QObject *wallet, const QString &label)
{
    const auto *accounts = wallet->property("accounts").value<QAbstractItemModel *>();
    if (!accounts)
        return {};
    const QHash<int, QByteArray> roles = accounts->roleNames();
    const int labelRole = roles.key("label", -1);
    const int addressRole = roles.key("address", -1);
    for (int row = 0; row < accounts->rowCount(); ++row) {
        const QModelIndex index = accounts->index(row, 0);
        if (accounts->data(index, labelRole).toString() == label)
            return accounts->data(index, addressRole).toString();
    }
    return {};
}

// Adds "Savings" if the vault has no such account, and keeps the funded account current.
QString savingsAddress(TourDriver &tour, QObject *wallet)
{
    const QString savings = QStringLiteral("Savings");
    QString address = addressOf(wallet, savings);
    if (!address.isEmpty())
        return address;
    const int funded = wallet->property("currentIndex").toInt();
    QMetaObject::invokeMethod(wallet, "addAccount", Q_ARG(QString, savings));
    if (!TourDriver::waitFor([&] { return !addressOf(wallet, savings).isEmpty(); })) {
        tour.fail(QStringLiteral("could not add the Savings account: %1")
                      .arg(wallet->property("errorText").toString()));
        return {};
    }
    TourDriver::waitFor([&] { return !wallet->property("busy").toBool(); });
    wallet->setProperty("currentIndex", funded);
    return addressOf(wallet, savings);
}

// A fixed, keyless-looking address for the tour's utility (derived from a public seed: it is
// only ever paid, never spent from).
QString utilityAddress()
{
    std::array<std::uint8_t, 32> seed {};
    seed.fill(0x42);
    return core::Keypair::fromSeed(seed).publicKey().toBase58();
}

QString tourReference()
{
    std::array<std::uint8_t, 32> seed {};
    seed.fill(0x17);
    return core::Keypair::fromSeed(seed).publicKey().toBase58();
}

bool waitForStep(QObject *flow, std::initializer_list<int> steps)
{
    return TourDriver::waitFor([&] {
        const int step = stepOf(flow);
        for (int wanted : steps) {
            if (step == wanted)
                return true;
        }
        return !flow->property("errorText").toString().isEmpty()
            && !flow->property("busy").toBool();
    });
}

void sendSteps(TourDriver &tour, QObject *wallet, QObject *send)
{
    QObject *flow = flowOf(send);
    if (!flow) {
        tour.fail(QStringLiteral("the send view model has no flow"));
        return;
    }
    const QString recipient = savingsAddress(tour, wallet);
    if (recipient.isEmpty())
        return;

    QMetaObject::invokeMethod(send, "clear");
    tour.showPage(QStringLiteral("send"));
    send->setProperty("tokenIndex", TokenUsde);
    send->setProperty("recipient", recipient);
    send->setProperty("amount", QStringLiteral("12.5"));
    send->setProperty("memo", QStringLiteral("May energy bill, thank you"));
    send->setProperty("priority", PriorityNone);
    QMetaObject::invokeMethod(send, "refresh");
    TourDriver::waitFor([&] { return !send->property("balanceText").toString().isEmpty(); },
                        std::chrono::seconds(20));
    tour.capture(QStringLiteral("send"));

    if (!send->property("canReview").toBool()) {
        tour.fail(QStringLiteral("the send form is not ready: %1 %2")
                      .arg(send->property("recipientError").toString(),
                           send->property("amountError").toString()));
        return;
    }
    QMetaObject::invokeMethod(send, "review");
    if (!waitForStep(flow, {StepReview}) || stepOf(flow) != StepReview) {
        tour.fail(QStringLiteral("the send review did not come: %1")
                      .arg(flow->property("errorText").toString()));
        return;
    }
    tour.capture(QStringLiteral("send-review"), QStringLiteral("send"));
    if (!flow->property("canSend").toBool()) {
        tour.fail(QStringLiteral("the simulation refused the tour's send: %1")
                      .arg(flow->property("simulationLogs").toString()));
        return;
    }

    QMetaObject::invokeMethod(flow, "send");
    // Captured at the first progress state seen: on the localnet a slot is 400 ms.
    if (!waitForStep(flow, {StepProgress, StepDone, StepFailed}) || stepOf(flow) == StepReview) {
        tour.fail(QStringLiteral("the send was not submitted: %1")
                      .arg(flow->property("errorText").toString()));
        return;
    }
    qCInfo(lcScreenshots) << "send-pending captured at" << flow->property("sendState").toString();
    tour.capture(QStringLiteral("send-pending"), QStringLiteral("send"));

    if (!waitForStep(flow, {StepDone, StepFailed}) || stepOf(flow) != StepDone) {
        tour.fail(QStringLiteral("the send did not finalize: %1")
                      .arg(flow->property("resultText").toString()));
        return;
    }
    tour.capture(QStringLiteral("send-confirmed"), QStringLiteral("send"));
}

void payRequest(TourDriver &tour, QObject *pay)
{
    QObject *flow = flowOf(pay);
    const QString mint
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("OVPP_USDE_MINT"));
    core::TransferRequest request;
    request.recipient = core::PublicKey::fromBase58(utilityAddress()).value();
    request.amount = QStringLiteral("18.75");
    if (auto usde = core::PublicKey::fromBase58(mint))
        request.splToken = usde.value();
    request.references = {core::PublicKey::fromBase58(tourReference()).value()};
    request.label = QStringLiteral("Rhine Valley Power");
    request.message = QStringLiteral("Electricity bill for May: 125 kWh");
    request.memo = QStringLiteral("INV-2026-05-0042");
    const QString link = core::SolanaPayUrl::encode(request);

    bool opened = false;
    QMetaObject::invokeMethod(pay, "open", Q_RETURN_ARG(bool, opened), Q_ARG(QString, link));
    if (!opened) {
        tour.fail(QStringLiteral("the tour's pay link was refused: %1")
                      .arg(pay->property("errorText").toString()));
        return;
    }
    tour.showPage(QStringLiteral("pay"));
    QMetaObject::invokeMethod(pay, "review");
    if (!flow || !waitForStep(flow, {StepReview}) || stepOf(flow) != StepReview) {
        tour.fail(QStringLiteral("the pay review did not come: %1")
                      .arg(flow ? flow->property("errorText").toString() : QString()));
        tour.capture(QStringLiteral("pay"));
        return;
    }
    tour.capture(QStringLiteral("pay"));
}

} // namespace

void runSendChapter(TourDriver &tour)
{
    QObject *wallet = tour.viewModel("wallet");
    QObject *send = tour.viewModel("send");
    QObject *pay = tour.viewModel("pay");
    if (!wallet || !send || !pay) {
        tour.fail(QStringLiteral("the send chapter needs the wallet, send and pay view models"));
        return;
    }
    sendSteps(tour, wallet, send);
    payRequest(tour, pay);
}

} // namespace ovpp::app
