// The send journal on its own: rows survive a reopen, duplicates are refused, pending() lists
// exactly the sends that are not final, and the file runs in WAL mode.
#include "solana/send/SendJournal.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace ovpp::core;

namespace {

PendingSend makeSend(const QString &signature, SendState state)
{
    PendingSend send;
    send.signature = signature;
    send.wire = QByteArray("\x01\x02\x03 wire bytes \xff", 16);
    send.lastValidBlockHeight = 123456789012ULL;
    send.state = state;
    send.fee = 5000;
    send.createdAt = QDateTime::currentDateTimeUtc();
    return send;
}

std::string text(const Result<void> &result)
{
    return result.ok() ? std::string() : result.error().detail.toStdString();
}

} // namespace

TEST(SendJournal, StateNamesRoundTrip)
{
    for (SendState state :
         {SendState::Signed, SendState::Sent, SendState::Processed, SendState::Confirmed,
          SendState::Finalized, SendState::Failed, SendState::Expired}) {
        const auto back = sendStateFromName(sendStateName(state));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, state);
    }
    EXPECT_FALSE(sendStateFromName(u"landed").has_value());
    EXPECT_TRUE(isFinalSendState(SendState::Expired));
    EXPECT_FALSE(isFinalSendState(SendState::Confirmed));
}

TEST(SendJournal, RowsSurviveReopenExactly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sends.sqlite"));
    const PendingSend original = makeSend(QStringLiteral("sigA"), SendState::Signed);
    {
        SendJournal journal(path);
        ASSERT_TRUE(journal.open().ok()) << text(journal.open());
        const auto inserted = journal.insert(original);
        ASSERT_TRUE(inserted.ok()) << text(inserted);
    }
    SendJournal reopened(path);
    ASSERT_TRUE(reopened.open().ok()) << text(reopened.open());
    auto found = reopened.find(QStringLiteral("sigA"));
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    const PendingSend &row = **found;
    EXPECT_EQ(row.wire, original.wire);
    EXPECT_EQ(row.lastValidBlockHeight, original.lastValidBlockHeight);
    EXPECT_EQ(row.state, SendState::Signed);
    EXPECT_EQ(row.fee, original.fee);
    EXPECT_EQ(row.createdAt.toMSecsSinceEpoch(), original.createdAt.toMSecsSinceEpoch());
    auto missing = reopened.find(QStringLiteral("nope"));
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

TEST(SendJournal, DuplicateSignatureIsRefused)
{
    QTemporaryDir dir;
    SendJournal journal(dir.filePath(QStringLiteral("sends.sqlite")));
    ASSERT_TRUE(journal.open().ok()) << text(journal.open());
    ASSERT_TRUE(journal.insert(makeSend(QStringLiteral("sigA"), SendState::Signed)).ok());
    auto again = journal.insert(makeSend(QStringLiteral("sigA"), SendState::Signed));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(journal.all()->size(), 1);
}

TEST(SendJournal, UpdateAndPendingFollowStates)
{
    QTemporaryDir dir;
    SendJournal journal(dir.filePath(QStringLiteral("sends.sqlite")));
    ASSERT_TRUE(journal.open().ok()) << text(journal.open());
    const QStringList signatures {QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"),
                                  QStringLiteral("s4")};
    for (const QString &signature : signatures)
        ASSERT_TRUE(journal.insert(makeSend(signature, SendState::Signed)).ok());

    PendingSend failed = makeSend(QStringLiteral("s2"), SendState::Failed);
    failed.error = QStringLiteral("{\"InstructionError\":[0,{\"Custom\":1}]}");
    failed.slot = 77;
    failed.broadcasts = 3;
    ASSERT_TRUE(journal.update(failed).ok());
    ASSERT_TRUE(journal.update(makeSend(QStringLiteral("s3"), SendState::Expired)).ok());
    ASSERT_TRUE(journal.update(makeSend(QStringLiteral("s4"), SendState::Confirmed)).ok());

    auto pending = journal.pending();
    ASSERT_TRUE(pending.ok());
    QStringList pendingSignatures;
    for (const PendingSend &send : pending.value())
        pendingSignatures.append(send.signature);
    EXPECT_EQ(pendingSignatures, (QStringList {QStringLiteral("s1"), QStringLiteral("s4")}));

    auto row = journal.find(QStringLiteral("s2"));
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_EQ((*row)->state, SendState::Failed);
    EXPECT_EQ((*row)->error, failed.error);
    EXPECT_EQ((*row)->slot, 77u);
    EXPECT_EQ((*row)->broadcasts, 3);

    auto unknown = journal.update(makeSend(QStringLiteral("s9"), SendState::Sent));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST(SendJournal, UsesWriteAheadLog)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sends.sqlite"));
    SendJournal journal(path);
    ASSERT_TRUE(journal.open().ok()) << text(journal.open());
    ASSERT_TRUE(journal.insert(makeSend(QStringLiteral("sigW"), SendState::Signed)).ok());
    // Read the mode back through an independent connection: WAL is a property of the file.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("journal-mode-check"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA journal_mode")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("wal"));
        QSqlQuery rows(db);
        ASSERT_TRUE(rows.exec(QStringLiteral("SELECT count(*) FROM sends")));
        ASSERT_TRUE(rows.next());
        EXPECT_EQ(rows.value(0).toInt(), 1); // committed, visible to another connection
    }
    QSqlDatabase::removeDatabase(QStringLiteral("journal-mode-check"));
}

TEST(SendJournal, UnopenableFileIsAnIoError)
{
    QTemporaryDir dir;
    SendJournal journal(dir.filePath(QStringLiteral("no/such/dir/sends.sqlite")));
    auto opened = journal.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::IoError);
    EXPECT_FALSE(journal.insert(makeSend(QStringLiteral("x"), SendState::Signed)).ok());
}
