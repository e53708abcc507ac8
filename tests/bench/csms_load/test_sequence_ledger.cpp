// The load run's bookkeeping: what counts as received, lost, repeated or never sent.

#include "SequenceLedger.h"

#include <gtest/gtest.h>

using ovpp::bench::SequenceLedger;

namespace {

const QString cp1 = QStringLiteral("CP1");
const QString cp2 = QStringLiteral("CP2");

QByteArray state(int n)
{
    return "state-" + QByteArray::number(n);
}

} // namespace

TEST(SequenceLedger, InOrderSamplesAreAllReceived)
{
    SequenceLedger ledger;
    ledger.observe(cp1, std::nullopt, state(0)); // connected, booted: no transaction yet
    ledger.observe(cp1, 0, state(1)); // StartTransaction, meterStart 0
    for (int seq = 1; seq <= 5; ++seq)
        ledger.observe(cp1, seq, state(10 + seq));
    const auto totals = ledger.compare({{cp1, 5}});
    EXPECT_EQ(totals.expected, 5);
    EXPECT_EQ(totals.received, 5);
    EXPECT_EQ(totals.lost, 0);
    EXPECT_EQ(totals.gaps, 0);
    EXPECT_EQ(totals.duplicates, 0);
    EXPECT_EQ(totals.unexpected, 0);
    EXPECT_EQ(totals.events, 7);
}

TEST(SequenceLedger, AJumpIsAGapAndALoss)
{
    SequenceLedger ledger;
    ledger.observe(cp1, 1, state(1));
    ledger.observe(cp1, 2, state(2));
    ledger.observe(cp1, 5, state(5)); // 3 and 4 never arrived
    const auto totals = ledger.compare({{cp1, 5}});
    EXPECT_EQ(totals.received, 3);
    EXPECT_EQ(totals.gaps, 2);
    EXPECT_EQ(totals.lost, 2);
}

TEST(SequenceLedger, AMissingTailIsALoss)
{
    SequenceLedger ledger;
    ledger.observe(cp1, 1, state(1));
    ledger.observe(cp1, 2, state(2));
    const auto totals = ledger.compare({{cp1, 4}, {cp2, 3}}); // CP2 never heard from
    EXPECT_EQ(totals.expected, 7);
    EXPECT_EQ(totals.received, 2);
    EXPECT_EQ(totals.gaps, 0);
    EXPECT_EQ(totals.lost, 5);
}

TEST(SequenceLedger, AnEventThatChangesNothingIsADuplicate)
{
    SequenceLedger ledger;
    ledger.observe(cp1, 1, state(1));
    ledger.observe(cp1, 1, state(1)); // the same sample handled twice
    ledger.observe(cp1, 2, state(2));
    ledger.observe(cp1, 2, state(3)); // a Heartbeat: the register stays, the state moves
    const auto totals = ledger.compare({{cp1, 2}});
    EXPECT_EQ(totals.received, 2);
    EXPECT_EQ(totals.duplicates, 1);
    EXPECT_EQ(totals.lost, 0);
}

TEST(SequenceLedger, MoreThanWasSentIsUnexpected)
{
    SequenceLedger ledger;
    for (int seq = 1; seq <= 3; ++seq)
        ledger.observe(cp1, seq, state(seq));
    ledger.observe(cp2, 1, state(1)); // a charger the simulator did not report on
    const auto totals = ledger.compare({{cp1, 2}});
    EXPECT_EQ(totals.unexpected, 2);
    EXPECT_EQ(totals.lost, 0);
}
