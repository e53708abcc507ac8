import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// History: the current account's transactions, newest first, decoded into words, with status,
// fee, time and a link to the explorer. Rows and wording come from HistoryViewModel.
ScrollPage {
    id: page

    readonly property HistoryViewModel history: AppContext.history

    objectName: "historyPage"
    title: qsTr("History")
    subtitle: qsTr("What this account sent and received, newest first.")

    Banner {
        objectName: "historyError"
        Layout.fillWidth: true
        text: page.history.errorText
    }

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingSmall

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Transactions")
                }
                AppButton {
                    objectName: "refreshHistory"
                    text: qsTr("Refresh")
                    enabled: !page.history.busy
                    onClicked: page.history.refresh()
                }
            }
            Label {
                objectName: "historyEmpty"
                Layout.fillWidth: true
                visible: historyRows.count === 0 && page.history.everLoaded && !page.history.busy
                text: qsTr("No transactions yet. Anything sent to or from this account appears here.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Repeater {
                id: historyRows
                objectName: "historyRows"
                model: page.history.rows

                Rectangle {
                    id: entry

                    required property int index
                    required property string title
                    required property string detail
                    required property string counterparty
                    required property string status
                    required property bool failed
                    required property string fee
                    required property string time
                    required property string explorerUrl
                    required property string signature

                    Layout.fillWidth: true
                    implicitHeight: entryLayout.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radiusSmall
                    color: entryMouse.containsMouse ? Theme.hover : "transparent"
                    border.color: Theme.border
                    Accessible.role: Accessible.ListItem
                    Accessible.name: title + ", " + status + (time.length > 0 ? ", " + time : "")

                    MouseArea {
                        id: entryMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        acceptedButtons: Qt.NoButton
                    }

                    RowLayout {
                        id: entryLayout
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.spacing

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2

                            Label {
                                Layout.fillWidth: true
                                text: entry.title
                                color: Theme.text
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                                ToolTip.visible: entryMouse.containsMouse && entry.counterparty.length > 0
                                ToolTip.text: entry.counterparty
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: entry.detail.length > 0
                                text: entry.detail
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: [entry.time, entry.fee.length > 0 ? qsTr("fee %1").arg(entry.fee) : ""]
                                      .filter(s => s.length > 0).join("  ·  ")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                            }
                        }
                        Chip {
                            text: entry.failed ? qsTr("Failed") : entry.status
                            tone: entry.failed ? "neutral" : "accent"
                            ToolTip.visible: entry.failed && entryMouse.containsMouse
                            ToolTip.text: entry.status
                        }
                        AppButton {
                            objectName: "explorer" + entry.index
                            text: qsTr("Explorer")
                            implicitHeight: 32
                            leftPadding: Theme.spacing
                            rightPadding: Theme.spacing
                            Accessible.name: qsTr("Open %1 in the explorer").arg(entry.signature)
                            onClicked: Qt.openUrlExternally(entry.explorerUrl)
                        }
                    }
                }
            }
            BusyRow {
                Layout.fillWidth: true
                running: page.history.busy
                text: page.history.busyText
            }
            AppButton {
                objectName: "loadMoreHistory"
                Layout.alignment: Qt.AlignHCenter
                visible: page.history.canLoadMore
                enabled: !page.history.busy
                text: qsTr("Load more")
                onClicked: page.history.loadMore()
            }
        }
    }
}
