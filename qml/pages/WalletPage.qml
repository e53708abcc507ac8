import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import OpenVPP.Ui
import OpenVPP

// The open wallet: the current account's address, every account, its balances and actions.
ScrollPage {
    id: page

    readonly property WalletViewModel wallet: AppContext.wallet
    readonly property PortfolioViewModel portfolio: AppContext.portfolio

    function go(name) {
        const w = ApplicationWindow.window
        if (w && w.showPage)
            w.showPage(name)
    }

    objectName: "walletPage"
    title: qsTr("Wallet")
    subtitle: qsTr("Your accounts on %1.").arg(page.portfolio.clusterLabel.length > 0
                                                   ? page.portfolio.clusterLabel
                                                   : AppContext.onboarding.network)
    // Auto-refresh every 30 s only while the balances are on screen.
    onVisibleChanged: page.portfolio.active = visible
    Component.onCompleted: page.portfolio.active = visible
    Component.onDestruction: page.portfolio.active = false

    Banner {
        objectName: "errorBanner"
        text: page.wallet.errorText
    }

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                SectionTitle {
                    objectName: "currentLabel"
                    Layout.fillWidth: true
                    text: page.wallet.currentLabel
                    elide: Text.ElideRight
                    wrapMode: Text.NoWrap
                }
                Chip {
                    visible: page.wallet.currentIsWatchOnly
                    tone: "info"
                    text: qsTr("Watch-only")
                }
            }

            FieldLabel {
                text: qsTr("Address")
                color: Theme.textMuted
                font.weight: Font.Normal
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: addressText.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radiusSmall
                    color: Theme.surfaceRaised
                    border.color: Theme.border

                    TextEdit {
                        id: addressText
                        objectName: "addressText"
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        readOnly: true
                        selectByMouse: true
                        activeFocusOnTab: false
                        text: page.wallet.currentAddress
                        color: Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.accentText
                        wrapMode: TextEdit.WrapAnywhere
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontLarge
                        verticalAlignment: TextEdit.AlignVCenter
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Address: %1").arg(text)
                    }
                }
                AppButton {
                    objectName: "copyAddressButton"
                    text: qsTr("Copy address")
                    enabled: page.wallet.currentAddress.length > 0
                    onClicked: page.wallet.copyAddress()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: page.wallet.currentIsWatchOnly
                text: qsTr("This account can be watched, not spent from: its keys are not in this wallet.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: page.availableWidth > 980 ? 2 : 1
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingLarge

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Layout.alignment: Qt.AlignTop

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Accounts")
                }

                Repeater {
                    id: accountRows
                    objectName: "accountRows"
                    model: page.wallet.accounts

                    AbstractButton {
                        id: row

                        required property int index
                        required property string label
                        required property string shortAddress
                        required property string kindText
                        required property string path

                        readonly property bool current: index === page.wallet.currentIndex

                        objectName: "account" + index
                        Layout.fillWidth: true
                        focusPolicy: Qt.StrongFocus
                        hoverEnabled: true
                        padding: Theme.spacing
                        Accessible.role: Accessible.ListItem
                        Accessible.name: label + ", " + kindText + ", " + shortAddress
                        onClicked: page.wallet.currentIndex = index
                        Keys.onReturnPressed: clicked()

                        contentItem: RowLayout {
                            spacing: Theme.spacing

                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2

                                Label {
                                    Layout.fillWidth: true
                                    text: row.label
                                    color: Theme.text
                                    font.weight: row.current ? Font.DemiBold : Font.Normal
                                    elide: Text.ElideRight
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: row.path.length > 0 ? row.shortAddress + "   " + row.path : row.shortAddress
                                    color: Theme.textMuted
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                            }
                            Chip {
                                text: row.kindText
                            }
                            AppButton {
                                objectName: "renameButton"
                                text: qsTr("Rename")
                                implicitHeight: 32
                                leftPadding: Theme.spacing
                                rightPadding: Theme.spacing
                                Accessible.name: qsTr("Rename %1").arg(row.label)
                                onClicked: renameDialog.openFor(row.index, row.label)
                            }
                        }

                        background: Rectangle {
                            radius: Theme.radiusSmall
                            color: row.current ? Theme.accentSoft : row.hovered ? Theme.hover : "transparent"
                            border.width: row.current ? 1 : 0
                            border.color: Theme.accent

                            FocusRing {
                                visible: row.visualFocus
                            }
                        }
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingSmall
                    implicitHeight: 1
                    color: Theme.border
                }
                FieldLabel {
                    text: qsTr("Add an account")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    AppTextField {
                        id: newLabelField
                        objectName: "newAccountField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Name, for example Savings")
                        enabled: !page.wallet.busy
                        onAccepted: addButton.clicked()
                    }
                    AppButton {
                        id: addButton
                        objectName: "addAccountButton"
                        text: qsTr("Add account")
                        enabled: !page.wallet.busy
                        onClicked: {
                            page.wallet.addAccount(newLabelField.text)
                            newLabelField.clear()
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The next account from your recovery words: the same one Phantom and Solflare would add.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
                BusyRow {
                    Layout.fillWidth: true
                    running: page.wallet.busy
                    text: page.wallet.busyText
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Layout.alignment: Qt.AlignTop

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    SectionTitle {
                        Layout.fillWidth: true
                        text: qsTr("Balances")
                    }
                    Chip {
                        objectName: "clusterChip"
                        tone: "info"
                        text: page.portfolio.clusterLabel
                        visible: text.length > 0
                    }
                    AppButton {
                        objectName: "refreshBalancesButton"
                        text: qsTr("Refresh")
                        implicitHeight: 32
                        leftPadding: Theme.spacing
                        rightPadding: Theme.spacing
                        enabled: !page.portfolio.busy && page.portfolio.address.length > 0
                        Accessible.name: qsTr("Refresh balances")
                        onClicked: page.portfolio.refresh()
                    }
                }
                Banner {
                    objectName: "balancesError"
                    Layout.fillWidth: true
                    text: page.portfolio.errorText
                }
                Repeater {
                    id: balanceRows
                    objectName: "balanceRows"
                    model: page.portfolio.balances

                    RowLayout {
                        id: token

                        required property string symbol
                        required property string name
                        required property string amount
                        required property string mint

                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingTiny
                        spacing: Theme.spacing
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1 %2").arg(token.amount).arg(token.symbol)

                        Rectangle {
                            implicitWidth: 36
                            implicitHeight: 36
                            radius: 18
                            color: Theme.accentSoft
                            border.color: Theme.border

                            Label {
                                anchors.centerIn: parent
                                text: token.symbol.charAt(0)
                                color: Theme.text
                                font.weight: Font.DemiBold
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0

                            Label {
                                Layout.fillWidth: true
                                text: token.symbol
                                color: Theme.text
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: token.name
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideMiddle
                            }
                        }
                        Label {
                            objectName: "amount_" + token.symbol
                            text: token.amount
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontLarge
                            horizontalAlignment: Text.AlignRight
                        }
                    }
                }
                Label {
                    objectName: "balancesPlaceholder"
                    Layout.fillWidth: true
                    visible: balanceRows.count === 0 && !page.portfolio.busy
                    text: page.portfolio.errorText.length > 0 ? qsTr("Balances are not available right now.")
                                                             : qsTr("No balances read yet.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                BusyRow {
                    Layout.fillWidth: true
                    running: page.portfolio.busy
                    text: page.portfolio.busyText
                }
                Label {
                    objectName: "asOfLabel"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: page.portfolio.asOfText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                Flow {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingSmall
                    spacing: Theme.spacingSmall

                    AppButton {
                        objectName: "sendAction"
                        primary: true
                        text: qsTr("Send")
                        enabled: !page.wallet.currentIsWatchOnly
                        onClicked: page.go("send")
                    }
                    AppButton {
                        objectName: "receiveAction"
                        text: qsTr("Receive")
                        onClicked: page.go("receive")
                    }
                    AppButton {
                        objectName: "payAction"
                        text: qsTr("Pay a link")
                        enabled: !page.wallet.currentIsWatchOnly
                        onClicked: page.go("pay")
                    }
                    AppButton {
                        objectName: "historyAction"
                        text: qsTr("History")
                        onClicked: page.go("history")
                    }
                }
            }
        }
    }

    Dialog {
        id: renameDialog

        property int row: -1

        function openFor(index, label) {
            row = index
            renameField.text = label
            open()
            renameField.selectAll()
            renameField.forceActiveFocus()
        }

        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: 420
        modal: true
        title: qsTr("Rename account")
        padding: Theme.cardPadding
        onAccepted: page.wallet.renameAccount(row, renameField.text)

        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
        }
        header: Label {
            text: renameDialog.title
            padding: Theme.cardPadding
            bottomPadding: 0
            color: Theme.text
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
        }
        footer: Pane {
            padding: Theme.cardPadding
            topPadding: 0
            background: null

            RowLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                Item {
                    Layout.fillWidth: true
                }
                AppButton {
                    text: qsTr("Cancel")
                    onClicked: renameDialog.reject()
                }
                AppButton {
                    objectName: "renameConfirm"
                    primary: true
                    text: qsTr("Rename")
                    onClicked: renameDialog.accept()
                }
            }
        }

        AppTextField {
            id: renameField
            objectName: "renameField"
            width: parent.width
            placeholderText: qsTr("Account name")
            onAccepted: renameDialog.accept()
        }
    }
}
