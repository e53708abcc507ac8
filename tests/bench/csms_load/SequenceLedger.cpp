#include "SequenceLedger.h"

namespace ovpp::bench {

void SequenceLedger::observe(const QString &chargePointId, std::optional<qint64> sequence,
                             const QByteArray &fingerprint)
{
    ChargerTally &t = m_tallies[chargePointId];
    ++t.events;
    if (sequence && *sequence > t.lastSequence) {
        t.gaps += *sequence - t.lastSequence - 1;
        t.lastSequence = *sequence;
        ++t.received;
        ++m_received;
    } else if (t.events > 1 && fingerprint == t.fingerprint) {
        ++t.duplicates;
    }
    t.fingerprint = fingerprint;
}

LedgerTotals SequenceLedger::compare(const QHash<QString, qint64> &sentPerCharger) const
{
    LedgerTotals totals;
    totals.chargers = sentPerCharger.size();
    for (auto it = sentPerCharger.cbegin(); it != sentPerCharger.cend(); ++it) {
        const qint64 sent = it.value();
        const ChargerTally *t = tally(it.key());
        const qint64 received = t ? t->received : 0;
        totals.expected += sent;
        totals.received += received;
        totals.lost += std::max<qint64>(0, sent - received);
        totals.unexpected += std::max<qint64>(0, received - sent);
        if (t) {
            totals.gaps += t->gaps;
            totals.duplicates += t->duplicates;
            totals.events += t->events;
            // A register past what was sent is a sample that was never sent.
            if (t->lastSequence > sent && received <= sent)
                totals.unexpected += t->lastSequence - sent;
        }
    }
    // Chargers the central system heard from that the simulator did not report on.
    for (auto it = m_tallies.cbegin(); it != m_tallies.cend(); ++it) {
        if (!sentPerCharger.contains(it.key())) {
            totals.unexpected += it.value().received;
            totals.duplicates += it.value().duplicates;
            totals.events += it.value().events;
        }
    }
    return totals;
}

const ChargerTally *SequenceLedger::tally(const QString &chargePointId) const
{
    const auto it = m_tallies.constFind(chargePointId);
    return it == m_tallies.cend() ? nullptr : &it.value();
}

} // namespace ovpp::bench
