import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// The review step of a send or a payment (a SendFlow): what will happen in words, the fee the
// network quoted, the simulation, the total; Send only when the simulation passed.
Card {
    id: card

    required property SendFlow flow
    property string sendText: qsTr("Send")

    objectName: "reviewCard"
    Layout.fillWidth: true

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        SectionTitle {
            Layout.fillWidth: true
            text: qsTr("Review")
        }
        Label {
            objectName: "reviewSummary"
            Layout.fillWidth: true
            text: card.flow.summary
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
                objectName: "reviewAmount"
                Layout.fillWidth: true
                text: card.flow.amountText
                color: Theme.text
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            Label { text: qsTr("To"); color: Theme.textMuted; Layout.alignment: Qt.AlignTop }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: card.flow.recipientLabel
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                TextEdit {
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    activeFocusOnTab: false
                    text: card.flow.recipient
                    color: Theme.text
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.accentText
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontBody
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Recipient address: %1").arg(text)
                }
            }
            Label { visible: card.flow.memo.length > 0; text: qsTr("Memo"); color: Theme.textMuted }
            Label {
                Layout.fillWidth: true
                visible: card.flow.memo.length > 0
                text: card.flow.memo
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label { visible: card.flow.message.length > 0; text: qsTr("Message"); color: Theme.textMuted }
            Label {
                objectName: "reviewMessage"
                Layout.fillWidth: true
                visible: card.flow.message.length > 0
                text: card.flow.message
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label {
                visible: card.flow.references.length > 0
                text: qsTr("Reference")
                color: Theme.textMuted
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: card.flow.references.length > 0
                spacing: 2

                Repeater {
                    model: card.flow.references

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
            Label { visible: card.flow.feeText.length > 0; text: qsTr("Network fee"); color: Theme.textMuted }
            Label {
                objectName: "reviewFee"
                Layout.fillWidth: true
                visible: card.flow.feeText.length > 0
                text: card.flow.feeText
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label { visible: card.flow.priorityText.length > 0; text: qsTr("Priority fee"); color: Theme.textMuted }
            Label {
                Layout.fillWidth: true
                visible: card.flow.priorityText.length > 0
                text: card.flow.priorityText
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label { visible: card.flow.accountRentText.length > 0; text: qsTr("Account deposit"); color: Theme.textMuted }
            Label {
                Layout.fillWidth: true
                visible: card.flow.accountRentText.length > 0
                text: qsTr("%1 (rent for the recipient's new token account)").arg(card.flow.accountRentText)
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Label { visible: card.flow.totalText.length > 0; text: qsTr("Total"); color: Theme.textMuted }
            Label {
                objectName: "reviewTotal"
                Layout.fillWidth: true
                visible: card.flow.totalText.length > 0
                text: card.flow.totalText
                color: Theme.text
                font.weight: Font.DemiBold
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.Wrap
            }
        }

        Banner {
            objectName: "simulationBanner"
            kind: card.flow.simulationOk ? "info" : "error"
            text: card.flow.simulationText
        }
        Rectangle {
            Layout.fillWidth: true
            visible: !card.flow.simulationOk && card.flow.simulationLogs.length > 0
            implicitHeight: logsText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radiusSmall
            color: Theme.surfaceRaised
            border.color: Theme.border

            TextEdit {
                id: logsText
                objectName: "simulationLogs"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                readOnly: true
                selectByMouse: true
                activeFocusOnTab: false
                text: card.flow.simulationLogs
                color: Theme.text
                selectionColor: Theme.accent
                selectedTextColor: Theme.accentText
                wrapMode: TextEdit.WrapAnywhere
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Program logs: %1").arg(text)
            }
        }

        BusyRow {
            Layout.fillWidth: true
            running: card.flow.busy
            text: card.flow.busyText
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            AppButton {
                objectName: "editButton"
                text: qsTr("Edit")
                enabled: !card.flow.busy
                onClicked: card.flow.edit()
            }
            Item { Layout.fillWidth: true }
            AppButton {
                objectName: "sendButton"
                primary: true
                text: card.sendText
                enabled: card.flow.canSend
                onClicked: card.flow.send()
            }
        }
    }
}
