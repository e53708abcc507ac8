import QtQuick
import QtQuick.Window
import QtTest
import OpenVPP
import OpenVPP.Ui

// The fleet page with no chargers: no empty table, but what to do to get some.
TestCase {
    id: testCase

    name: "FleetEmpty"
    when: windowShown
    width: 1180
    height: 760

    Component {
        id: pageComponent
        // TestCase itself is invisible: the page gets a window of its own, the tour's size.
        Window {
            width: 1180
            height: 760
            visible: true

            FleetPage {
                anchors.fill: parent
            }
        }
    }

    function test_emptyStateExplainsHowChargersJoin() {
        const window = createTemporaryObject(pageComponent, testCase)
        verify(window)
        const page = window.contentItem.children[0]
        verify(page && page.objectName === "fleetPage")
        waitForRendering(page)
        compare(AppContext.fleet.totalCount, 0)
        const empty = findChild(page, "fleetEmpty")
        verify(empty && empty.visible)
        verify(!findChild(page, "fleetTableFrame").visible)
        verify(!findChild(page, "fleetExport").visible)
        // The way in from the terminal is spelled out.
        let found = false
        const labels = [empty]
        while (labels.length > 0) {
            const item = labels.pop()
            if (item.text !== undefined && String(item.text).indexOf("ovpp charger add") >= 0)
                found = true
            for (let i = 0; i < item.children.length; ++i)
                labels.push(item.children[i])
            if (item.contentItem)
                labels.push(item.contentItem)
        }
        verify(found, "the empty state does not name `ovpp charger add`")
    }
}
