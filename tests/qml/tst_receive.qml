import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// The wallet page's actions reach Receive; Receive shows the address and its QR, builds a
// Solana Pay link from what is typed, and refuses an amount with too many decimals.
TestCase {
    id: testCase

    property var window: null

    function find(name, parentItem) {
        const item = findChild(parentItem || window.contentItem, name)
        verify(item, "no item named " + name + " on page " + window.currentPage)
        return item
    }
    function click(name) {
        const item = find(name)
        tryVerify(() => item.visible && item.enabled, 5000, name + " is not clickable")
        mouseClick(item)
    }
    function typeInto(name, text) {
        const field = find(name)
        mouseClick(field)
        tryVerify(() => field.activeFocus, 5000, name + " did not take the keyboard")
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    name: "Receive"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function initTestCase() {
        const onboarding = AppContext.onboarding
        onboarding.mode = OnboardingViewModel.ImportWords
        verify(onboarding.setImportWords(Golden.key_derivation.solana_paths.mnemonic, ""))
        tryVerify(() => !onboarding.busy && onboarding.pathCandidates.rowCount() > 0, 30000)
        onboarding.selectedPath = 0
        onboarding.finish("receive test password")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
        tryCompare(window, "currentPage", "wallet")
    }

    // The actions may be below the fold of the test window: clicked through their signal.
    function press(name) {
        const item = find(name)
        tryVerify(() => item.visible && item.enabled, 5000, name + " is not usable")
        item.clicked()
    }

    function test_1_wallet_actions_lead_to_receive_and_history() {
        press("historyAction")
        tryCompare(window, "currentPage", "history")
        window.showPage("wallet")
        tryCompare(window, "currentPage", "wallet")
        press("receiveAction")
        tryCompare(window, "currentPage", "receive")
    }

    function test_2_address_and_qr() {
        const address = AppContext.wallet.currentAddress
        verify(address.length > 0)
        compare(find("receiveAddress").text, address)
        const qr = find("addressQr")
        verify(qr.visible)
        verify(qr.modules >= 21)
        // Always dark on white, in both themes, so phones can read it.
        compare(qr.color.toString(), "#ffffff")
    }

    function test_3_a_request_link_from_the_form() {
        typeInto("requestAmount", "2.5")
        typeInto("requestLabel", "Garage")
        const url = find("requestUrl")
        tryVerify(() => url.visible && url.text.length > 0)
        compare(url.text, "solana:" + AppContext.wallet.currentAddress + "?amount=2.5&label=Garage")
        verify(find("requestQr").modules > 0)
        compare(find("requestError").text, "")
    }

    function test_4_too_many_decimals_are_refused() {
        const field = find("requestAmount")
        mouseClick(field)
        field.selectAll()
        keyClick(Qt.Key_Delete)
        typeInto("requestAmount", "0.0000000001")
        tryVerify(() => find("requestError").text.length > 0)
        compare(AppContext.receive.requestUrl, "")
        verify(!find("requestQr").visible)
    }
}
