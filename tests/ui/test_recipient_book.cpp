// RecipientBook: per-vault persistence of the addresses sent to, and the look-alike rule.
#include "RecipientBook.h"
#include "UiTestSupport.h"

#include <QTemporaryDir>

using ovpp::ui::RecipientBook;

namespace {

const QString A = QStringLiteral("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV");
const QString B = QStringLiteral("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");

TEST(RecipientBook, RemembersPerVaultAcrossInstances)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QUuid vault1 = QUuid::createUuid();
    const QUuid vault2 = QUuid::createUuid();
    {
        RecipientBook book(dir.path());
        EXPECT_FALSE(book.add(A)); // no vault chosen: nothing to remember it in
        book.setVault(vault1);
        EXPECT_TRUE(book.add(A, QStringLiteral("Utility")));
        EXPECT_TRUE(book.add(B));
        EXPECT_TRUE(book.add(A)); // again: keeps its label, no duplicate
        EXPECT_EQ(book.entries().size(), 2);
    }
    RecipientBook book(dir.path());
    book.setVault(vault1);
    ASSERT_EQ(book.entries().size(), 2);
    EXPECT_TRUE(book.contains(A));
    EXPECT_EQ(book.find(A)->label, QStringLiteral("Utility"));
    EXPECT_TRUE(book.contains(B));
    book.setVault(vault2);
    EXPECT_TRUE(book.entries().isEmpty());
    EXPECT_FALSE(book.contains(A));
}

TEST(RecipientBook, LookAlikesShareTheEndsPeopleCompare)
{
    // Same first 4 and last 4, different middle.
    QString sameEnds = A;
    sameEnds[10] = sameEnds[10] == QLatin1Char('x') ? QLatin1Char('y') : QLatin1Char('x');
    EXPECT_TRUE(RecipientBook::looksAlike(sameEnds, A));
    // One edit in the first six and one in the last six.
    QString twoEdits = A;
    twoEdits[1] = QLatin1Char('F');
    twoEdits[twoEdits.size() - 2] = QLatin1Char('u');
    EXPECT_TRUE(RecipientBook::looksAlike(twoEdits, A));
    // Unrelated addresses, the address itself, and short strings are not look-alikes.
    EXPECT_FALSE(RecipientBook::looksAlike(A, B));
    EXPECT_FALSE(RecipientBook::looksAlike(A, A));
    EXPECT_FALSE(RecipientBook::looksAlike(QStringLiteral("abc"), QStringLiteral("abd")));

    EXPECT_EQ(RecipientBook::lookAlike(sameEnds, {B, A}), std::optional<QString>(A));
    EXPECT_EQ(RecipientBook::lookAlike(A, {A, B}), std::nullopt);
    EXPECT_EQ(RecipientBook::lookAlike(B, {A}), std::nullopt);
}

} // namespace
