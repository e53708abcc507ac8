// mnemonichints: counting words, finding the first word outside the list, and the suggestion.

#include "MnemonicHints.h"
#include "UiTestSupport.h"

namespace ovpp::test {
namespace {

namespace hints = ui::mnemonichints;

TEST(MnemonicHintsTest, CountsWordsSeparatedByAnyWhitespace)
{
    EXPECT_EQ(hints::countWords(""), 0);
    EXPECT_EQ(hints::countWords("   \n\t"), 0);
    EXPECT_EQ(hints::countWords("abandon"), 1);
    EXPECT_EQ(hints::countWords("  abandon\tabout\n  zoo  "), 3);
}

TEST(MnemonicHintsTest, FindsTheFirstUnknownWord)
{
    EXPECT_FALSE(hints::firstUnknownWord("abandon ABOUT zoo").has_value())
        << "case does not matter";

    const auto typo = hints::firstUnknownWord("abandon  abandon abandn zoo qqq");
    ASSERT_TRUE(typo.has_value());
    EXPECT_EQ(typo->position, 3);
    EXPECT_EQ(typo->typed, QStringLiteral("abandn"));
    EXPECT_EQ(typo->suggestion, QStringLiteral("abandon"));

    const auto nonsense = hints::firstUnknownWord("zoo qqqqqqqqq");
    ASSERT_TRUE(nonsense.has_value());
    EXPECT_EQ(nonsense->position, 2);
    EXPECT_EQ(nonsense->suggestion, QString());

    const auto tooLong = hints::firstUnknownWord("abandonabandonabandonabandon");
    ASSERT_TRUE(tooLong.has_value());
    EXPECT_EQ(tooLong->position, 1);
}

TEST(MnemonicHintsTest, SuggestsTheClosestWord)
{
    EXPECT_EQ(hints::closestWord(u"abou"), QStringLiteral("about"));
    EXPECT_EQ(hints::closestWord(u"zo"), QStringLiteral("zoo"));
    EXPECT_EQ(hints::closestWord(u"xylophone"), QString());
}

} // namespace
} // namespace ovpp::test
