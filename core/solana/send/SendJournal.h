#pragma once

// The send journal: one SQLite file (WAL, synchronous=FULL) holding every signed transaction
// before its bytes leave the machine. Whatever happens afterwards (a lost answer, a crash, a
// power cut), the journal knows the signature and the exact bytes, so the send can be followed
// to a final state — and re-broadcast verbatim, which can never make the money move twice
// (one signature lands at most once).
//
// Threading: use a journal from the thread that opened it. Each instance has its own
// connection, so two processes (or two instances) may open the same file.

#include "PendingSend.h"
#include "common/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ovpp::core {

class SendJournal
{
public:
    explicit SendJournal(const QString &path);
    ~SendJournal();
    SendJournal(const SendJournal &) = delete;
    SendJournal &operator=(const SendJournal &) = delete;

    QString path() const { return m_path; }
    // Opens (creating if needed) the file and its schema. IoError when it cannot.
    Result<void> open();
    bool isOpen() const { return m_open; }

    // Records a new signed send; committed (and synced) when this returns ok. AlreadyExists for
    // a signature already journaled.
    Result<void> insert(const PendingSend &send);
    // Stores the state, error, slot and broadcast count of `send` (matched by signature) and
    // stamps updatedAt. NotFound when the signature is not journaled.
    Result<void> update(const PendingSend &send);

    Result<std::optional<PendingSend>> find(const QString &signature) const;
    // Sends not in a final state (Signed, Sent, Processed, Confirmed), oldest first: what a
    // restarted app must follow up.
    Result<QList<PendingSend>> pending() const;
    Result<QList<PendingSend>> all() const;

private:
    Result<QList<PendingSend>> select(const QString &where, const QString &bind) const;

    QString m_path;
    QString m_connection;
    bool m_open = false;
};

} // namespace ovpp::core
