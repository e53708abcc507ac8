// PasswordPolicy: minimum length in characters (not bytes or UTF-16 units), and matching.

#include "PasswordPolicy.h"
#include "UiTestSupport.h"

namespace ovpp::test {
namespace {

using ui::PasswordPolicy;

TEST(PasswordPolicyTest, Length)
{
    EXPECT_EQ(PasswordPolicy::problem(QString(), QString()), QStringLiteral("Enter a password"));
    EXPECT_EQ(PasswordPolicy::problem(QStringLiteral("1234567"), QStringLiteral("1234567")),
              QStringLiteral("Use at least 8 characters"));
    EXPECT_EQ(PasswordPolicy::problem(QStringLiteral("12345678"), QStringLiteral("12345678")),
              QString());
    // Seven emoji are fourteen UTF-16 units and twenty-eight bytes, but seven characters.
    const QString emoji = QString::fromUtf8("🔋🔋🔋🔋🔋🔋🔋");
    EXPECT_EQ(PasswordPolicy::length(emoji), 7);
    EXPECT_EQ(PasswordPolicy::problem(emoji, emoji), QStringLiteral("Use at least 8 characters"));
    EXPECT_FALSE(PasswordPolicy::problem(QStringLiteral("        ")).isEmpty());
}

TEST(PasswordPolicyTest, ConfirmationMustMatch)
{
    EXPECT_EQ(PasswordPolicy::problem(QStringLiteral("long enough"), QStringLiteral("long enougH")),
              QStringLiteral("The passwords differ"));
    EXPECT_EQ(PasswordPolicy::problem(QStringLiteral("long enough"), QString()),
              QStringLiteral("The passwords differ"));
}

} // namespace
} // namespace ovpp::test
