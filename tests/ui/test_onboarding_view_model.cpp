// OnboardingViewModel: every first-run path end to end against a real vault — create (words,
// quiz, password), import words (path candidates against golden.json), keypair file, secret
// key, watch-only — and the error text each mistake gets.

#include "AppSettings.h"
#include "OnboardingViewModel.h"
#include "UiTestSupport.h"
#include "WalletViewModel.h"
#include "crypto/Base58.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"
#include "wallet/Wallet.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUrl>

namespace ovpp::test {
namespace {

using ui::OnboardingViewModel;
using ui::WalletViewModel;

QString wordAt(QAbstractItemModel *words, int row)
{
    return words->data(words->index(row, 0), words->roleNames().key("word")).toString();
}

QString roleValue(QAbstractItemModel *model, int row, const QByteArray &role)
{
    return model->data(model->index(row, 0), model->roleNames().key(role)).toString();
}

QStringList allWords(QAbstractItemModel *words)
{
    QStringList list;
    for (int row = 0; row < words->rowCount(); ++row)
        list << wordAt(words, row);
    return list;
}

// The address the words give at m/44'/501'/0'/0', computed here from core, not by the UI.
QString expectedFirstAddress(const QString &phrase)
{
    const QByteArray utf8 = phrase.toUtf8();
    const auto seed
        = core::mnemonic::toSeed(std::span(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                           std::size_t(utf8.size())),
                                 {});
    return core::Keypair::fromBip39Seed(seed.span(), core::DerivationPath()).publicKey().toBase58();
}

bool finishAndWait(UiHarness &harness, const char *password = Password)
{
    QSignalSpy finished(&harness.onboarding(), &OnboardingViewModel::finished);
    harness.onboarding().finish(text(password));
    const bool done = waitUntil([&] { return !harness.onboarding().busy(); });
    EXPECT_TRUE(done);
    EXPECT_EQ(harness.onboarding().errorText(), QString());
    return done && finished.count() == 1 && harness.wallet().state() == WalletViewModel::Unlocked;
}

bool waitForCandidates(OnboardingViewModel &onboarding)
{
    return waitUntil(
        [&] { return !onboarding.busy() && onboarding.pathCandidates()->rowCount() > 0; });
}

class OnboardingViewModelTest : public ::testing::Test
{
protected:
    UiHarness harness;
    OnboardingViewModel &onboarding = harness.onboarding();
    QAbstractItemModelTester wordsTester {onboarding.words(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester pathsTester {onboarding.pathCandidates(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(OnboardingViewModelTest, StartsWithoutAWallet)
{
    EXPECT_EQ(harness.wallet().state(), WalletViewModel::NoWallet);
    EXPECT_FALSE(QFileInfo::exists(harness.vaultPath()));
    EXPECT_EQ(onboarding.words()->rowCount(), 0);
    EXPECT_EQ(onboarding.networks(),
              QStringList({"mainnet-beta", "devnet", "testnet", "localnet"}));
    EXPECT_EQ(onboarding.network(), QStringLiteral("mainnet-beta"));
}

TEST_F(OnboardingViewModelTest, CreateFlowEndToEnd)
{
    onboarding.setMode(OnboardingViewModel::Create);
    QSignalSpy quizChanged(&onboarding, &OnboardingViewModel::quizChanged);

    onboarding.generateMnemonic();
    ASSERT_EQ(onboarding.words()->rowCount(), 12);
    QStringList words = allWords(onboarding.words());
    for (const QString &word : words)
        EXPECT_TRUE(core::mnemonic::englishWords().contains(word)) << word.toStdString();
    EXPECT_EQ(roleValue(onboarding.words(), 0, "number"), QStringLiteral("1"));
    EXPECT_EQ(roleValue(onboarding.words(), 11, "number"), QStringLiteral("12"));

    onboarding.setWordCount(24);
    ASSERT_EQ(onboarding.words()->rowCount(), 24);
    EXPECT_GE(quizChanged.count(), 2);
    words = allWords(onboarding.words());
    // The words are a valid phrase: core accepts them as they are.
    const QByteArray phraseUtf8 = words.join(QLatin1Char(' ')).toUtf8();
    EXPECT_TRUE(core::mnemonic::validate(
                    std::span(reinterpret_cast<const std::uint8_t *>(phraseUtf8.constData()),
                              std::size_t(phraseUtf8.size())))
                    .ok());

    const QList<int> positions = onboarding.quizPositions();
    ASSERT_EQ(positions.size(), OnboardingViewModel::QuizLength);
    for (int i = 0; i < positions.size(); ++i) {
        EXPECT_GE(positions[i], 1);
        EXPECT_LE(positions[i], 24);
        if (i > 0) {
            EXPECT_LT(positions[i - 1], positions[i]); // distinct, in order
        }
    }

    // Quiz: one wrong word, then all right (typed with stray case and spaces).
    QStringList answers;
    for (int position : positions)
        answers << words[position - 1];
    QStringList wrong = answers;
    wrong[1] = words[positions[1] - 1] == QLatin1String("zoo") ? QStringLiteral("abandon")
                                                               : QStringLiteral("zoo");
    EXPECT_FALSE(onboarding.checkQuiz(wrong));
    EXPECT_TRUE(onboarding.errorText().contains(QString::number(positions[1])))
        << onboarding.errorText().toStdString();
    EXPECT_FALSE(onboarding.checkQuiz(answers.mid(0, 2)));
    EXPECT_FALSE(onboarding.errorText().isEmpty());
    QStringList typed;
    for (const QString &answer : answers)
        typed << QStringLiteral(" ") + answer.toUpper() + QStringLiteral(" ");
    EXPECT_TRUE(onboarding.checkQuiz(typed));
    EXPECT_EQ(onboarding.errorText(), QString());

    // Password problems.
    EXPECT_EQ(onboarding.passwordProblem(text("short"), text("short")),
              QStringLiteral("Use at least 8 characters"));
    EXPECT_EQ(onboarding.passwordProblem(text("long enough 1"), text("long enough 2")),
              QStringLiteral("The passwords differ"));
    EXPECT_EQ(onboarding.passwordProblem(text(Password), text(Password)), QString());
    onboarding.finish(text("short"));
    EXPECT_EQ(onboarding.errorText(), QStringLiteral("Use at least 8 characters"));
    EXPECT_EQ(harness.wallet().state(), WalletViewModel::NoWallet);
    EXPECT_FALSE(QFileInfo::exists(harness.vaultPath()));

    ASSERT_TRUE(finishAndWait(harness));
    EXPECT_EQ(onboarding.words()->rowCount(), 0) << "the words are wiped once the vault exists";
    EXPECT_TRUE(onboarding.quizPositions().isEmpty());

    QAbstractItemModel *accounts = harness.wallet().accounts();
    ASSERT_EQ(accounts->rowCount(), 1);
    const QString expected = expectedFirstAddress(words.join(QLatin1Char(' ')));
    EXPECT_EQ(roleValue(accounts, 0, "address"), expected);
    EXPECT_EQ(roleValue(accounts, 0, "kind"), QStringLiteral("derived"));
    EXPECT_EQ(roleValue(accounts, 0, "path"), QStringLiteral("m/44'/501'/0'/0'"));
    EXPECT_EQ(harness.wallet().currentIndex(), 0);
    EXPECT_EQ(harness.wallet().currentAddress(), expected);

    // The vault on disk opens with that password, and holds that account.
    auto reopened = core::Wallet::open(harness.vaultPath(), core::SecretBytes::fromView(Password));
    ASSERT_TRUE(reopened.ok()) << core::describe(reopened.error()).toStdString();
    ASSERT_EQ(reopened->accounts().size(), 1);
    EXPECT_EQ(reopened->accounts().constFirst().address.toBase58(), expected);
}

TEST_F(OnboardingViewModelTest, CreateNeedsTheQuizFirst)
{
    onboarding.setMode(OnboardingViewModel::Create);
    onboarding.generateMnemonic();
    onboarding.finish(text(Password));
    EXPECT_FALSE(onboarding.errorText().isEmpty());
    EXPECT_FALSE(onboarding.busy());
    EXPECT_EQ(harness.wallet().state(), WalletViewModel::NoWallet);
}

TEST_F(OnboardingViewModelTest, ForgetMnemonicWipesTheWords)
{
    onboarding.generateMnemonic();
    ASSERT_EQ(onboarding.words()->rowCount(), 12);
    onboarding.forgetMnemonic();
    EXPECT_EQ(onboarding.words()->rowCount(), 0);
    EXPECT_TRUE(onboarding.quizPositions().isEmpty());
    EXPECT_FALSE(onboarding.checkQuiz({"a", "b", "c"}));
}

TEST_F(OnboardingViewModelTest, ImportWordsOffersTheGoldenAddressesForEachPath)
{
    onboarding.setMode(OnboardingViewModel::ImportWords);
    ASSERT_TRUE(onboarding.setImportWords(goldenMnemonic(), QString()));
    ASSERT_TRUE(waitForCandidates(onboarding));

    const QMap<QString, QString> golden = goldenAddresses();
    QAbstractItemModel *candidates = onboarding.pathCandidates();
    EXPECT_EQ(roleValue(candidates, 0, "path"), QStringLiteral("m/44'/501'/0'/0'"))
        << "the default comes first";
    EXPECT_EQ(roleValue(candidates, 0, "title"), QStringLiteral("Phantom, Solflare (default)"));
    int matched = 0;
    int bip44Row = -1;
    for (int row = 0; row < candidates->rowCount(); ++row) {
        const QString path = roleValue(candidates, row, "path");
        EXPECT_FALSE(roleValue(candidates, row, "title").isEmpty());
        EXPECT_EQ(roleValue(candidates, row, "balance"), QStringLiteral("—"));
        if (path == QLatin1String("m/44'/501'/0'"))
            bip44Row = row;
        if (golden.contains(path)) {
            EXPECT_EQ(roleValue(candidates, row, "address"), golden.value(path))
                << path.toStdString();
            ++matched;
        }
    }
    // Every index-0 scheme with a golden address: bip44Change, bip44, bip44Root and legacy.
    EXPECT_EQ(matched, 4);

    ASSERT_GE(bip44Row, 0);
    QSignalSpy selected(&onboarding, &OnboardingViewModel::selectedPathChanged);
    onboarding.setSelectedPath(bip44Row);
    EXPECT_EQ(onboarding.selectedPath(), bip44Row);
    EXPECT_EQ(selected.count(), 1);
    onboarding.setSelectedPath(candidates->rowCount()); // out of range: ignored
    EXPECT_EQ(onboarding.selectedPath(), bip44Row);

    ASSERT_TRUE(finishAndWait(harness));
    QAbstractItemModel *accounts = harness.wallet().accounts();
    ASSERT_EQ(accounts->rowCount(), 1);
    EXPECT_EQ(roleValue(accounts, 0, "address"), golden.value(QStringLiteral("m/44'/501'/0'")));
    EXPECT_EQ(roleValue(accounts, 0, "path"), QStringLiteral("m/44'/501'/0'"));
    EXPECT_EQ(onboarding.pathCandidates()->rowCount(), 0) << "forgotten after finishing";
}

TEST_F(OnboardingViewModelTest, ImportWordsWithPassphraseGivesOtherAddresses)
{
    ASSERT_TRUE(onboarding.setImportWords(goldenMnemonic(), QStringLiteral("TREZOR")));
    ASSERT_TRUE(waitForCandidates(onboarding));
    const QString address = roleValue(onboarding.pathCandidates(), 0, "address");
    EXPECT_FALSE(address.isEmpty());
    EXPECT_NE(address, goldenAddresses().value(QStringLiteral("m/44'/501'/0'/0'")));
}

TEST_F(OnboardingViewModelTest, ImportWordsExplainsEachMistake)
{
    EXPECT_FALSE(onboarding.setImportWords(QStringLiteral("   "), QString()));
    const QString empty = onboarding.errorText();
    EXPECT_FALSE(empty.isEmpty());

    EXPECT_FALSE(onboarding.setImportWords(QStringLiteral("abandon abandon"), QString()));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("has 2")))
        << onboarding.errorText().toStdString();

    QStringList words = goldenMnemonic().split(QLatin1Char(' '));
    words[4] = QStringLiteral("abandn");
    EXPECT_FALSE(onboarding.setImportWords(words.join(QLatin1Char(' ')), QString()));
    EXPECT_EQ(onboarding.errorText(),
              QStringLiteral("Word 5 “abandn” is not in the word list — did you mean “abandon”?"));

    words[4] = QStringLiteral("qqqqqqq");
    EXPECT_FALSE(onboarding.setImportWords(words.join(QLatin1Char(' ')), QString()));
    EXPECT_TRUE(onboarding.errorText().startsWith(QStringLiteral("Word 5 “qqqqqqq”")))
        << onboarding.errorText().toStdString();
    EXPECT_FALSE(onboarding.errorText().contains(QLatin1String("did you mean")));

    const QString badChecksum = QStringList(12, QStringLiteral("abandon")).join(QLatin1Char(' '));
    EXPECT_FALSE(onboarding.setImportWords(badChecksum, QString()));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("order")))
        << onboarding.errorText().toStdString();

    EXPECT_EQ(onboarding.pathCandidates()->rowCount(), 0);
    onboarding.setMode(OnboardingViewModel::ImportWords);
    onboarding.finish(text(Password));
    EXPECT_FALSE(onboarding.errorText().isEmpty());
    EXPECT_EQ(harness.wallet().state(), WalletViewModel::NoWallet);
}

TEST_F(OnboardingViewModelTest, ImportKeypairFile)
{
    const QString path = harness.tempPath(QStringLiteral("id.json"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(goldenKeypairJson());
    }
    const QString expected = goldenAddresses().value(QStringLiteral("m/44'/501'/0'/0'"));

    EXPECT_FALSE(onboarding.setImportKeypairFile(
        QUrl::fromLocalFile(harness.tempPath(QStringLiteral("missing.json")))));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("does not exist")));

