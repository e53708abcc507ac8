import QtQuick
import QtQuick.Window
import QtTest
import OpenVPP
import OpenVPP.Ui

// The pairing pages as a person uses them: the devices page's empty state leads to both flows;
// the inverter page probes what was typed and says clearly when nothing answers; nothing is
// offered for pairing before a device was found.
TestCase {
    id: testCase

    name: "Pairing"
    when: windowShown
    width: 1180
    height: 760

    Component {
        id: devicesComponent
        Window {
            width: 1180
            height: 760
            visible: true
            DevicesPage {
                anchors.fill: parent
            }
        }
    }
    Component {
        id: inverterComponent
        Window {
            width: 1180
            height: 760
            visible: true
            PairInverterPage {
                anchors.fill: parent
            }
        }
    }

    // Types like a person, one key at a time.
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_emptyDevicesPageOffersBothPairings() {
        const window = createTemporaryObject(devicesComponent, testCase)
        const page = window.contentItem.children[0]
        verify(page && page.objectName === "devicesPage")
        waitForRendering(page)
        compare(AppContext.devices.count, 0)
        verify(findChild(page, "devicesEmpty").visible)
        verify(findChild(page, "pairInverterEmpty").visible)
        verify(findChild(page, "pairChargerEmpty").visible)
        verify(!findChild(page, "deviceCards").visible)
    }

    function test_inverterProbeOfADeadAddressExplains() {
        AppContext.pairing.resetInverter()
        AppContext.pairing.address = ""
        const window = createTemporaryObject(inverterComponent, testCase)
        const page = window.contentItem.children[0]
        verify(page && page.objectName === "pairInverterPage")
        waitForRendering(page)
        const field = findChild(page, "inverterAddress")
        const probe = findChild(page, "probeInverter")
        verify(!probe.enabled, "probing an empty address")
        verify(!findChild(page, "foundInverter").visible)
        verify(!findChild(page, "confirmInverter").visible)

        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        field.forceActiveFocus()
        type("127.0.0.1:9")
        compare(AppContext.pairing.address, "127.0.0.1:9")
        verify(probe.enabled)
        mouseClick(probe)
        tryVerify(() => !AppContext.pairing.probing, 30000)
        const error = findChild(page, "inverterError")
        tryVerify(() => error.visible)
        verify(error.text.indexOf("No SunSpec device answered") >= 0, error.text)
        verify(!findChild(page, "foundInverter").visible)
    }

    function test_badAddressIsRejectedAtOnce() {
        AppContext.pairing.resetInverter()
        AppContext.pairing.address = ""
        const window = createTemporaryObject(inverterComponent, testCase)
        const page = window.contentItem.children[0]
        waitForRendering(page)
        const field = findChild(page, "inverterAddress")
        field.forceActiveFocus()
        type("nothost:99999")
        keyClick(Qt.Key_Return)
        verify(!AppContext.pairing.probing)
        verify(findChild(page, "inverterError").visible)
    }
}
