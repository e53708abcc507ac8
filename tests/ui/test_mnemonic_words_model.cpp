// MnemonicWordsModel: numbered words read from the phrase in secure memory; clear() empties it.

#include "MnemonicWordsModel.h"
#include "UiTestSupport.h"
#include "crypto/Mnemonic.h"

#include <QAbstractItemModelTester>

namespace ovpp::test {
namespace {

using ui::MnemonicWordsModel;

QVariant value(const MnemonicWordsModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

core::SecretBytes phraseFromEntropy(std::uint8_t fill, std::size_t bytes)
{
    std::vector<std::uint8_t> entropy(bytes, fill);
    auto phrase = core::mnemonic::fromEntropy(entropy);
    EXPECT_TRUE(phrase.ok());
    return std::move(phrase).value();
}

TEST(MnemonicWordsModelTest, NumbersAndWords)
{
    MnemonicWordsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_TRUE(model.isEmpty());
    EXPECT_EQ(model.roleNames().value(MnemonicWordsModel::NumberRole), QByteArray("number"));
    EXPECT_EQ(model.roleNames().value(MnemonicWordsModel::WordRole), QByteArray("word"));

    // The BIP39 vector for zero entropy: "abandon" ×11, "about".
    model.setPhrase(phraseFromEntropy(0, 16));
    ASSERT_EQ(model.rowCount(), 12);
    const QStringList expected = goldenMnemonic().split(QLatin1Char(' '));
    for (int row = 0; row < 12; ++row) {
        EXPECT_EQ(value(model, row, "number").toInt(), row + 1);
        EXPECT_EQ(value(model, row, "word").toString(), expected[row]);
    }
    EXPECT_EQ(model.wordAt(11), std::string_view("about"));
    EXPECT_EQ(model.wordAt(12), std::string_view());

    model.setPhrase(phraseFromEntropy(0xff, 32));
    ASSERT_EQ(model.rowCount(), 24);
    EXPECT_EQ(value(model, 0, "word").toString(), QStringLiteral("zoo"));
    EXPECT_EQ(value(model, 23, "word").toString(), QStringLiteral("vote"));

    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.phrase().empty());
    EXPECT_EQ(model.wordAt(0), std::string_view());
}

} // namespace
} // namespace ovpp::test