    const QString garbage = harness.tempPath(QStringLiteral("garbage.json"));
    {
        QFile file(garbage);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("[1,2,3]");
    }
    EXPECT_FALSE(onboarding.setImportKeypairFile(QUrl::fromLocalFile(garbage)));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("not a Solana keypair file")));

    // The public half of another key: damaged.
    QJsonArray numbers = QJsonDocument::fromJson(goldenKeypairJson()).array();
    numbers[63] = (numbers[63].toInt() + 1) % 256;
    const QString mismatched = harness.tempPath(QStringLiteral("mismatched.json"));
    {
        QFile file(mismatched);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(numbers).toJson(QJsonDocument::Compact));
    }
    EXPECT_FALSE(onboarding.setImportKeypairFile(QUrl::fromLocalFile(mismatched)));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("damaged")));

    onboarding.setMode(OnboardingViewModel::ImportKeypair);
    ASSERT_TRUE(onboarding.setImportKeypairFile(QUrl::fromLocalFile(path)));
    EXPECT_EQ(onboarding.errorText(), QString());
    ASSERT_TRUE(finishAndWait(harness));
    QAbstractItemModel *accounts = harness.wallet().accounts();
    ASSERT_EQ(accounts->rowCount(), 1);
    EXPECT_EQ(roleValue(accounts, 0, "address"), expected);
    EXPECT_EQ(roleValue(accounts, 0, "kind"), QStringLiteral("imported"));
    EXPECT_EQ(roleValue(accounts, 0, "kindText"), QStringLiteral("Imported"));
    EXPECT_EQ(roleValue(accounts, 0, "path"), QString());
}

