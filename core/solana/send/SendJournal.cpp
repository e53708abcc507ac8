#include "SendJournal.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace ovpp::core {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error {ErrorCode::IoError,
                  QStringLiteral("send journal: %1: %2").arg(what, error.text())};
}

// SQLite integers are signed 64-bit; heights, slots and fees stay far below 2^63.
qint64 toSql(std::uint64_t value)
{
    return value > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max())
        ? std::numeric_limits<qint64>::max()
        : static_cast<qint64>(value);
}

std::uint64_t fromSql(const QVariant &value)
{
    const qint64 v = value.toLongLong();
    return v < 0 ? 0 : static_cast<std::uint64_t>(v);
}

} // namespace

SendJournal::SendJournal(const QString &path)
    : m_path(path)
    , m_connection(QStringLiteral("ovpp-send-journal-%1").arg(++s_connectionCounter))
{ }

SendJournal::~SendJournal()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<void> SendJournal::open()
{
    if (m_open)
        return {};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    // Another process (the app after a crash, a CLI) may hold the file for a moment.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return sqlError(QStringLiteral("cannot open %1").arg(m_path), db.lastError());
    QSqlQuery query(db);
    // WAL: readers never block the writer. synchronous=FULL: a committed row survives a power
    // cut, which is the whole point — the row must exist before the bytes leave.
    const QStringList statements {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS sends ("
                       " signature TEXT PRIMARY KEY NOT NULL,"
                       " wire_base64 TEXT NOT NULL,"
                       " last_valid_block_height INTEGER NOT NULL,"
                       " state TEXT NOT NULL,"
                       " error TEXT NOT NULL DEFAULT '',"
                       " fee INTEGER NOT NULL DEFAULT 0,"
                       " slot INTEGER NOT NULL DEFAULT 0,"
                       " broadcasts INTEGER NOT NULL DEFAULT 0,"
                       " created_at_ms INTEGER NOT NULL,"
                       " updated_at_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS sends_state ON sends(state)"),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return sqlError(QStringLiteral("cannot prepare %1").arg(m_path), query.lastError());
    }
    m_open = true;
    return {};
}

Result<void> SendJournal::insert(const PendingSend &send)
{
    if (!m_open)
        return Error {ErrorCode::Internal, QStringLiteral("send journal is not open")};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    {
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM sends WHERE signature = ?"));
        exists.addBindValue(send.signature);
        if (!exists.exec())
            return sqlError(QStringLiteral("lookup failed"), exists.lastError());
        if (exists.next())
            return Error {
                ErrorCode::AlreadyExists,
                QStringLiteral("transaction %1 is already journaled").arg(send.signature)};
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO sends (signature, wire_base64, last_valid_block_height, state, error, fee,"
        " slot, broadcasts, created_at_ms, updated_at_ms)"
        " VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?)"));
    query.addBindValue(send.signature);
    query.addBindValue(QString::fromLatin1(send.wire.toBase64()));
    query.addBindValue(toSql(send.lastValidBlockHeight));
    query.addBindValue(sendStateName(send.state));
    query.addBindValue(send.error);
    query.addBindValue(toSql(send.fee));
    query.addBindValue(toSql(send.slot));
    query.addBindValue(send.broadcasts);
    query.addBindValue(send.createdAt.isValid() ? send.createdAt.toMSecsSinceEpoch() : now);
    query.addBindValue(now);
    // Autocommit: the statement is its own transaction, durable when exec() returns.
    if (!query.exec())
        return sqlError(QStringLiteral("cannot record %1").arg(send.signature), query.lastError());
    return {};
}

Result<void> SendJournal::update(const PendingSend &send)
{
    if (!m_open)
        return Error {ErrorCode::Internal, QStringLiteral("send journal is not open")};
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral(
        "UPDATE sends SET state = ?, error = COALESCE(?, ''), slot = ?, broadcasts = ?,"
        " updated_at_ms = ? WHERE signature = ?"));
    query.addBindValue(sendStateName(send.state));
    query.addBindValue(send.error);
    query.addBindValue(toSql(send.slot));
    query.addBindValue(send.broadcasts);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(send.signature);
    if (!query.exec())
        return sqlError(QStringLiteral("cannot update %1").arg(send.signature), query.lastError());
    if (query.numRowsAffected() != 1)
        return Error {ErrorCode::NotFound,
                      QStringLiteral("transaction %1 is not journaled").arg(send.signature)};
    return {};
}

Result<std::optional<PendingSend>> SendJournal::find(const QString &signature) const
{
    auto rows = select(QStringLiteral("WHERE signature = ?"), signature);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<PendingSend>();
    return std::optional<PendingSend>(rows->first());
}

Result<QList<PendingSend>> SendJournal::pending() const
{
    return select(QStringLiteral("WHERE state NOT IN ('finalized', 'failed', 'expired')"), {});
}

Result<QList<PendingSend>> SendJournal::all() const
{
    return select({}, {});
}

Result<QList<PendingSend>> SendJournal::select(const QString &where, const QString &bind) const
{
    if (!m_open)
        return Error {ErrorCode::Internal, QStringLiteral("send journal is not open")};
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT signature, wire_base64, last_valid_block_height, state,"
                                 " error, fee, slot, broadcasts, created_at_ms, updated_at_ms"
                                 " FROM sends %1 ORDER BY created_at_ms, rowid")
                      .arg(where));
    if (!bind.isNull())
        query.addBindValue(bind);
    if (!query.exec())
        return sqlError(QStringLiteral("cannot read"), query.lastError());
    QList<PendingSend> rows;
    while (query.next()) {
        PendingSend send;
        send.signature = query.value(0).toString();
        send.wire = QByteArray::fromBase64(query.value(1).toString().toLatin1());
        send.lastValidBlockHeight = fromSql(query.value(2));
        const auto state = sendStateFromName(query.value(3).toString());
        if (!state)
            return Error {ErrorCode::CorruptFile,
                          QStringLiteral("send journal: unknown state \"%1\" for %2")
                              .arg(query.value(3).toString(), send.signature)};
        send.state = *state;
        send.error = query.value(4).toString();
        send.fee = fromSql(query.value(5));
        send.slot = fromSql(query.value(6));
        send.broadcasts = query.value(7).toInt();
        send.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        send.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        rows.append(send);
    }
    return rows;
}

} // namespace ovpp::core
