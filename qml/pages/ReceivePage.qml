import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Receive: the account's address with its QR code, and a Solana Pay request (amount, token,
// label, message, memo) as a link and a QR code. Validation and the URL live in ReceiveViewModel.
ScrollPage {
    id: page

    readonly property ReceiveViewModel receive: AppContext.receive

    objectName: "receivePage"
    title: qsTr("Receive")
    subtitle: qsTr("Share your address, or ask for an exact amount with a Solana Pay request.")

    GridLayout {
        Layout.fillWidth: true
        columns: page.availableWidth > 980 ? 2 : 1
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingLarge

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Your address")
                }
                RcvQrCode {
                    objectName: "addressQr"
                    Layout.alignment: Qt.AlignHCenter
                    modules: page.receive.addressQrSize
                    content: page.receive.address
                    dark: (x, y) => page.receive.addressQrDark(x, y)
                    Accessible.name: qsTr("QR code of the address %1").arg(page.receive.address)
                }
                TextEdit {
                    objectName: "receiveAddress"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    activeFocusOnTab: false
                    text: page.receive.address
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.accentText
                    wrapMode: TextEdit.WrapAnywhere
                    horizontalAlignment: TextEdit.AlignHCenter
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontLarge
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Address: %1").arg(text)
                }
                AppButton {
                    objectName: "copyReceiveAddress"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Copy address")
                    enabled: page.receive.address.length > 0
                    onClicked: page.receive.copyAddress()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Send only Solana assets (SOL and SPL tokens such as USDE) to this address.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Payment request")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingTiny

                        FieldLabel {
                            text: qsTr("Amount")
                        }
                        AppTextField {
                            id: amountField
                            objectName: "requestAmount"
                            Layout.fillWidth: true
                            mono: true
                            placeholderText: qsTr("Optional, e.g. 12.5")
                            text: page.receive.amountText
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            Accessible.name: qsTr("Amount")
                            onTextEdited: page.receive.amountText = text
                        }
                    }
                    ColumnLayout {
                        spacing: Theme.spacingTiny

                        FieldLabel {
                            text: qsTr("Token")
                        }
                        AppComboBox {
                            objectName: "requestToken"
                            implicitWidth: 130
                            model: page.receive.tokens
                            currentIndex: Math.max(0, page.receive.tokens.indexOf(page.receive.token))
                            Accessible.name: qsTr("Token")
                            onActivated: index => page.receive.token = page.receive.tokens[index]
                        }
                    }
                }
                FieldLabel {
                    text: qsTr("Label")
                }
                AppTextField {
                    objectName: "requestLabel"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Who is asking, e.g. Garage charger top-up")
                    text: page.receive.label
                    Accessible.name: qsTr("Label")
                    onTextEdited: page.receive.label = text
                }
                FieldLabel {
                    text: qsTr("Message")
                }
                AppTextField {
                    objectName: "requestMessage"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Shown to the payer")
                    text: page.receive.message
                    Accessible.name: qsTr("Message")
                    onTextEdited: page.receive.message = text
                }
                FieldLabel {
                    text: qsTr("Memo")
                }
                AppTextField {
                    objectName: "requestMemo"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Recorded on chain with the payment (public)")
                    text: page.receive.memo
                    Accessible.name: qsTr("Memo")
                    onTextEdited: page.receive.memo = text
                }
                Banner {
                    objectName: "requestError"
                    Layout.fillWidth: true
                    text: page.receive.requestError
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingSmall
                    spacing: Theme.spacing
                    visible: page.receive.requestUrl.length > 0

                    RcvQrCode {
                        objectName: "requestQr"
                        Layout.alignment: Qt.AlignTop
                        implicitWidth: 200
                        implicitHeight: 200
                        modules: page.receive.requestQrSize
                        content: page.receive.requestUrl
                        dark: (x, y) => page.receive.requestQrDark(x, y)
                        Accessible.name: qsTr("QR code of the payment request")
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingSmall

                        Label {
                            objectName: "requestUrl"
                            Layout.fillWidth: true
                            text: page.receive.requestUrl
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WrapAnywhere
                            maximumLineCount: 8
                            elide: Text.ElideRight
                        }
                        AppButton {
                            objectName: "copyRequestUrl"
                            primary: true
                            text: qsTr("Copy payment link")
                            onClicked: page.receive.copyRequestUrl()
                        }
                        AppButton {
                            objectName: "clearRequest"
                            text: qsTr("Clear")
                            onClicked: page.receive.clearRequest()
                        }
                    }
                }
            }
        }
    }
}
