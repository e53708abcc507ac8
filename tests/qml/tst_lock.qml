import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// The lock screen: Ctrl+L locks, a wrong password shows the error and leaves it locked, the
// right one opens the wallet; the field never keeps what was typed.
TestCase {
    id: testCase

    readonly property string password: "lock screen password"
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

    name: "LockScreen"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function initTestCase() {
        // A wallet to lock, made through the view model (the first-run pages have their own tests).
        const onboarding = AppContext.onboarding
        onboarding.mode = OnboardingViewModel.Watch
        verify(onboarding.setWatchAddress(Golden.key_derivation.solana_paths.derived[1].address))
        onboarding.finish(password)
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)

        // Lives for all the test functions of this file, so they can continue one flow.
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
        tryCompare(window, "currentPage", "wallet")
    }

    function test_1_ctrl_l_locks() {
        keySequence("Ctrl+L")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Locked, 10000)
        tryCompare(window, "currentPage", "lock")
        verify(!find("errorBanner").visible)
        // The shell is gone: nothing of the open wallet stays on screen.
        verify(!findChild(window.contentItem, "addressText"))
    }

    function test_2_wrong_password_shows_the_error() {
        const field = find("passwordField")
        tryVerify(() => field.activeFocus, 5000, "the password field should have the cursor")
        verify(!find("unlockButton").enabled)
        type("not the password")
        verify(find("unlockButton").enabled)
        keyClick(Qt.Key_Return)
        compare(field.text, "")

        const banner = find("errorBanner")
        tryVerify(() => banner.visible, 30000, "no error after a wrong password")
        verify(AppContext.wallet.errorText.length > 0)
        compare(findChild(banner, "bannerText").text, AppContext.wallet.errorText)
        compare(AppContext.wallet.state, WalletViewModel.Locked)
        compare(window.currentPage, "lock")
    }

    function test_3_right_password_opens_the_wallet() {
        const field = find("passwordField")
        tryVerify(() => field.enabled && field.activeFocus, 30000)
        type(password)
        click("unlockButton")
        compare(field.text, "")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        tryCompare(window, "currentPage", "wallet")
        compare(AppContext.wallet.errorText, "")
    }
}
