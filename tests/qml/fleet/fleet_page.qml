import QtQuick
import QtQuick.Window
import QtTest
import OpenVPP
import OpenVPP.Ui

// The fleet page over 2,000 chargers (test_qml_fleet.cpp fills the table): the chips count and
// filter, the header sorts (again: reverses), the search narrows the rows, a click selects a
// charger and shows its commands.
TestCase {
    id: testCase

    readonly property FleetViewModel fleet: AppContext.fleet
    property var page: null

    name: "FleetPage"
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

    function find(name) {
        const item = findChild(page, name)
        verify(item, "no item named " + name)
        return item
    }

    function init() {
        const window = createTemporaryObject(pageComponent, testCase)
        verify(window)
        page = window.contentItem.children[0]
        verify(page && page.objectName === "fleetPage")
        fleet.statusFilter = FleetViewModel.All
        fleet.searchText = ""
        fleet.select(-1)
        waitForRendering(page)
    }

    function sortValue(row, column) {
        const t = fleet.table
        // FleetModel::SortRole is Qt::UserRole + 1.
        return t.data(t.index(row, column), Qt.UserRole + 1)
    }

    function test_tableShowsEveryCharger() {
        const table = find("fleetTable")
        compare(fleet.totalCount, 2000)
        tryCompare(table, "rows", 2000)
        compare(table.columns, 7)
        verify(find("fleetTableFrame").visible)
        verify(!find("fleetEmpty").visible)
        compare(find("chipAll").count, 2000)
        compare(find("chipFaulted").count, fleet.faultedCount)
        verify(fleet.faultedCount > 0 && fleet.offlineCount > 0 && fleet.chargingCount > 0)
        compare(fleet.chargingCount + fleet.availableCount + fleet.faultedCount + fleet.offlineCount, 2000)
        // What needs attention first: faulted rows on top.
        compare(sortValue(0, 1), 0)
    }

    function test_chipsFilter() {
        const table = find("fleetTable")
        mouseClick(find("chipFaulted"))
        compare(fleet.statusFilter, FleetViewModel.Faulted)
        tryCompare(table, "rows", fleet.faultedCount)
        for (let r = 0; r < table.rows; ++r)
            compare(sortValue(r, 1), 0, "row " + r + " is not a faulted charger")
        mouseClick(find("chipOffline"))
        tryCompare(table, "rows", fleet.offlineCount)
        verify(find("chipOffline").checked)
        verify(!find("chipFaulted").checked)
        mouseClick(find("chipAll"))
        tryCompare(table, "rows", 2000)
    }

    function test_headerSorts() {
        const table = find("fleetTable")
        const header = find("fleetHeader")
        // The middle of the "Session energy" header (column 4).
        let x = 0
        for (let c = 0; c < 4; ++c)
            x += table.columnWidthProvider(c)
        x += table.columnWidthProvider(4) / 2
        mouseClick(header, x, header.height / 2)
        compare(fleet.sortColumn, 4)
        verify(fleet.sortAscending)
        mouseClick(header, x, header.height / 2)
        verify(!fleet.sortAscending)
        for (let r = 1; r < 200; ++r)
            verify(sortValue(r - 1, 4) >= sortValue(r, 4), "not descending at row " + r)
        // Back to the default for the other tests.
        fleet.sortBy(1)
        if (!fleet.sortAscending)
            fleet.sortBy(1)
    }

    function test_searchNarrowsTheRows() {
        const table = find("fleetTable")
        const search = find("fleetSearch")
        mouseClick(search)
        tryVerify(() => search.activeFocus)
        for (const ch of "FLEET-00")
            keyClick(ch)
        compare(fleet.searchText, "FLEET-00")
        compare(search.text, "FLEET-00")
        // FLEET-0001 ... FLEET-0099.
        tryCompare(table, "rows", 99)
        verify(find("fleetShown").text.indexOf("99") >= 0)
        search.clear()
        fleet.searchText = ""
        tryCompare(table, "rows", 2000)
    }

    function test_clickSelectsAndShowsCommands() {
        const table = find("fleetTable")
        const actions = find("fleetActions")
        verify(!actions.visible)
        mouseClick(table, 60, 20)
        const id = fleet.table.data(fleet.table.index(0, 0), Qt.UserRole + 4)
        compare(fleet.selectedId, id)
        tryVerify(() => actions.visible)
        verify(find("selectedTitle").text.indexOf(id) >= 0)
        // No device network in this test: commands are off, and say why when tried.
        verify(!find("startButton").enabled)
        verify(!find("stopButton").enabled)
        keyClick(Qt.Key_Down)
        compare(fleet.selectedId, fleet.table.data(fleet.table.index(1, 0), Qt.UserRole + 4))
    }
}
