// Send (form, review, pending, confirmed) and a Solana Pay request.
// (Placeholder written by the lead: captures the pages as they are; its owner drives them.)

#include "TourDriver.h"

namespace ovpp::app {

void runSendChapter(TourDriver &tour)
{
    tour.capture(QStringLiteral("send"));
    tour.capture(QStringLiteral("send-review"), QStringLiteral("send"));
    tour.capture(QStringLiteral("send-pending"), QStringLiteral("send"));
    tour.capture(QStringLiteral("send-confirmed"), QStringLiteral("send"));
    tour.capture(QStringLiteral("pay"));
}

} // namespace ovpp::app
