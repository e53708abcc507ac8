// The pairing flows, the device cards and a device's detail, on the real sandbox: the pymodbus
// inverter ($OVPP_TOUR_INVERTER, with MPPT and a battery at 12:30) is probed and paired
// through the pairing view model, a charger is paired and an ocpp-rpc charge point
// ($OVPP_CHARGEPOINT_SIM) connects with the credentials the page shows, and readings flow
// for a few seconds before the cards and the inverter's chart are captured. The chart holds
// only what the inverter really reported since pairing. Both devices are registered on-chain by
// the tour's funded account; each pairing page is captured once its registration confirmed.

#include "DeviceDetailViewModel.h"
#include "DeviceRegistrar.h"
#include "DevicesViewModel.h"
#include "PairingViewModel.h"
#include "TourDriver.h"
#include "TourLogging.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QQuickWindow>

namespace ovpp::app {

namespace {

using Step = ui::PairingViewModel::ChargerStep;
using Registration = ui::DeviceRegistrar::State;

// Waits until `registration` confirmed; a failure is the tour's (its account is funded).
void awaitRegistered(TourDriver &tour, const ui::DeviceRegistrar *registration, const QString &what)
{
    if (!TourDriver::waitFor([&] { return registration->state() == Registration::Registered; },
                             std::chrono::seconds(60)))
        tour.fail(QStringLiteral("devices: registering the %1 on-chain: %2")
                      .arg(what, registration->text()));
}

void pairInverter(TourDriver &tour, ui::PairingViewModel *pairing)
{
    const QString address
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("OVPP_TOUR_INVERTER"));
    if (address.isEmpty())
        tour.fail(QStringLiteral("devices: OVPP_TOUR_INVERTER is not set (run the tour with "
                                 "tests/app/run-screenshot-tour.sh)"));
    pairing->resetInverter();
    pairing->setAddress(address);
    pairing->setUnitId(1);
    tour.capture(QStringLiteral("pair-inverter"));

    pairing->probe();
    if (!TourDriver::waitFor([&] { return !pairing->probing(); }, std::chrono::seconds(30))
        || !pairing->found())
        tour.fail(QStringLiteral("devices: probing %1 failed: %2")
                      .arg(address, pairing->inverterError()));
    tour.capture(QStringLiteral("pair-inverter-found"), QStringLiteral("pair-inverter"));

    pairing->confirmInverter();
    if (!TourDriver::waitFor([&] { return !pairing->confirming(); }, std::chrono::seconds(30))
        || !pairing->inverterPaired())
        tour.fail(QStringLiteral("devices: pairing the inverter failed: %1")
                      .arg(pairing->inverterError()));
    awaitRegistered(tour, pairing->inverterRegistration(), QStringLiteral("inverter"));
    tour.capture(QStringLiteral("pair-inverter-done"), QStringLiteral("pair-inverter"));
}

// Returns the running charge point simulator (owned by the window, so it lives until the tour
// ends), or null.
QProcess *pairCharger(TourDriver &tour, ui::PairingViewModel *pairing)
{
    const QString simulator
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("OVPP_CHARGEPOINT_SIM"));
    tour.showPage(QStringLiteral("pair-charger"));
    if (!TourDriver::waitFor([&] { return pairing->centralSystemReady(); },
                             std::chrono::seconds(30))) {
        tour.fail(QStringLiteral("devices: the charger service did not start"));
        return nullptr;
    }
    pairing->startCharger();
    if (!TourDriver::waitFor([&] { return pairing->chargerStep() != Step::Creating; },
                             std::chrono::seconds(30))
        || pairing->chargerStep() != Step::Waiting) {
        tour.fail(
            QStringLiteral("devices: charger pairing failed: %1").arg(pairing->chargerError()));
        return nullptr;
    }
    tour.capture(QStringLiteral("pair-charger"));
    if (simulator.isEmpty()) {
        tour.fail(QStringLiteral("devices: OVPP_CHARGEPOINT_SIM is not set"));
        return nullptr;
    }

