import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui

// First run, create: the words show in a numbered grid, leaving forgets them, the quiz refuses
// wrong words and takes the right ones (read off the screen, as a person would), then the
// password creates a wallet with one derived account.
TestCase {
    id: testCase

    property var window: null
    property var shownWords: []

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
    // The words as the grid shows them, by number.
    function readGrid(count) {
        const words = []
        for (let n = 1; n <= count; ++n) {
            const cell = find("word" + n)
            verify(cell.visible)
            compare(cell.number, n)
            verify(/^[a-z]+$/.test(cell.word), "word " + n + " is " + cell.word)
            words[n] = cell.word
        }
        verify(!findChild(window.contentItem, "word" + (count + 1)))
        return words
    }

    name: "CreateOnboarding"
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

    function test_1_words_grid_and_leaving_forgets_them() {
        click("createChoice")
        compare(window.currentPage, "create-words")
        compare(AppContext.onboarding.mode, OnboardingViewModel.Create)
        const first = readGrid(AppContext.onboarding.wordCount)

        click("words24")
        tryCompare(AppContext.onboarding, "wordCount", 24)
        readGrid(24)
        click("words12")
        tryCompare(AppContext.onboarding, "wordCount", 12)
        readGrid(12)

        click("backButton")
        compare(window.currentPage, "welcome")
        compare(AppContext.onboarding.words.rowCount(), 0)
    }

    function test_2_continue_needs_the_written_down_box() {
        click("createChoice")
        compare(window.currentPage, "create-words")
        shownWords = readGrid(12)
        const next = find("continueButton")
        verify(!next.enabled)
        click("writtenCheck")
        verify(next.enabled)
        click("continueButton")
        compare(window.currentPage, "create-quiz")
    }

    function test_3_quiz_refuses_wrong_words() {
        const positions = AppContext.onboarding.quizPositions
        compare(positions.length, 3)
        for (let i = 0; i < positions.length; ++i)
            typeInto("quizField" + i, "wrong")
        click("continueButton")
        const banner = find("errorBanner")
        tryVerify(() => banner.visible, 5000, "no error for wrong words")
        compare(window.currentPage, "create-quiz")
    }

    function test_4_quiz_takes_the_words_from_the_grid() {
        const positions = AppContext.onboarding.quizPositions
        for (let i = 0; i < positions.length; ++i) {
            find("quizField" + i).clear()
            typeInto("quizField" + i, shownWords[positions[i]])
        }
        click("continueButton")
        tryCompare(window, "currentPage", "password")
    }

    function test_5_password_creates_the_wallet() {
        compare(find("finishButton").text, qsTr("Create wallet"))
        typeInto("passwordField", "create flow password")
        typeInto("confirmField", "create flow password")
        click("finishButton")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        tryCompare(window, "currentPage", "wallet")
        compare(AppContext.wallet.accounts.rowCount(), 1)
        verify(!AppContext.wallet.currentIsWatchOnly)
        verify(find("addressText").text.length >= 32)
        // The words are gone from memory once the flow is over.
        compare(AppContext.onboarding.words.rowCount(), 0)
    }
}
