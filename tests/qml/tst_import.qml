import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// First run, import by words: bad words are refused with an error; the published test mnemonic
// lists the path candidates with the addresses Phantom and the Solana CLI show; picking one and
// a password opens the wallet on that address.
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
    }
    function derived(path) {
        const all = Golden.key_derivation.solana_paths.derived
        for (let i = 0; i < all.length; ++i) {
            if (all[i].path === path)
                return all[i].address
        }
        fail("no golden address for " + path)
    }

    name: "ImportOnboarding"
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

    function test_1_tabs() {
        click("importChoice")
        compare(window.currentPage, "import-words")
        verify(find("wordsArea").visible)
        click("tab-import-keypair")
        compare(window.currentPage, "import-keypair")
        compare(AppContext.onboarding.mode, OnboardingViewModel.ImportKeypair)
        verify(find("browseButton").visible)
        verify(!find("continueButton").enabled)
        click("tab-import-secret")
        compare(window.currentPage, "import-secret")
        compare(AppContext.onboarding.mode, OnboardingViewModel.ImportSecret)
        verify(find("secretField").visible)
        compare(find("secretField").echoMode, TextInput.Password)
        click("tab-import-words")
        compare(window.currentPage, "import-words")
        compare(AppContext.onboarding.mode, OnboardingViewModel.ImportWords)
    }

    function test_2_bad_secret_is_refused_and_cleared() {
        click("tab-import-secret")
        typeInto("secretField", "NotBase58!")
        click("continueButton")
        tryVerify(() => find("errorBanner").visible, 5000, "no error for a bad secret key")
        compare(find("secretField").text, "")
        compare(window.currentPage, "import-secret")
        click("tab-import-words")
    }

    function test_3_bad_words_are_refused() {
        typeInto("wordsArea", "abandon abandon zzzz")
        click("continueButton")
        tryVerify(() => find("errorBanner").visible, 5000, "no error for bad words")
        compare(window.currentPage, "import-words")
        // What was typed stays, so a typo can be fixed.
        compare(find("wordsArea").text, "abandon abandon zzzz")
    }

    function test_4_path_candidates_and_wallet() {
        find("wordsArea").clear()
        typeInto("wordsArea", Golden.key_derivation.solana_paths.mnemonic)
        click("continueButton")
        tryCompare(window, "currentPage", "import-path")

        const candidates = AppContext.onboarding.pathCandidates
        tryVerify(() => !AppContext.onboarding.busy && candidates.rowCount() > 0, 30000)
        const first = find("pathCandidate0")
        compare(first.path, "m/44'/501'/0'/0'")
        compare(first.address, derived("m/44'/501'/0'/0'"))
        verify(first.checked)

        // Pick another candidate whose address the golden vectors know.
        let pick = -1
        for (let i = 1; i < candidates.rowCount(); ++i) {
            const item = find("pathCandidate" + i)
            if (Golden.key_derivation.solana_paths.derived.some(d => d.path === item.path)) {
                pick = i
                break
            }
        }
        verify(pick > 0, "only one known path among the candidates")
        const chosen = find("pathCandidate" + pick)
        const chosenAddress = chosen.address
        compare(chosenAddress, derived(chosen.path))
        mouseClick(chosen)
        compare(AppContext.onboarding.selectedPath, pick)
        verify(chosen.checked)
        verify(!first.checked)

        click("continueButton")
        tryCompare(window, "currentPage", "password")
        compare(find("finishButton").text, qsTr("Import wallet"))
        typeInto("passwordField", "import flow password")
        typeInto("confirmField", "import flow password")
        click("finishButton")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        tryCompare(window, "currentPage", "wallet")
        tryCompare(find("addressText"), "text", chosenAddress)
    }
}
