import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// The open wallet: navigation rail on the left, account switcher and Lock in the header, the
// chosen page below. Ctrl+1…Ctrl+6 switch pages, Ctrl+L locks.
Item {
    id: shell

    readonly property WalletViewModel wallet: AppContext.wallet
    property string page: "wallet"
    // The rail entry a page belongs to: sub-pages (send, pairing, ...) highlight their section.
    readonly property var sectionOf: ({
        "send": "wallet",
        "receive": "wallet",
        "pay": "wallet",
        "history": "wallet",
        "pair-inverter": "devices",
        "pair-charger": "devices",
        "device-detail": "devices"
    })
    readonly property string section: sectionOf[page] !== undefined ? sectionOf[page] : page
    readonly property var destinations: [
        { "name": "wallet", "glyph": "◈", "title": qsTr("Wallet") },
        { "name": "devices", "glyph": "⚡", "title": qsTr("Devices") },
        { "name": "fleet", "glyph": "▦", "title": qsTr("Fleet") },
        { "name": "rewards", "glyph": "★", "title": qsTr("Rewards") },
        { "name": "inspect", "glyph": "⌕", "title": qsTr("Inspect") },
        { "name": "settings", "glyph": "⚙", "title": qsTr("Settings") }
    ]

    signal navigate(string name)

    objectName: "shell"

    Shortcut {
        sequence: "Ctrl+1"
        onActivated: shell.navigate("wallet")
    }
    Shortcut {
        sequence: "Ctrl+2"
        onActivated: shell.navigate("devices")
    }
    Shortcut {
        sequence: "Ctrl+3"
        onActivated: shell.navigate("fleet")
    }
    Shortcut {
        sequence: "Ctrl+4"
        onActivated: shell.navigate("rewards")
    }
    Shortcut {
        sequence: "Ctrl+5"
        onActivated: shell.navigate("inspect")
    }
    Shortcut {
        sequence: "Ctrl+6"
        onActivated: shell.navigate("settings")
    }
    Shortcut {
        sequence: "Ctrl+L"
        onActivated: shell.wallet.lock()
    }

    Rectangle {
        id: rail
        objectName: "navRail"
        width: Theme.railWidth
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        color: Theme.rail

        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: Theme.border
        }

        ColumnLayout {
            anchors.fill: parent
            anchors.topMargin: Theme.spacingLarge
            anchors.bottomMargin: Theme.spacingLarge
            spacing: Theme.spacingSmall

            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: Theme.spacingLarge
                implicitWidth: 44
                implicitHeight: 44
                radius: 12
                color: Theme.accent
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("OpenVPP World")

                Label {
                    anchors.centerIn: parent
                    text: "⚡"
                    color: Theme.accentText
                    font.pixelSize: Theme.fontGlyph
                }
            }

            ButtonGroup {
                id: navGroup
            }
            Repeater {
                model: shell.destinations

                NavButton {
                    required property var modelData
                    required property int index

                    objectName: "nav-" + modelData.name
                    Layout.alignment: Qt.AlignHCenter
                    glyph: modelData.glyph
                    text: modelData.title
                    shortcutText: "Ctrl+" + (index + 1)
                    checked: shell.section === modelData.name
                    ButtonGroup.group: navGroup
                    onClicked: shell.navigate(modelData.name)
                }
            }
            Item {
                Layout.fillHeight: true
            }
        }
    }

    Rectangle {
        id: header
        objectName: "shellHeader"
        anchors.left: rail.right
        anchors.right: parent.right
        anchors.top: parent.top
        height: 64
        color: Theme.background

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pagePadding
            anchors.rightMargin: Theme.pagePadding
            spacing: Theme.spacing

            Label {
                text: qsTr("Account")
                color: Theme.textMuted
            }
            AppComboBox {
                id: accountBox
                objectName: "accountSwitcher"
                Layout.preferredWidth: 300
                model: shell.wallet.accounts
                textRole: "label"
                currentIndex: shell.wallet.currentIndex
                displayText: shell.wallet.currentLabel
                Accessible.name: qsTr("Account: %1").arg(shell.wallet.currentLabel)
                onActivated: index => shell.wallet.currentIndex = index

                delegate: ItemDelegate {
                    id: accountItem

                    required property int index
                    required property string label
                    required property string shortAddress
                    required property string kindText

                    width: ListView.view ? ListView.view.width : implicitWidth
                    highlighted: accountBox.highlightedIndex === index
                    padding: Theme.spacing

                    contentItem: ColumnLayout {
                        spacing: 2

                        Label {
                            Layout.fillWidth: true
                            text: accountItem.label
                            color: Theme.text
                            font.weight: accountItem.index === shell.wallet.currentIndex ? Font.DemiBold
                                                                                          : Font.Normal
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: accountItem.shortAddress + "  ·  " + accountItem.kindText
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                    background: Rectangle {
                        color: accountItem.highlighted ? Theme.hover : Theme.surface
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: shell.wallet.currentIsWatchOnly ? qsTr("Watch-only") : ""
                color: Theme.textMuted
                elide: Text.ElideRight
            }
            Chip {
                objectName: "networkChip"
                tone: "accent"
                // The cluster the app really talks to (the sandbox's localnet overrides the setting).
                text: AppContext.portfolio.clusterLabel
                Accessible.name: qsTr("Network: %1").arg(AppContext.portfolio.clusterLabel)
            }
            AppButton {
                objectName: "lockButton"
                text: qsTr("Lock")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Lock the wallet (Ctrl+L)")
                onClicked: shell.wallet.lock()
            }
        }
    }

    Loader {
        id: content
        objectName: "shellContent"
        anchors.left: rail.right
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        focus: true
        sourceComponent: {
            switch (shell.page) {
            case "send": return sendComponent
            case "receive": return receiveComponent
            case "pay": return payComponent
            case "history": return historyComponent
            case "pair-inverter": return pairInverterComponent
            case "pair-charger": return pairChargerComponent
            case "device-detail": return deviceDetailComponent
            case "devices": return devicesComponent
            case "fleet": return fleetComponent
            case "rewards": return rewardsComponent
            case "inspect": return inspectComponent
            case "settings": return settingsComponent
            default: return walletComponent
            }
        }
    }

    Component {
        id: walletComponent
        WalletPage {}
    }
    Component {
        id: devicesComponent
        DevicesPage {}
    }
    Component {
        id: fleetComponent
        FleetPage {}
    }
    Component {
        id: rewardsComponent
        RewardsPage {}
    }
    Component {
        id: inspectComponent
        InspectPage {}
    }
    Component {
        id: settingsComponent
        SettingsPage {}
    }
    Component {
        id: sendComponent
        SendPage {}
    }
    Component {
        id: receiveComponent
        ReceivePage {}
    }
    Component {
        id: payComponent
        PayPage {}
    }
    Component {
        id: historyComponent
        HistoryPage {}
    }
    Component {
        id: pairInverterComponent
        PairInverterPage {}
    }
    Component {
        id: pairChargerComponent
        PairChargerPage {}
    }
    Component {
        id: deviceDetailComponent
        DeviceDetailPage {}
    }
}
