import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// First run, watch-only: Welcome → Watch → a wrong address shows an error → a right one →
// password → the wallet page shows the watched address.
TestCase {
    id: testCase

    property var window: null

    function find(name) {
        const item = findChild(window.contentItem, name)
        verify(item, "no item named " + name + " on page " + window.currentPage)
        return item
    }
    function click(name) {
        const item = find(name)
        tryVerify(() => item.visible && item.enabled, 5000, name + " is not clickable")
        mouseClick(item)
    }
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    function typeInto(name, text) {
        const field = find(name)
        mouseClick(field)
        tryVerify(() => field.activeFocus, 5000, name + " did not take the keyboard")
        type(text)
        compare(field.text, text)
    }

    name: "WatchOnboarding"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function initTestCase() {
        // Lives for all the test functions of this file, so they can continue one flow.
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
    }

    function test_1_welcome_offers_three_ways() {
        compare(AppContext.wallet.state, WalletViewModel.NoWallet)
        compare(window.currentPage, "welcome")
        verify(find("createChoice").visible)
        verify(find("importChoice").visible)
        verify(find("watchChoice").visible)
        compare(find("networkBox").currentText, AppContext.onboarding.network)
    }

    function test_2_invalid_address_shows_an_error() {
        click("watchChoice")
        compare(window.currentPage, "watch")
        compare(AppContext.onboarding.mode, OnboardingViewModel.Watch)
        const banner = find("errorBanner")
        verify(!banner.visible)

        typeInto("addressField", "not-a-solana-address")
        click("continueButton")

        tryVerify(() => banner.visible, 5000, "no error banner")
        verify(AppContext.onboarding.errorText.length > 0)
        compare(findChild(banner, "bannerText").text, AppContext.onboarding.errorText)
        compare(window.currentPage, "watch")
    }

    function test_3_valid_address_then_password_opens_the_wallet() {
        const address = Golden.key_derivation.solana_paths.derived[0].address
        const field = find("addressField")
        field.clear()
        typeInto("addressField", address)
        click("continueButton")
        tryCompare(window, "currentPage", "password")

        // The view model's verdict on a weak password shows, and the button stays off.
        typeInto("passwordField", "short")
        const problem = find("problemLabel")
        verify(problem.visible)
        compare(problem.text, AppContext.onboarding.passwordProblem("short", ""))
        verify(!find("finishButton").enabled)

        find("passwordField").clear()
        typeInto("passwordField", "a long enough password")
        typeInto("confirmField", "a long enough password")
        verify(find("finishButton").enabled)
        click("finishButton")

        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        tryCompare(window, "currentPage", "wallet")
        tryCompare(find("addressText"), "text", address)
        verify(AppContext.wallet.currentIsWatchOnly)
        compare(AppContext.wallet.accounts.rowCount(), 1)
    }
}