TEST_F(OnboardingViewModelTest, ImportSecretKey)
{
    const QJsonArray numbers = QJsonDocument::fromJson(goldenKeypairJson()).array();
    QByteArray secret;
    for (const QJsonValue &n : numbers)
        secret.append(char(n.toInt()));
    const QString base58 = core::base58::encode(std::span(
        reinterpret_cast<const std::uint8_t *>(secret.constData()), std::size_t(secret.size())));

    EXPECT_FALSE(onboarding.setImportSecret(QString()));
    EXPECT_FALSE(onboarding.errorText().isEmpty());
    EXPECT_FALSE(onboarding.setImportSecret(QStringLiteral("0OIl not base58")));
    EXPECT_TRUE(onboarding.errorText().contains(QLatin1String("base58")));

    onboarding.setMode(OnboardingViewModel::ImportSecret);
    ASSERT_TRUE(onboarding.setImportSecret(QStringLiteral("  ") + base58 + QStringLiteral("\n")));
    ASSERT_TRUE(finishAndWait(harness));
    ASSERT_EQ(harness.wallet().accounts()->rowCount(), 1);
    EXPECT_EQ(harness.wallet().currentAddress(),
              goldenAddresses().value(QStringLiteral("m/44'/501'/0'/0'")));
    EXPECT_FALSE(harness.wallet().currentIsWatchOnly());
}

