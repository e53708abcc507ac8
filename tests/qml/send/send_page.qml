import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui

// The send page as a person uses it: unlock, open Send, a wrong address shows an error and
// keeps Review disabled, a right one with an amount goes to the review with the network's fee
// and simulation; Edit goes back to the form.
TestCase {
    id: testCase

    property var window: null
    readonly property string recipient: "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM"

    function find(name) {
        const item = findChild(window.contentItem, name)
        verify(item, "no item named " + name + " on page " + window.currentPage)
        return item
    }
    function click(name) {
        const item = find(name)
        tryVerify(() => item.visible && item.enabled, 10000, name + " is not clickable")
        mouseClick(item)
    }
    function typeInto(name, text) {
        const field = find(name)
        mouseClick(field)
        tryVerify(() => field.activeFocus, 5000, name + " did not take the keyboard")
        field.selectAll()
        keyClick(Qt.Key_Delete)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
        compare(field.text, text)
    }

    name: "SendPage"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }

    function initTestCase() {
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
        AppContext.wallet.unlock("send-page-test-password")
        tryVerify(() => AppContext.wallet.state === WalletViewModel.Unlocked, 30000)
        verify(window.showPage("send"))
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_1_invalid_address_shows_an_error() {
        const error = find("recipientError")
        verify(!error.visible)
        typeInto("amountField", "0.25")
        typeInto("recipientField", "not-a-solana-address")
        tryVerify(() => error.visible, 5000, "no address error")
        compare(error.text, AppContext.send.recipientError)
        verify(!find("reviewButton").enabled)
    }

    function test_2_valid_address_goes_to_the_review() {
        // A valid address that is not one of ours (no account yet: the send creates it).
        typeInto("recipientField", testCase.recipient)
        tryVerify(() => !find("recipientError").visible, 5000)
        verify(find("recipientWarning").visible) // first-time recipient
        click("reviewButton")
        const review = find("reviewCard")
        tryVerify(() => review.visible, 60000, "no review: " + AppContext.send.flow.errorText)
        verify(!find("formCard").visible)
        compare(find("reviewAmount").text, "0.25 SOL")
        compare(find("reviewFee").text, AppContext.send.flow.feeText)
        verify(find("reviewFee").text.length > 0, "no fee: " + AppContext.send.flow.simulationLogs)
        verify(find("simulationBanner").visible)
        compare(find("simulationBanner").kind, "info")
        verify(find("sendButton").enabled)
    }

    function test_3_edit_returns_to_the_form() {
        click("editButton")
        tryVerify(() => find("formCard").visible, 5000)
        compare(find("recipientField").text, testCase.recipient)
        compare(AppContext.send.flow.step, SendFlow.Form)
    }
}
