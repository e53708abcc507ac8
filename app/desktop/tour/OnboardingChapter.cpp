// The first-run pages, the import path chooser, creating the vault, and the lock screen.

#include "TourDriver.h"

#include <QAbstractItemModel>
#include <QMetaObject>

namespace ovpp::app {

namespace {

// The BIP39 test mnemonic from the published vectors: public, holds nothing, used here only so
// the path chooser has real candidates to show.
constexpr auto TestMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon "
                              "abandon abandon abandon about";
// Protects a throw-away vault in a temporary directory; not a secret.
constexpr auto TourPassword = "screenshot-tour-password";

// The view models' enums, by value.
constexpr int WalletNoWallet = 0;
constexpr int WalletLocked = 1;
constexpr int WalletUnlocked = 2;
constexpr int ModeCreate = 0;
constexpr int ModeImportWords = 1;
constexpr int ModeWatch = 4;

int walletState(QObject *wallet)
{
    return wallet->property("state").toInt();
}

bool firstRun(TourDriver &tour, QObject *onboarding)
{
    tour.capture(QStringLiteral("welcome"));

    onboarding->setProperty("mode", ModeCreate);
    QMetaObject::invokeMethod(onboarding, "generateMnemonic");
    tour.capture(QStringLiteral("create-words"));
    tour.capture(QStringLiteral("create-quiz"));
    tour.capture(QStringLiteral("password"));

    onboarding->setProperty("mode", ModeWatch);
    tour.capture(QStringLiteral("watch"));

    onboarding->setProperty("mode", ModeImportWords);
    tour.capture(QStringLiteral("import-keypair"));
    tour.capture(QStringLiteral("import-secret"));
    tour.capture(QStringLiteral("import-words"));

    bool accepted = false;
    QMetaObject::invokeMethod(onboarding, "setImportWords", Q_RETURN_ARG(bool, accepted),
                              Q_ARG(QString, QString::fromLatin1(TestMnemonic)),
                              Q_ARG(QString, QString()));
    if (!accepted) {
        return tour.fail(QStringLiteral("the test mnemonic was refused: %1")
                             .arg(onboarding->property("errorText").toString()))
            == 0;
    }
    const auto *candidates = onboarding->property("pathCandidates").value<QAbstractItemModel *>();
    if (!TourDriver::waitFor([&] {
            return !onboarding->property("busy").toBool() && candidates
                && candidates->rowCount() > 0;
        })) {
        return tour.fail(QStringLiteral("no path candidates for the test mnemonic")) == 0;
    }
    tour.capture(QStringLiteral("import-path"));
    return true;
}

void openWallet(TourDriver &tour, QObject *onboarding, QObject *wallet)
{
    // Create the vault from the imported words, as the password page's button does.
    if (!tour.showPage(QStringLiteral("password"))) {
        tour.fail(QStringLiteral("cannot return to the password page"));
        return;
    }
    QMetaObject::invokeMethod(onboarding, "finish",
                              Q_ARG(QString, QString::fromLatin1(TourPassword)));
    if (!TourDriver::waitFor([&] { return walletState(wallet) == WalletUnlocked; })) {
        tour.fail(QStringLiteral("the wallet was not created: %1")
                      .arg(onboarding->property("errorText").toString()));
        return;
    }

    // A second account, so the accounts list and switcher have something to switch between.
    QMetaObject::invokeMethod(wallet, "addAccount", Q_ARG(QString, QStringLiteral("Savings")));
    TourDriver::waitFor([&] { return !wallet->property("busy").toBool(); });
    wallet->setProperty("currentIndex", 0);

    QMetaObject::invokeMethod(wallet, "lock");
    if (!TourDriver::waitFor([&] { return walletState(wallet) == WalletLocked; })) {
        tour.fail(QStringLiteral("the wallet did not lock"));
        return;
    }
    tour.capture(QStringLiteral("lock"));

    QMetaObject::invokeMethod(wallet, "unlock", Q_ARG(QString, QString::fromLatin1(TourPassword)));
    if (!TourDriver::waitFor([&] { return walletState(wallet) == WalletUnlocked; })) {
        tour.fail(QStringLiteral("the wallet did not unlock: %1")
                      .arg(wallet->property("errorText").toString()));
    }
}

} // namespace

void runOnboardingChapter(TourDriver &tour)
{
    QObject *wallet = tour.viewModel("wallet");
    QObject *onboarding = tour.viewModel("onboarding");
    if (!wallet || !onboarding) {
        tour.fail(QStringLiteral("AppContext lacks wallet or onboarding"));
        return;
    }
    if (walletState(wallet) != WalletNoWallet) {
        tour.fail(QStringLiteral("the tour needs a data directory without a wallet"));
        return;
    }
    if (firstRun(tour, onboarding))
        openWallet(tour, onboarding, wallet);
}

} // namespace ovpp::app
