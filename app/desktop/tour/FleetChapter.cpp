// The fleet table with a real fleet of 1,000: the chargers are paired in the app's device
// catalog (the file the device network reads), the network re-reads it, and 1,000 ocpp-rpc
// strict charge points (tests/sandbox/chargers/chargepoint.mjs, $OVPP_CHARGEPOINT_SIM) connect
// and charge. Captured once the table holds them all and most are charging.

#include "FleetViewModel.h"
#include "TourDriver.h"
#include "TourLogging.h"
#include "crypto/SecretBytes.h"
#include "der/network/DeviceCatalog.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <utility>

namespace ovpp::app {

namespace {

constexpr int fleetSize = 1000;
// One key for the whole simulated fleet (chargepoint.mjs --count uses one --password).
constexpr auto fleetKey = "TOURFLEETKEY7Q2W9E5R";

// chargepoint.mjs --id FLEET --count N names them FLEET-001 ... FLEET-1000.
QString fleetId(int i)
{
    return QStringLiteral("FLEET-%1").arg(i, 3, 10, QLatin1Char('0'));
}

bool pairFleet()
{
    core::DeviceCatalog catalog(core::DeviceCatalog::defaultPath());
    if (!catalog.load())
        return false;
    const core::SecretBytes key = core::SecretBytes::fromView(fleetKey);
    QList<std::pair<core::PairedDevice, const core::SecretBytes *>> chargers;
    for (int i = 1; i <= fleetSize; ++i) {
        core::PairedDevice device;
        device.id = fleetId(i);
        if (catalog.contains(device.id))
            continue;
        device.kind = core::PairedDevice::Kind::Charger;
        device.manufacturer = QStringLiteral("OpenVPPSim");
        device.model = QStringLiteral("SimAC-22");
        // A few named ones, as a fleet manager would.
        if (i == 1)
            device.label = QStringLiteral("Depot north, bay 1");
        else if (i == 2)
            device.label = QStringLiteral("Depot north, bay 2");
        device.pairedAt = QDateTime::currentDateTimeUtc();
        chargers.append({device, &key});
    }
    return chargers.isEmpty() || catalog.addChargers(chargers).ok();
}

} // namespace

void runFleetChapter(TourDriver &tour)
{
    auto *fleet = qobject_cast<ui::FleetViewModel *>(tour.viewModel("fleet"));
    if (!fleet) {
        tour.fail(QStringLiteral("fleet: no fleet view model"));
        tour.capture(QStringLiteral("fleet"));
        return;
    }
    const QString simulator
        = QProcessEnvironment::systemEnvironment().value(QStringLiteral("OVPP_CHARGEPOINT_SIM"));
    if (simulator.isEmpty()) {
        tour.fail(QStringLiteral("fleet: OVPP_CHARGEPOINT_SIM is not set (run the tour with "
                                 "tests/app/run-screenshot-tour.sh)"));
        tour.capture(QStringLiteral("fleet"));
        return;
    }
    tour.showPage(QStringLiteral("fleet"));
    if (!TourDriver::waitFor([&] { return fleet->connected(); }, std::chrono::seconds(30))) {
        tour.fail(QStringLiteral("fleet: the device network did not start its charger service"));
        tour.capture(QStringLiteral("fleet"));
        return;
    }
    if (!pairFleet()) {
        tour.fail(QStringLiteral("fleet: could not pair the fleet in the device catalog"));
        tour.capture(QStringLiteral("fleet"));
        return;
    }
    fleet->reloadCatalog();
    if (!TourDriver::waitFor([&] { return fleet->totalCount() >= fleetSize; },
                             std::chrono::seconds(30)))
        tour.fail(QStringLiteral("fleet: the table did not list the %1 paired chargers (%2)")
                      .arg(fleetSize)
                      .arg(fleet->totalCount()));

    QString url = fleet->centralSystemUrl();
    if (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    QProcess sim;
    sim.setProgram(QStringLiteral("node"));
    sim.setArguments(
        {simulator, QStringLiteral("--url"), url, QStringLiteral("--id"), QStringLiteral("FLEET"),
         QStringLiteral("--count"), QString::number(fleetSize), QStringLiteral("--password"),
         QString::fromLatin1(fleetKey), QStringLiteral("--plug-in"), QStringLiteral("--samples"),
         QStringLiteral("0"), QStringLiteral("--meter-interval-ms"), QStringLiteral("2000"),
         QStringLiteral("--stagger-ms"), QStringLiteral("3000"), QStringLiteral("--quiet")});
    // Its per-charger event lines are not needed here.
    sim.setStandardOutputFile(QProcess::nullDevice());
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start();
    if (!sim.waitForStarted(10000)) {
        tour.fail(QStringLiteral("fleet: node did not start the charge point simulator"));
    } else if (!TourDriver::waitFor(
                   [&] {
                       return fleet->chargingCount() >= fleetSize * 9 / 10
                           && fleet->model()->rows().size() >= fleetSize;
                   },
                   std::chrono::seconds(180))) {
        tour.fail(QStringLiteral("fleet: only %1 of %2 chargers charging")
                      .arg(fleet->chargingCount())
                      .arg(fleetSize));
    }
    qCInfo(lcScreenshots) << "fleet:" << fleet->totalCount() << "chargers,"
                          << fleet->chargingCount() << "charging";
    // Let a couple of meter intervals fill in power, energy and SoC everywhere.
    TourDriver::spin(std::chrono::milliseconds(4500));
    // The default order (what needs attention first), one charger selected for its commands.
    fleet->select(0);
    tour.capture(QStringLiteral("fleet"));
    fleet->select(-1);

    sim.terminate();
    if (!sim.waitForFinished(15000)) {
        sim.kill();
        sim.waitForFinished(5000);
    }
}

} // namespace ovpp::app
