// Balances and receive (after funding the account from the sandbox); history and inspect.
// (Placeholder written by the lead: captures the pages as they are; its owner drives them.)

#include "TourDriver.h"

namespace ovpp::app {

void runWalletChapter(TourDriver &tour)
{
    for (const char *state : {"wallet", "receive"})
        tour.capture(QString::fromLatin1(state));
}

void runHistoryChapter(TourDriver &tour)
{
    for (const char *state : {"history", "inspect"})
        tour.capture(QString::fromLatin1(state));
}

} // namespace ovpp::app
