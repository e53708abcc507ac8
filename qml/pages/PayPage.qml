import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Pay a solana: transfer-request link (from a bill, a QR code, or a link the app was opened
// with): what it asks, then the same review and progress as Send.
ScrollPage {
    id: page

    readonly property PayViewModel pay: AppContext.pay
    readonly property SendFlow flow: AppContext.pay.flow

    objectName: "payPage"
    title: qsTr("Pay")
    subtitle: qsTr("Open a Solana Pay link, check what it asks, and pay it.")

    Banner {
        objectName: "errorBanner"
        text: page.flow.errorText
    }

    Card {
        objectName: "linkCard"
        Layout.fillWidth: true
        visible: page.flow.step === SendFlow.Form

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            FieldLabel {
                text: qsTr("Payment link")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                AppTextField {
                    id: linkField
                    objectName: "linkField"
                    Layout.fillWidth: true
                    mono: true
                    placeholderText: qsTr("solana:…")
                    text: page.pay.link
                    focus: true
                    onAccepted: page.pay.open(text)
                }
                AppButton {
                    objectName: "openButton"
                    text: qsTr("Open")
                    enabled: linkField.text.length > 0
                    onClicked: page.pay.open(linkField.text)
                }
            }
            Banner {
                objectName: "linkError"
                text: page.pay.errorText
            }
        }
    }

    Card {
        objectName: "requestCard"
        Layout.fillWidth: true
        visible: page.pay.hasRequest && page.flow.step === SendFlow.Form

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionTitle {
                Layout.fillWidth: true
                text: page.pay.label.length > 0 ? qsTr("%1 asks for a payment").arg(page.pay.label)
                                                : qsTr("A payment request")
            }
            Label {
                Layout.fillWidth: true
                visible: page.pay.message.length > 0
                text: page.pay.message
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.Wrap
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacingLarge
                rowSpacing: Theme.spacingSmall

                Label { text: qsTr("Amount"); color: Theme.textMuted }
                Label {
                    objectName: "requestAmount"
                    Layout.fillWidth: true
                    visible: !page.pay.needsAmount
                    text: page.pay.amount + " " + page.pay.tokenSymbol
                    color: Theme.text
                    font.weight: Font.DemiBold
                    font.pixelSize: Theme.fontLarge
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: page.pay.needsAmount
                    AppTextField {
                        objectName: "amountField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("The link has no amount: enter one")
                        onTextEdited: page.pay.amount = text
                    }
                    Label { text: page.pay.tokenSymbol; color: Theme.textMuted }
                }
                Label { text: qsTr("To"); color: Theme.textMuted; Layout.alignment: Qt.AlignTop }
                TextEdit {
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    activeFocusOnTab: false
                    text: page.pay.recipient
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.accentText
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontBody
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Recipient address: %1").arg(text)
                }
                Label { visible: page.pay.memo.length > 0; text: qsTr("Memo"); color: Theme.textMuted }
                Label {
                    Layout.fillWidth: true
                    visible: page.pay.memo.length > 0
                    text: page.pay.memo
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: page.pay.references.length > 0
                    text: qsTr("Reference")
                    color: Theme.textMuted
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: page.pay.references.length > 0
                    spacing: 2

                    Repeater {
                        model: page.pay.references

                        Label {
                            required property string modelData

                            Layout.fillWidth: true
                            text: modelData
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WrapAnywhere
                        }
                    }
                }
                Label { text: qsTr("From"); color: Theme.textMuted }
                Label {
                    Layout.fillWidth: true
                    text: page.pay.fromText
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.pay.amountError
                color: Theme.danger
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The label and message come from whoever made the link. Check the amount and the recipient before you pay.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            BusyRow {
                Layout.fillWidth: true
                running: page.flow.busy
                text: page.flow.busyText
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                AppButton {
                    objectName: "discardButton"
                    text: qsTr("Discard")
                    enabled: !page.flow.busy
                    onClicked: page.pay.clear()
                }
                Item { Layout.fillWidth: true }
                AppButton {
                    objectName: "reviewButton"
                    primary: true
                    text: qsTr("Review payment")
                    enabled: page.pay.canReview
                    onClicked: page.pay.review()
                }
            }
        }
    }

    Banner {
        objectName: "linkCaution"
        kind: "warning"
        text: page.flow.step === SendFlow.Review
              ? qsTr("The name and message come from whoever made the link. Check the amount and the address before you pay.")
              : ""
    }

    SendReviewCard {
        visible: page.flow.step === SendFlow.Review
        flow: page.flow
        sendText: qsTr("Pay")
    }

    SendProgressCard {
        visible: page.flow.step >= SendFlow.Progress
        flow: page.flow
        onNewSend: page.pay.clear()
    }
}