    QString url = pairing->chargerUrl();
    url.chop(pairing->chargerId().size() + 1); // the simulator appends "/<id>"
    auto *sim = new QProcess(tour.window());
    sim->setProgram(QStringLiteral("node"));
    QString password = pairing->chargerPassword();
    sim->setArguments({simulator, QStringLiteral("--url"), url, QStringLiteral("--id"),
                       pairing->chargerId(), QStringLiteral("--password"), password,
                       QStringLiteral("--plug-in"), QStringLiteral("--samples"),
                       QStringLiteral("0"), QStringLiteral("--meter-interval-ms"),
                       QStringLiteral("1000"), QStringLiteral("--quiet")});
    password.fill(QLatin1Char('\0'));
    sim->setStandardOutputFile(QProcess::nullDevice());
    sim->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Stopped with the app: QProcess's destructor would kill it too, but let it say goodbye.
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, sim, [sim] {
        sim->terminate();
        sim->waitForFinished(3000);
    });
    sim->start();
    if (!sim->waitForStarted(10000)) {
        tour.fail(QStringLiteral("devices: node did not start the charge point simulator"));
        return sim;
    }
    if (!TourDriver::waitFor([&] { return pairing->chargerStep() == Step::Booted; },
                             std::chrono::seconds(30)))
        tour.fail(QStringLiteral("devices: the simulated charger did not boot"));
    awaitRegistered(tour, pairing->chargerRegistration(), QStringLiteral("charger"));
    tour.capture(QStringLiteral("pair-charger-done"), QStringLiteral("pair-charger"));
    return sim;
}

} // namespace

void runDevicesChapter(TourDriver &tour)
{
    auto *pairing = qobject_cast<ui::PairingViewModel *>(tour.viewModel("pairing"));
    auto *devices = qobject_cast<ui::DevicesViewModel *>(tour.viewModel("devices"));
    auto *detail = qobject_cast<ui::DeviceDetailViewModel *>(tour.viewModel("deviceDetail"));
    if (!pairing || !devices || !detail) {
        tour.fail(QStringLiteral("devices: view models missing"));
        return;
    }
    tour.showPage(QStringLiteral("pair-inverter"));
    pairInverter(tour, pairing);
    const QString inverterId = pairing->pairedDeviceId();
    QProcess *sim = pairCharger(tour, pairing);
    const QString chargerId = pairing->chargerId();
    pairing->finishCharger();
    pairing->resetInverter();

    // Both cards live: the inverter producing, the charger charging.
    tour.showPage(QStringLiteral("devices"));
    const auto stateOf = [&](const QString &id) {
        const int row = devices->indexOf(id);
        return row < 0
            ? QString()
            : devices->data(devices->index(row), ui::DevicesViewModel::StateRole).toString();
    };
    if (!TourDriver::waitFor(
            [&] {
                return stateOf(inverterId) == QLatin1String("producing")
                    && (!sim || stateOf(chargerId) == QLatin1String("charging"));
            },
            std::chrono::seconds(45)))
        tour.fail(QStringLiteral("devices: cards not live (inverter %1, charger %2)")
                      .arg(stateOf(inverterId), stateOf(chargerId)));
    // A few more readings for the chart and energy today.
    TourDriver::spin(std::chrono::seconds(8));
    devices->refresh();
    TourDriver::spin(std::chrono::seconds(1));
    tour.capture(QStringLiteral("devices"));

    detail->setSpan(ui::DeviceDetailViewModel::Span::Day);
    detail->select(inverterId);
    tour.showPage(QStringLiteral("device-detail"));
    // The registry card shows the registration once the catalog holds its signature.
    if (!TourDriver::waitFor(
            [&] {
                return !detail->busy() && detail->pointCount() >= 3
                    && !detail->registrySignature().isEmpty();
            },
            std::chrono::seconds(30)))
        tour.fail(QStringLiteral("devices: the inverter's chart has %1 points, registry "
                                 "signature \"%2\"")
                      .arg(detail->pointCount())
                      .arg(detail->registrySignature()));
    qCInfo(lcScreenshots) << "devices: chart points" << detail->pointCount();
    tour.capture(QStringLiteral("device-detail"));
    if (!tour.scrollToEnd(QStringLiteral("deviceDetailPage")))
        tour.fail(QStringLiteral("devices: cannot scroll the device page"));
    tour.capture(QStringLiteral("device-detail-registry"), QStringLiteral("device-detail"));
}

} // namespace ovpp::app
