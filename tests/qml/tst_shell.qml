import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// The open wallet: Ctrl+1…6 and the rail switch pages, Tab reaches every control, accounts can
// be added, chosen and renamed, the theme switches, a wrong current password is refused, and
// Lock locks.
TestCase {
    id: testCase

    readonly property string password: "shell test password"
    readonly property var pages: ["wallet", "devices", "fleet", "rewards", "inspect", "settings"]
    property var window: null

    function find(name, parentItem) {
        const item = findChild(parentItem || window.contentItem, name)
        verify(item, "no item named " + name + " on page " + window.currentPage)
        return item
    }
    function click(name, parentItem) {
        const item = find(name, parentItem)
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
    }
    function addressAt(path) {
        const all = Golden.key_derivation.solana_paths.derived
        return all.find(d => d.path === path).address
    }

    name: "Shell"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function initTestCase() {
        // A wallet from the published test words, made through the view model.
        const onboarding = AppContext.onboarding
        onboarding.mode = OnboardingViewModel.ImportWords
        verify(onboarding.setImportWords(Golden.key_derivation.solana_paths.mnemonic, ""))
        tryVerify(() => !onboarding.busy && onboarding.pathCandidates.rowCount() > 0, 30000)
        onboarding.selectedPath = 0
        onboarding.finish(password)
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)

        // Lives for all the test functions of this file, so they can continue one flow.
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
        tryCompare(window, "currentPage", "wallet")
    }

    function test_1_shortcuts_switch_pages() {
        for (let i = pages.length; i >= 1; --i) {
            keySequence("Ctrl+" + i)
            tryCompare(window, "currentPage", pages[i - 1])
            verify(find("nav-" + pages[i - 1]).checked)
        }
        compare(window.currentPage, "wallet")
    }

    function test_2_rail_switches_pages_and_says_what_is_not_built() {
        for (const page of ["devices", "fleet", "rewards", "inspect", "settings"]) {
            click("nav-" + page)
            tryCompare(window, "currentPage", page)
            compare(find("pageTitle").text.length > 0, true)
        }
        // Rewards is the one page not built yet, and says so.
        click("nav-rewards")
        tryCompare(window, "currentPage", "rewards")
        verify(find("notBuiltBadge").visible)
        click("nav-wallet")
        tryCompare(window, "currentPage", "wallet")
        compare(find("pageTitle").text, "Wallet")
    }

    function test_3_tab_reaches_every_control() {
        click("nav-wallet")
        const reached = {}
        for (let i = 0; i < 80; ++i) {
            keyClick(Qt.Key_Tab)
            const item = window.activeFocusItem
            if (item && item.objectName.length > 0)
                reached[item.objectName] = true
        }
        for (const name of ["nav-wallet", "nav-devices", "nav-fleet", "nav-rewards", "nav-inspect",
                            "nav-settings", "accountSwitcher", "lockButton", "copyAddressButton",
                            "account0", "renameButton", "newAccountField", "addAccountButton"])
            verify(reached[name], name + " is not reachable with Tab; reached: " + Object.keys(reached))
    }

    function test_4_add_choose_and_rename_accounts() {
        click("nav-wallet")
        compare(AppContext.wallet.accounts.rowCount(), 1)
        compare(find("addressText").text, addressAt("m/44'/501'/0'/0'"))

        typeInto("newAccountField", "Savings")
        click("addAccountButton")
        tryVerify(() => AppContext.wallet.accounts.rowCount() === 2, 30000)
        compare(find("newAccountField").text, "")

        click("account1")
        tryCompare(AppContext.wallet, "currentIndex", 1)
        compare(find("addressText").text, addressAt("m/44'/501'/1'/0'"))
        compare(find("currentLabel").text, "Savings")

        click("renameButton", find("account1"))
        const field = findChild(window.contentItem.parent, "renameField")
        verify(field)
        tryVerify(() => field.visible && field.activeFocus)
        type("Household")  // replaces the selected old name
        keyClick(Qt.Key_Return)
        tryCompare(find("currentLabel"), "text", "Household", 30000)
    }

    function test_5_copy_address_confirms_with_a_toast() {
        click("copyAddressButton")
        const toast = findChild(window, "toast")
        verify(toast)
        tryVerify(() => toast.visible)
        verify(findChild(window.contentItem.parent, "toastText").text.length > 0)
    }

    function test_6_theme_switches() {
        keySequence("Ctrl+6")
        tryCompare(window, "currentPage", "settings")
        click("theme-" + ThemeController.Dark)
        tryCompare(AppContext.theme, "mode", ThemeController.Dark)
        verify(Theme.dark)
        compare(window.color, Theme.background)
        click("theme-" + ThemeController.Light)
        tryCompare(AppContext.theme, "mode", ThemeController.Light)
        verify(!Theme.dark)
        compare(window.color, Theme.background)
    }

    function test_7_wrong_current_password_is_refused() {
        keySequence("Ctrl+6")
        typeInto("currentPasswordField", "not the password")
        typeInto("newPasswordField", "another long password")
        typeInto("confirmPasswordField", "another long password")
        click("changePasswordButton")
        compare(find("currentPasswordField").text, "")
        compare(find("newPasswordField").text, "")
        compare(find("confirmPasswordField").text, "")
        tryVerify(() => find("settingsError").visible, 30000, "no error for a wrong password")
        verify(AppContext.settings.errorText.length > 0)
    }

    function test_8_lock_button_locks() {
        click("lockButton")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Locked, 10000)
        tryCompare(window, "currentPage", "lock")
    }
}
