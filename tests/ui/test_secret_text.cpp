// SecretText: QML text into SecretBytes as UTF-8, wiping the string where that is safe.

#include "SecretText.h"
#include "UiTestSupport.h"

namespace ovpp::test {
namespace {

QByteArray bytesOf(const core::SecretBytes &secret)
{
    return QByteArray(reinterpret_cast<const char *>(secret.data()), qsizetype(secret.size()));
}

TEST(SecretTextTest, EncodesUtf8)
{
    const QString samples[] = {
        QString(),
        QStringLiteral("plain ascii"),
        QString::fromUtf8("pässwörd € 🔋 \xf0\x9f\x98\x80"),
    };
    for (const QString &sample : samples) {
        const QByteArray expected = sample.toUtf8();
        QString copy = sample;
        copy.detach();
        EXPECT_EQ(bytesOf(ui::takeSecretText(copy)), expected);
    }
}

TEST(SecretTextTest, LoneSurrogateBecomesTheReplacementCharacter)
{
    // Cannot be typed, but must not produce invalid UTF-8 either.
    const QString text = QString(QChar(0xD800)) + QStringLiteral("x") + QChar(0xDC00);
    EXPECT_EQ(bytesOf(ui::takeSecretText(text)), QByteArray("\xEF\xBF\xBDx\xEF\xBF\xBD"));
}

TEST(SecretTextTest, WipesAStringNobodyElseHolds)
{
    QString password = QString::fromLatin1("hunter22");
    ASSERT_TRUE(password.isDetached());
    const core::SecretBytes secret = ui::takeSecretText(password);
    EXPECT_EQ(secret.view(), std::string_view("hunter22"));
    EXPECT_EQ(password.size(), 8);
    EXPECT_EQ(password, QString(8, QChar(0)));
}

TEST(SecretTextTest, LeavesSharedAndStaticStringsAlone)
{
    QString original = QString::fromLatin1("hunter22");
    const QString shared = original; // another owner of the same buffer
    const core::SecretBytes secret = ui::takeSecretText(shared);
    EXPECT_EQ(secret.view(), std::string_view("hunter22"));
    EXPECT_EQ(original, QStringLiteral("hunter22"));

    const core::SecretBytes literal = ui::takeSecretText(QStringLiteral("read-only"));
    EXPECT_EQ(literal.view(), std::string_view("read-only"));
}

} // namespace
} // namespace ovpp::test
