// AccountsModel: roles as the contract names them, and updates that keep views in place
// (dataChanged for a rename, a reset only when the set of accounts changes).

#include "AccountsModel.h"
#include "UiTestSupport.h"
#include "crypto/Keypair.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace ovpp::test {
namespace {

using ui::AccountsModel;

core::AccountInfo account(const QString &id, const QString &label, core::AccountKind kind,
                          std::uint8_t seedByte)
{
    std::array<std::uint8_t, 32> seed {};
    seed.fill(seedByte);
    core::AccountInfo info;
    info.id = id;
    info.label = label;
    info.kind = kind;
    info.address = core::Keypair::fromSeed(seed).publicKey();
    if (kind == core::AccountKind::Derived) {
        info.seedIndex = 0;
        info.path = core::DerivationPath::forScheme(core::DerivationPath::Scheme::Bip44Change, 2);
    }
    return info;
}

QVariant value(const AccountsModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

TEST(AccountsModelTest, RolesFollowTheContract)
{
    AccountsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<QByteArray> roles = model.roleNames().values();
    for (const char *role : {"label", "address", "shortAddress", "kind", "kindText", "path"})
        EXPECT_TRUE(roles.contains(role)) << role;

    const QList<core::AccountInfo> accounts {
        account("a", "Main", core::AccountKind::Derived, 1),
        account("b", "Cold", core::AccountKind::Imported, 2),
        account("c", "Fleet", core::AccountKind::WatchOnly, 3),
    };
    model.setAccounts(accounts);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(value(model, 0, "label").toString(), QStringLiteral("Main"));
    EXPECT_EQ(value(model, 0, "address").toString(), accounts[0].address.toBase58());
    EXPECT_EQ(value(model, 0, "shortAddress").toString(), accounts[0].address.redacted());
    EXPECT_EQ(value(model, 0, "path").toString(), QStringLiteral("m/44'/501'/2'/0'"));
    EXPECT_EQ(value(model, 1, "path").toString(), QString());
    EXPECT_EQ(value(model, 2, "path").toString(), QString());
    EXPECT_EQ(value(model, 0, "kind").toString(), QStringLiteral("derived"));
    EXPECT_EQ(value(model, 1, "kind").toString(), QStringLiteral("imported"));
    EXPECT_EQ(value(model, 2, "kind").toString(), QStringLiteral("watch"));
    EXPECT_EQ(value(model, 0, "kindText").toString(), QStringLiteral("Derived"));
    EXPECT_EQ(value(model, 2, "kindText").toString(), QStringLiteral("Watch-only"));
    EXPECT_FALSE(model.data(model.index(0, 0), Qt::UserRole + 100).isValid());
    EXPECT_EQ(model.at(3), nullptr);
    EXPECT_EQ(model.at(-1), nullptr);
}

TEST(AccountsModelTest, RenameIsADataChangeAndNewAccountsAReset)
{
    AccountsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<core::AccountInfo> accounts {account("a", "Main", core::AccountKind::Derived, 1),
                                       account("b", "Cold", core::AccountKind::Imported, 2)};
    model.setAccounts(accounts);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    accounts[1].label = QStringLiteral("Savings");
    model.setAccounts(accounts);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(changes.count(), 1);
    EXPECT_EQ(value(model, 1, "label").toString(), QStringLiteral("Savings"));

    accounts.append(account("c", "Fleet", core::AccountKind::WatchOnly, 3));
    model.setAccounts(accounts);
    EXPECT_EQ(resets.count(), 1);
    EXPECT_EQ(model.rowCount(), 3);

    model.setAccounts({});
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
} // namespace ovpp::test
