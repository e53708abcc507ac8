// The fleet table.
// (Placeholder written by the lead: captures the pages as they are; its owner drives them.)

#include "TourDriver.h"

namespace ovpp::app {

void runFleetChapter(TourDriver &tour)
{
    tour.capture(QStringLiteral("fleet"));
}

} // namespace ovpp::app
