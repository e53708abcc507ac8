import QtQuick
import QtTest
import OpenVPP
import OpenVPP.Ui
import OpenVPP.Test

// The Inspect page as support staff use it: empty at first, a typo is refused in the banner
// without reading anything, and an address on an unreachable node says which node failed.
// (Reading a funded address is tests/ui/test_inspect_view_model.cpp, on a localnet.)
TestCase {
    id: testCase

    property var window: null

    function find(name, parentItem) {
        const item = findChild(parentItem || window.contentItem, name)
        verify(item, "no item named " + name + " on page " + window.currentPage)
        return item
    }
    function typeInto(name, text) {
        const field = find(name)
        mouseClick(field)
        tryVerify(() => field.activeFocus, 5000, name + " did not take the keyboard")
        field.selectAll()
        keyClick(Qt.Key_Delete)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    name: "Inspect"
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
        onboarding.finish("inspect test password")
        tryCompare(AppContext.wallet, "state", WalletViewModel.Unlocked, 30000)
        window = mainComponent.createObject(testCase)
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active)
        tryCompare(window, "currentPage", "wallet")
        window.showPage("inspect")
        tryCompare(window, "currentPage", "inspect")
    }

    function test_1_emptyAtFirst() {
        tryVerify(() => find("inspectEmpty").visible, 5000)
        verify(!find("inspectButton").enabled, "nothing typed: nothing to inspect")
        verify(!find("inspectBalancesCard").visible)
        verify(!find("inspectHistoryCard").visible)
    }

    function test_2_aTypoIsRefused() {
        typeInto("inspectAddress", "HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpq0")
        const button = find("inspectButton")
        tryVerify(() => button.enabled, 5000)
        mouseClick(button)
        const banner = find("inspectError")
        tryVerify(() => banner.visible, 5000)
        verify(banner.text.indexOf("is not a Solana address") >= 0, banner.text)
        compare(AppContext.inspect.address, "")
        verify(!find("inspectBalancesCard").visible)
        verify(!find("inspectEmpty").visible, "the banner explains; no second message")
    }

    function test_3_anUnreachableNodeIsNamed() {
        // Return in the field inspects too.
        typeInto("inspectAddress", AppContext.wallet.currentAddress)
        keyClick(Qt.Key_Return)
        tryCompare(AppContext.inspect, "address", AppContext.wallet.currentAddress, 5000)
        tryVerify(() => !AppContext.inspect.busy && AppContext.inspect.errorText.length > 0, 60000)
        const banner = find("inspectError")
        verify(banner.visible)
        verify(banner.text.indexOf("127.0.0.1:9") >= 0, banner.text)
        compare(find("inspectAddress").text, AppContext.wallet.currentAddress)
    }
}
