import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Fleet: every charger and the EV on it in one live table. Sorting, filtering, searching and
// the export all happen in AppContext.fleet; the table's cells only show what its model says
// (no per-row script), so thousands of rows scroll smoothly.
Item {
    id: page

    readonly property FleetViewModel fleet: AppContext.fleet
    // Relative widths of the columns (Charger, Status, SoC, Power, Energy, Last seen, Fault).
    readonly property var columnShares: [0.19, 0.15, 0.14, 0.1, 0.13, 0.12, 0.17]
    readonly property int rowHeight: 52

    objectName: "fleetPage"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Fleet")
            subtitle: page.fleet.totalCount > 0
                      ? qsTr("%1 chargers, live. Click a column to sort; select a row for its commands.")
                        .arg(page.fleet.totalCount.toLocaleString(Qt.locale(), "f", 0))
                      : qsTr("Every charger you manage and the car on it, in one live table.")
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: page.fleet.totalCount > 0

            AppTextField {
                id: search
                objectName: "fleetSearch"
                Layout.preferredWidth: 320
                placeholderText: qsTr("Search by id, name or vendor")
                text: page.fleet.searchText
                onTextEdited: page.fleet.searchText = text
            }
            Label {
                Layout.fillWidth: true
                objectName: "fleetShown"
                text: qsTr("Showing %1 of %2")
                    .arg(page.fleet.visibleCount.toLocaleString(Qt.locale(), "f", 0))
                    .arg(page.fleet.totalCount.toLocaleString(Qt.locale(), "f", 0))
                color: Theme.textMuted
                elide: Text.ElideRight
            }
            AppButton {
                objectName: "fleetExport"
                text: qsTr("Export CSV…")
                enabled: !page.fleet.busy && page.fleet.visibleCount > 0
                onClicked: exportDialog.open()
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            visible: page.fleet.totalCount > 0

            FleetFilterChip {
                id: chipAll
                objectName: "chipAll"
                text: qsTr("All")
                count: page.fleet.totalCount
                checked: page.fleet.statusFilter === FleetViewModel.All
                onClicked: page.fleet.statusFilter = FleetViewModel.All
            }
            FleetFilterChip {
                objectName: "chipCharging"
                text: qsTr("Charging")
                tone: "accent"
                count: page.fleet.chargingCount
                checked: page.fleet.statusFilter === FleetViewModel.Charging
                onClicked: page.fleet.statusFilter = FleetViewModel.Charging
            }
            FleetFilterChip {
                objectName: "chipAvailable"
                text: qsTr("Available")
                tone: "info"
                count: page.fleet.availableCount
                checked: page.fleet.statusFilter === FleetViewModel.Available
                onClicked: page.fleet.statusFilter = FleetViewModel.Available
            }
            FleetFilterChip {
                objectName: "chipFaulted"
                text: qsTr("Faulted")
                tone: "danger"
                count: page.fleet.faultedCount
                checked: page.fleet.statusFilter === FleetViewModel.Faulted
                onClicked: page.fleet.statusFilter = FleetViewModel.Faulted
            }
            FleetFilterChip {
                objectName: "chipOffline"
                text: qsTr("Offline")
                tone: "warning"
                count: page.fleet.offlineCount
                checked: page.fleet.statusFilter === FleetViewModel.Offline
                onClicked: page.fleet.statusFilter = FleetViewModel.Offline
            }
        }

        Banner {
            objectName: "errorBanner"
            text: page.fleet.errorText
        }
        Banner {
            objectName: "resultBanner"
            kind: "info"
            text: page.fleet.resultText
        }
        Banner {
            objectName: "alertBanner"
            kind: "warning"
            text: page.fleet.lastAlert
        }
        RowLayout {
            Layout.fillWidth: true
            visible: page.fleet.busy
            spacing: Theme.spacing

            BusyRow {
                running: page.fleet.busy
                text: page.fleet.busyText
            }
            ProgressBar {
                objectName: "exportProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: page.fleet.progress
                Accessible.name: page.fleet.busyText
            }
        }

        // The table: a header row that sorts, then the rows.
        Rectangle {
            objectName: "fleetTableFrame"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.fleet.totalCount > 0
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 1
            clip: true

            HorizontalHeaderView {
                id: header
                objectName: "fleetHeader"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 1
                syncView: table
                clip: true

                delegate: Rectangle {
                    id: headerCell

                    required property string display
                    required property int column

                    readonly property bool sorted: page.fleet.sortColumn === column

                    implicitHeight: 40
                    color: headerArea.containsMouse ? Theme.hover : Theme.surfaceRaised
                    activeFocusOnTab: true
                    Accessible.role: Accessible.ColumnHeader
                    Accessible.name: display
                    Keys.onSpacePressed: page.fleet.sortBy(column)
                    Keys.onReturnPressed: page.fleet.sortBy(column)

                    Rectangle {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        height: 1
                        color: Theme.border
                    }
                    Label {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacing
                        anchors.rightMargin: Theme.spacingSmall
                        verticalAlignment: Text.AlignVCenter
                        text: headerCell.display + (headerCell.sorted ? (page.fleet.sortAscending ? "  ▲" : "  ▼") : "")
                        color: headerCell.sorted ? Theme.text : Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    MouseArea {
                        id: headerArea
                        anchors.fill: parent
                        hoverEnabled: true
                        cursorShape: Qt.PointingHandCursor
                        onClicked: page.fleet.sortBy(headerCell.column)
                    }
                    FocusRing {
                        visible: headerCell.activeFocus
                        inset: 2
                        baseRadius: 4
                    }
                }
            }

            TableView {
                id: table
                objectName: "fleetTable"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: header.bottom
                anchors.bottom: parent.bottom
                anchors.margins: 1
                clip: true
                model: page.fleet.table
                reuseItems: true
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                Accessible.role: Accessible.Table
                Accessible.name: qsTr("Chargers")
                columnWidthProvider: function (column) {
                    return Math.max(90, Math.floor(table.width * page.columnShares[column]))
                }
                rowHeightProvider: function () {
                    return page.rowHeight
                }
                onWidthChanged: forceLayout()

                ScrollBar.vertical: ScrollBar {
                    policy: table.contentHeight > table.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
                }

                // Up and Down move the selection; the view follows it.
                Keys.onUpPressed: {
                    const row = Math.max(0, page.fleet.selectedRowInTable() - 1)
                    page.fleet.select(row)
                    table.positionViewAtRow(row, TableView.Contain)
                }
                Keys.onDownPressed: {
                    const row = Math.min(table.rows - 1, page.fleet.selectedRowInTable() + 1)
                    page.fleet.select(row)
                    table.positionViewAtRow(row, TableView.Contain)
                }

                delegate: Rectangle {
                    id: cell

                    required property string display
                    required property string detail
                    required property string tone
                    required property string chargerId
                    required property int row
                    required property int column

                    readonly property bool selected: chargerId === page.fleet.selectedId
                    readonly property color toneColor: tone === "accent" ? Theme.accent
                                                     : tone === "danger" ? Theme.danger
                                                     : tone === "warning" ? Theme.warning
                                                     : tone === "info" ? Theme.info
                                                     : tone === "muted" ? Theme.textMuted : Theme.text

                    implicitHeight: page.rowHeight
                    color: selected ? Theme.accentSoft : row % 2 ? Theme.surfaceRaised : Theme.surface

                    Column {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.leftMargin: Theme.spacing
                        anchors.rightMargin: Theme.spacingSmall
                        spacing: 2

                        Row {
                            width: parent.width
                            spacing: Theme.spacingSmall

                            // The status column's coloured dot (colour is never the only cue: the
                            // text says the status too).
                            Rectangle {
                                visible: cell.column === 1
                                anchors.verticalCenter: parent.verticalCenter
                                width: 8
                                height: 8
                                radius: 4
                                color: cell.toneColor
                            }
                            Label {
                                width: parent.width - (cell.column === 1 ? 16 : 0)
                                text: cell.display
                                color: cell.column === 1 || cell.column === 6 ? cell.toneColor : Theme.text
                                font.pixelSize: Theme.fontBody
                                font.weight: cell.column === 0 ? Font.DemiBold : Font.Normal
                                elide: Text.ElideRight
                            }
                        }
                        Label {
                            width: parent.width
                            visible: cell.detail.length > 0
                            text: cell.detail
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                    TapHandler {
                        onTapped: {
                            page.fleet.select(cell.row)
                            table.forceActiveFocus()
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: page.fleet.visibleCount === 0
                objectName: "fleetNoMatch"
                text: qsTr("No charger matches the search and filter.")
                color: Theme.textMuted
            }
        }

        // The selected charger and what can be done with it.
        Card {
            objectName: "fleetActions"
            Layout.fillWidth: true
            visible: page.fleet.selectedId.length > 0
            padding: Theme.spacing

            RowLayout {
                width: parent.width
                spacing: Theme.spacing

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2

                    Label {
                        objectName: "selectedTitle"
                        Layout.fillWidth: true
                        text: page.fleet.selectedTitle
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: page.fleet.selectedStatus
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
                BusyIndicator {
                    visible: page.fleet.commandBusy
                    running: visible
                    implicitWidth: 28
                    implicitHeight: 28
                    Accessible.name: qsTr("Waiting for the charger")
                }
                AppButton {
                    objectName: "startButton"
                    text: qsTr("Start charging")
                    enabled: page.fleet.canStart && !page.fleet.commandBusy
                    onClicked: page.fleet.remoteStart()
                }
                AppButton {
                    objectName: "stopButton"
                    text: qsTr("Stop charging")
                    enabled: page.fleet.canStop && !page.fleet.commandBusy
                    onClicked: page.fleet.remoteStop()
                }
                AppTextField {
                    id: limitField
                    objectName: "limitField"
                    Layout.preferredWidth: 140
                    placeholderText: qsTr("Limit in kW")
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    onAccepted: if (text.length > 0) page.fleet.setChargeLimit(text)
                }
                AppButton {
                    objectName: "limitButton"
                    text: qsTr("Set limit")
                    enabled: limitField.text.length > 0 && !page.fleet.commandBusy
                    onClicked: page.fleet.setChargeLimit(limitField.text)
                }
            }
        }

        // No chargers yet: how they join.
        Card {
            objectName: "fleetEmpty"
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.flowWidth
            visible: page.fleet.totalCount === 0

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("No chargers yet")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Chargers join the fleet when they are paired with this app. Pair one on the Devices page, or add many at once from a terminal:")
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: "ovpp charger add --count 100"
                    color: Theme.text
                    font.family: Theme.monoFamily
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                }
                Label {
                    Layout.fillWidth: true
                    text: page.fleet.connected
                          ? qsTr("Each charger then connects to %1<charge point id> with its key, and appears here as soon as it does.").arg(page.fleet.centralSystemUrl)
                          : qsTr("Each charger then connects to this app's charger service with its key, and appears here as soon as it does.")
                    color: Theme.textMuted
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                }
                AppButton {
                    objectName: "reloadButton"
                    text: qsTr("Look for new chargers")
                    enabled: page.fleet.connected
                    onClicked: page.fleet.reloadCatalog()
                }
            }
        }
        Item {
            Layout.fillHeight: true
            visible: page.fleet.totalCount === 0
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export the fleet table")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: page.fleet.exportCsv(selectedFile)
    }
}