TEST_F(OnboardingViewModelTest, WatchAnAddress)
{
    const QString address = goldenAddresses().value(QStringLiteral("m/44'/501'/1'/0'"));
    onboarding.setMode(OnboardingViewModel::Watch);

    EXPECT_FALSE(onboarding.setWatchAddress(QStringLiteral("not-an-address")));
    const QString error = onboarding.errorText();
    EXPECT_TRUE(error.contains(QLatin1String("not a valid Solana address"))) << error.toStdString();
    EXPECT_FALSE(onboarding.setWatchAddress(address.left(20)));
    EXPECT_FALSE(onboarding.errorText().isEmpty());
    onboarding.finish(text(Password));
    EXPECT_EQ(harness.wallet().state(), WalletViewModel::NoWallet);

    ASSERT_TRUE(onboarding.setWatchAddress(QStringLiteral(" ") + address));
    EXPECT_EQ(onboarding.errorText(), QString());
    ASSERT_TRUE(finishAndWait(harness));
    QAbstractItemModel *accounts = harness.wallet().accounts();
    ASSERT_EQ(accounts->rowCount(), 1);
    EXPECT_EQ(roleValue(accounts, 0, "address"), address);
    EXPECT_EQ(roleValue(accounts, 0, "kind"), QStringLiteral("watch"));
    EXPECT_EQ(roleValue(accounts, 0, "kindText"), QStringLiteral("Watch-only"));
    EXPECT_TRUE(harness.wallet().currentIsWatchOnly());
    // Still an encrypted vault: addresses are private too.
    EXPECT_FALSE(core::Wallet::open(harness.vaultPath(), core::SecretBytes::fromView("x")).ok());
}

