// PathCandidatesModel: the paths offered for imported words, and the rows' roles.

#include "PathCandidatesModel.h"
#include "UiTestSupport.h"

#include <QAbstractItemModelTester>

namespace ovpp::test {
namespace {

using ui::PathCandidatesModel;

QVariant value(const PathCandidatesModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

TEST(PathCandidatesModelTest, OffersEveryKnownSchemeOnce)
{
    const QList<PathCandidatesModel::Candidate> paths = PathCandidatesModel::knownPaths();
    QStringList texts;
    for (const PathCandidatesModel::Candidate &candidate : paths) {
        EXPECT_FALSE(candidate.title.isEmpty());
        EXPECT_TRUE(candidate.address.isEmpty());
        texts << candidate.path.toString();
    }
    EXPECT_EQ(texts,
              QStringList({"m/44'/501'/0'/0'", "m/44'/501'/0'", "m/44'/501'", "m/44'/501'/0'/0'/0'",
                           "none"}));
}

TEST(PathCandidatesModelTest, Roles)
{
    PathCandidatesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<PathCandidatesModel::Candidate> rows = PathCandidatesModel::knownPaths();
    const QMap<QString, QString> golden = goldenAddresses();
    for (PathCandidatesModel::Candidate &row : rows)
        row.address = golden.value(row.path.toString());
    model.setCandidates(rows);
    ASSERT_EQ(model.rowCount(), rows.size());
    EXPECT_EQ(value(model, 0, "title").toString(), QStringLiteral("Phantom, Solflare (default)"));
    EXPECT_EQ(value(model, 0, "path").toString(), QStringLiteral("m/44'/501'/0'/0'"));
    EXPECT_EQ(value(model, 0, "address").toString(),
              golden.value(QStringLiteral("m/44'/501'/0'/0'")));
    EXPECT_EQ(value(model, 0, "balance").toString(), QStringLiteral("—"));
    EXPECT_EQ(value(model, 4, "path").toString(), QStringLiteral("none"));
    EXPECT_NE(model.at(0), nullptr);
    EXPECT_EQ(model.at(int(rows.size())), nullptr);

    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace ovpp::test
