#pragma once

// Per-charger bookkeeping of the load run. The simulator (chargepoint.mjs --sequence) makes each
// charger's meter register a sample counter: StartTransaction at 0 Wh, then 1, 2, 3 ... Wh, one
// per MeterValues. The central system applies every message to its ChargerState and emits
// chargerChanged once per handled CALL, so watching the register tells received samples from
// missing ones (a jump of more than 1 is a gap). A MeterValues that comes again (same or older
// sample) leaves the state exactly as it was; such a chargerChanged that changed nothing is
// what the ledger counts as a duplicate, since every other message the simulator sends in a run
// (Heartbeat, StatusNotification, a new sample) changes some field of the fingerprint.

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace ovpp::bench {

struct ChargerTally
{
    qint64 lastSequence = 0; // highest sample seen
    qint64 received = 0; // distinct samples seen
    qint64 gaps = 0; // samples skipped between two seen ones
    qint64 duplicates = 0; // events that changed nothing: a replayed or stale sample
    qint64 events = 0; // chargerChanged events seen
    QByteArray fingerprint; // the state at the last event
};

struct LedgerTotals
{
    qint64 chargers = 0;
    qint64 expected = 0; // samples the simulator sent
    qint64 received = 0;
    qint64 lost = 0; // sent but never seen (gaps and a missing tail)
    qint64 gaps = 0;
    qint64 duplicates = 0;
    qint64 unexpected = 0; // seen but never sent: the ledger or the simulator is wrong
    qint64 events = 0;
};

class SequenceLedger
{
public:
    // One chargerChanged of `chargePointId`: the meter register of its charging connector (if a
    // transaction runs) and a fingerprint of everything else a message can change.
    void observe(const QString &chargePointId, std::optional<qint64> sequence,
                 const QByteArray &fingerprint);

    // Compares with what the simulator says it sent to each charger.
    LedgerTotals compare(const QHash<QString, qint64> &sentPerCharger) const;

    const ChargerTally *tally(const QString &chargePointId) const;
    qint64 received() const { return m_received; }

private:
    QHash<QString, ChargerTally> m_tallies;
    qint64 m_received = 0;
};

} // namespace ovpp::bench