TEST_F(OnboardingViewModelTest, NetworkChoiceIsPersisted)
{
    QSignalSpy changed(&onboarding, &OnboardingViewModel::networkChanged);
    onboarding.setNetwork(QStringLiteral("no-such-cluster"));
    EXPECT_EQ(onboarding.network(), QStringLiteral("mainnet-beta"));
    onboarding.setNetwork(QStringLiteral("devnet"));
    EXPECT_EQ(onboarding.network(), QStringLiteral("devnet"));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(ui::AppSettings().network(), QStringLiteral("devnet"));

    ui::OnboardingViewModel again(harness.services().session());
    EXPECT_EQ(again.network(), QStringLiteral("devnet"));
}

TEST_F(OnboardingViewModelTest, ModeAndWordCountRejectNonsense)
{
    QSignalSpy modeChanged(&onboarding, &OnboardingViewModel::modeChanged);
    onboarding.setMode(OnboardingViewModel::Watch);
    onboarding.setMode(OnboardingViewModel::Watch);
    EXPECT_EQ(modeChanged.count(), 1);
    onboarding.setWordCount(13);
    EXPECT_EQ(onboarding.wordCount(), 12);
    onboarding.setWordCount(24);
    EXPECT_EQ(onboarding.wordCount(), 24);
    onboarding.generateMnemonic();
    EXPECT_EQ(onboarding.words()->rowCount(), 24);
}

} // namespace
} // namespace ovpp::test
