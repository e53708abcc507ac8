import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// The progress of a signed send (a SendFlow): signed → processed → confirmed → finalized, live
// from the Sender; what happened when it failed or expired; the signature and explorer link.
Card {
    id: card

    required property SendFlow flow
    signal newSend()

    objectName: "progressCard"
    Layout.fillWidth: true

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        SectionTitle {
            objectName: "progressTitle"
            Layout.fillWidth: true
            text: card.flow.step === SendFlow.Done ? qsTr("Sent")
                  : card.flow.step === SendFlow.Failed ? qsTr("Not sent") : qsTr("Sending…")
        }

        RowLayout {
            Layout.fillWidth: true
            visible: card.flow.step !== SendFlow.Failed
            spacing: Theme.spacingSmall

            SendStage {
                Layout.fillWidth: true
                text: qsTr("Signed")
                number: 1
                reached: card.flow.stage >= 0
            }
            SendStage {
                Layout.fillWidth: true
                text: qsTr("Processed")
                number: 2
                reached: card.flow.stage >= 1
            }
            SendStage {
                Layout.fillWidth: true
                text: qsTr("Confirmed")
                number: 3
                reached: card.flow.stage >= 2
            }
            SendStage {
                Layout.fillWidth: true
                text: qsTr("Finalized")
                number: 4
                reached: card.flow.stage >= 3
            }
        }

        Label {
            objectName: "stateText"
            Layout.fillWidth: true
            text: card.flow.stateText
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Banner {
            objectName: "resultBanner"
            kind: card.flow.step === SendFlow.Failed ? "error" : "info"
            text: card.flow.resultText
        }

        FieldLabel {
            visible: card.flow.signature.length > 0
            text: qsTr("Transaction signature")
            color: Theme.textMuted
            font.weight: Font.Normal
        }
        Rectangle {
            Layout.fillWidth: true
            visible: card.flow.signature.length > 0
            implicitHeight: signatureText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radiusSmall
            color: Theme.surfaceRaised
            border.color: Theme.border

            TextEdit {
                id: signatureText
                objectName: "signatureText"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                readOnly: true
                selectByMouse: true
                activeFocusOnTab: false
                text: card.flow.signature
                color: Theme.text
                selectionColor: Theme.accent
                selectedTextColor: Theme.accentText
                wrapMode: TextEdit.WrapAnywhere
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Signature: %1").arg(text)
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
                objectName: "explorerButton"
                visible: card.flow.signature.length > 0
                text: qsTr("Open in explorer")
                onClicked: Qt.openUrlExternally(card.flow.explorerUrl)
            }
            Item { Layout.fillWidth: true }
            AppButton {
                objectName: "sendAgainButton"
                visible: card.flow.step === SendFlow.Failed
                text: qsTr("Send again")
                enabled: !card.flow.busy
                onClicked: card.flow.sendAgain()
            }
            AppButton {
                objectName: "newSendButton"
                visible: card.flow.step === SendFlow.Done || card.flow.step === SendFlow.Failed
                primary: card.flow.step === SendFlow.Done
                text: qsTr("Done")
                onClicked: card.newSend()
            }
        }
    }
}
