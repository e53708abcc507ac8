// The pairing flows, the device cards and a device's detail.
// (Placeholder written by the lead: captures the pages as they are; its owner drives them.)

#include "TourDriver.h"

namespace ovpp::app {

void runDevicesChapter(TourDriver &tour)
{
    tour.capture(QStringLiteral("pair-inverter"));
    tour.capture(QStringLiteral("pair-inverter-found"), QStringLiteral("pair-inverter"));
    tour.capture(QStringLiteral("pair-charger"));
    tour.capture(QStringLiteral("pair-charger-done"), QStringLiteral("pair-charger"));
    tour.capture(QStringLiteral("devices"));
    tour.capture(QStringLiteral("device-detail"));
}

} // namespace ovpp::app
