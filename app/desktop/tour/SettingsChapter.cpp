// Rewards and settings.

#include "TourDriver.h"

namespace ovpp::app {

void runSettingsChapter(TourDriver &tour)
{
    tour.capture(QStringLiteral("rewards"));
    tour.capture(QStringLiteral("settings"));
}

} // namespace ovpp::app
