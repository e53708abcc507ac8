import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Inspect (support staff): any address, read-only, no vault needed: balances, each token
// account and the decoded history. Validation, reading and wording live in InspectViewModel.
ScrollPage {
    id: page

    readonly property InspectViewModel inspector: AppContext.inspect
    readonly property bool hasResults: page.inspector.address.length > 0

    objectName: "inspectPage"
    title: qsTr("Inspect")
    subtitle: qsTr("Look into any Solana address, read-only: balances, token accounts and history.")

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingSmall

            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("Address")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                AppTextField {
                    id: addressField
                    objectName: "inspectAddress"
                    Layout.fillWidth: true
                    mono: true
                    // Whoever asked for an address (the tour, a link) shows it here too.
                    text: page.inspector.address
                    placeholderText: qsTr("A Solana address (base58)")
                    Accessible.name: qsTr("Address to inspect")
                    KeyNavigation.tab: inspectButton
                    onAccepted: page.inspector.inspect(text)
                }
                AppButton {
                    id: inspectButton
                    objectName: "inspectButton"
                    text: qsTr("Inspect")
                    primary: true
                    enabled: !page.inspector.busy && addressField.text.trim().length > 0
                    Accessible.name: qsTr("Inspect this address")
                    onClicked: page.inspector.inspect(addressField.text)
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Nothing here signs or sends: inspecting needs no wallet and touches no keys.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
    }

    Banner {
        objectName: "inspectError"
        Layout.fillWidth: true
        text: page.inspector.errorText
    }

    BusyRow {
        Layout.fillWidth: true
        running: page.inspector.busy
        text: page.inspector.busyText
    }

    Label {
        objectName: "inspectEmpty"
        Layout.fillWidth: true
        visible: !page.hasResults && !page.inspector.busy && page.inspector.errorText.length === 0
        text: qsTr("Type or paste an address above and press Inspect to see what it holds and what it did.")
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    // Side by side, so the history starts above the fold.
    RowLayout {
        Layout.fillWidth: true
        visible: page.hasResults
        spacing: Theme.spacing

        Card {
            objectName: "inspectBalancesCard"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    SectionTitle {
                        Layout.fillWidth: true
                        text: qsTr("Balances")
                    }
                    Chip {
                        tone: "info"
                        text: page.inspector.clusterLabel
                        visible: text.length > 0
                    }
                }
                Repeater {
                    id: balanceRows
                    objectName: "inspectBalanceRows"
                    model: page.inspector.balances

                    RowLayout {
                        id: balance

                        required property string symbol
                        required property string name
                        required property string amount

                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1 %2").arg(balance.amount).arg(balance.symbol)

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0

                            Label {
                                Layout.fillWidth: true
                                text: balance.symbol
                                color: Theme.text
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: balance.name
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideMiddle
                            }
                        }
                        Label {
                            objectName: "inspectAmount_" + balance.symbol
                            text: balance.amount
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontLarge
                            horizontalAlignment: Text.AlignRight
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.inspector.asOfText.length > 0
                    text: page.inspector.asOfText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        Card {
            objectName: "inspectTokenAccountsCard"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.fillHeight: true

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Token accounts")
                }
                Label {
                    objectName: "inspectNoTokenAccounts"
                    Layout.fillWidth: true
                    visible: tokenRows.count === 0 && page.inspector.balancesLoaded
                    text: qsTr("This address holds no token accounts.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                Repeater {
                    id: tokenRows
                    objectName: "inspectTokenRows"
                    model: page.inspector.tokenAccounts

                    Rectangle {
                        id: tokenAccount

                        required property string address
                        required property string mint
                        required property string symbol
                        required property string amount
                        required property string program
                        required property string accountState

                        Layout.fillWidth: true
                        implicitHeight: tokenLayout.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radiusSmall
                        color: "transparent"
                        border.color: Theme.border
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1 %2 in token account %3").arg(amount).arg(symbol).arg(address)

                        GridLayout {
                            id: tokenLayout
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            columns: 2
                            columnSpacing: Theme.spacing
                            rowSpacing: 2

                            Label {
                                Layout.fillWidth: true
                                text: tokenAccount.symbol
                                color: Theme.text
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                            Label {
                                text: tokenAccount.amount
                                color: Theme.text
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontLarge
                                horizontalAlignment: Text.AlignRight
                            }
                            Label {
                                Layout.columnSpan: 2
                                Layout.fillWidth: true
                                text: qsTr("Account %1").arg(tokenAccount.address)
                                color: Theme.textMuted
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideMiddle
                            }
                            Label {
                                Layout.columnSpan: 2
                                Layout.fillWidth: true
                                text: qsTr("Mint %1  ·  %2  ·  %3").arg(tokenAccount.mint)
                                      .arg(tokenAccount.program).arg(tokenAccount.accountState)
                                color: Theme.textMuted
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideMiddle
                            }
                        }
                    }
                }
            }
        }
    }

    Card {
        objectName: "inspectHistoryCard"
        Layout.fillWidth: true
        visible: page.hasResults

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingSmall

            SectionTitle {
                Layout.fillWidth: true
                text: qsTr("History")
            }
            Label {
                objectName: "inspectHistoryEmpty"
                Layout.fillWidth: true
                visible: historyRows.count === 0 && page.inspector.historyLoaded
                text: qsTr("No transactions for this address.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Repeater {
                id: historyRows
                objectName: "inspectHistoryRows"
                model: page.inspector.history

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
                            Label {
                                Layout.fillWidth: true
                                text: entry.signature
                                color: Theme.textMuted
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideMiddle
                            }
                        }
                        Chip {
                            text: entry.failed ? qsTr("Failed") : entry.status
                            tone: entry.failed ? "neutral" : "accent"
                            ToolTip.visible: entry.failed && entryMouse.containsMouse
                            ToolTip.text: entry.status
                        }
                        AppButton {
                            objectName: "inspectExplorer" + entry.index
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
            AppButton {
                objectName: "inspectLoadMore"
                Layout.alignment: Qt.AlignHCenter
                visible: page.inspector.canLoadMore
                enabled: !page.inspector.busy
                text: qsTr("Load more")
                onClicked: page.inspector.loadMoreHistory()
            }
        }
    }
}
