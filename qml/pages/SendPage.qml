import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Send SOL, USDE or USDC: the form (checked as you type), then the review with the network's
// fee and simulation, then live progress until the send is final. One page, three steps.
ScrollPage {
    id: page

    readonly property SendViewModel send: AppContext.send
    readonly property SendFlow flow: AppContext.send.flow

    objectName: "sendPage"
    title: qsTr("Send")
    subtitle: page.send.fromText.length > 0 ? qsTr("From %1").arg(page.send.fromText) : ""

    Component.onCompleted: page.send.refresh()

    Banner {
        objectName: "errorBanner"
        text: page.flow.errorText
    }

    Card {
        objectName: "formCard"
        Layout.fillWidth: true
        visible: page.flow.step === SendFlow.Form

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            FieldLabel {
                text: qsTr("Token")
            }
            RowLayout {
                spacing: Theme.spacingSmall

                AppButton {
                    objectName: "tokenSOL"
                    text: "SOL"
                    checked: page.send.tokenIndex === 0
                    Accessible.name: qsTr("Send SOL")
                    onClicked: page.send.tokenIndex = 0
                }
                AppButton {
                    objectName: "tokenUSDE"
                    text: "USDE"
                    checked: page.send.tokenIndex === 1
                    Accessible.name: qsTr("Send USDE")
                    onClicked: page.send.tokenIndex = 1
                }
                AppButton {
                    objectName: "tokenUSDC"
                    text: "USDC"
                    checked: page.send.tokenIndex === 2
                    Accessible.name: qsTr("Send USDC")
                    onClicked: page.send.tokenIndex = 2
                }
            }
            Banner {
                kind: "warning"
                text: page.send.tokenError
            }

            FieldLabel {
                text: qsTr("Recipient")
            }
            AppTextField {
                id: recipientField
                objectName: "recipientField"
                Layout.fillWidth: true
                mono: true
                placeholderText: qsTr("Solana address")
                text: page.send.recipient
                focus: true
                onTextEdited: page.send.recipient = text
            }
            Label {
                objectName: "recipientError"
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.send.recipientError
                color: Theme.danger
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Banner {
                objectName: "recipientWarning"
                kind: page.send.recipientWarningStrong ? "error" : "warning"
                text: page.send.recipientWarning
            }
            Label {
                objectName: "recipientNote"
                Layout.fillWidth: true
                visible: text.length > 0
                text: "✓ " + page.send.recipientNote
                color: Theme.accent
                wrapMode: Text.Wrap
            }

            FieldLabel {
                text: qsTr("Amount")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                AppTextField {
                    id: amountField
                    objectName: "amountField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Amount in %1").arg(page.send.tokens[page.send.tokenIndex])
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    text: page.send.amount
                    onTextEdited: page.send.amount = text
                }
                Label {
                    text: page.send.tokens[page.send.tokenIndex]
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontLarge
                }
                AppButton {
                    objectName: "maxButton"
                    text: qsTr("Max")
                    enabled: page.send.balanceText.length > 0
                    Accessible.description: qsTr("Send the whole balance, keeping the network fee")
                    onClicked: page.send.useMax()
                }
            }
            Label {
                objectName: "balanceText"
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.send.balanceText
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "amountError"
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.send.amountError
                color: Theme.danger
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            FieldLabel {
                text: qsTr("Memo (optional)")
            }
            AppTextField {
                objectName: "memoField"
                Layout.fillWidth: true
                placeholderText: qsTr("A note for the recipient, public on the blockchain")
                text: page.send.memo
                onTextEdited: page.send.memo = text
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.send.memoError
                color: Theme.danger
                wrapMode: Text.Wrap
            }

            FieldLabel {
                text: qsTr("Priority")
            }
            RowLayout {
                spacing: Theme.spacingSmall

                AppButton {
                    objectName: "priority0"
                    text: qsTr("None")
                    checked: page.send.priority === SendViewModel.PriorityNone
                    Accessible.name: qsTr("Priority: None")
                    onClicked: page.send.priority = SendViewModel.PriorityNone
                }
                AppButton {
                    objectName: "priority1"
                    text: qsTr("Suggested")
                    checked: page.send.priority === SendViewModel.PrioritySuggested
                    Accessible.name: qsTr("Priority: Suggested")
                    onClicked: page.send.priority = SendViewModel.PrioritySuggested
                }
                AppButton {
                    objectName: "priority2"
                    text: qsTr("Fast")
                    checked: page.send.priority === SendViewModel.PriorityFast
                    Accessible.name: qsTr("Priority: Fast")
                    onClicked: page.send.priority = SendViewModel.PriorityFast
                }
            }
            Label {
                Layout.fillWidth: true
                text: page.send.priority === SendViewModel.PriorityNone
                      ? qsTr("Only the base network fee. Fine when the network is quiet.")
                      : page.send.priority === SendViewModel.PrioritySuggested
                        ? qsTr("What recent transactions paid to get in quickly; often nothing.")
                        : qsTr("Twice the suggestion, at least 0.000002 SOL: for a busy network.")
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
                    objectName: "clearButton"
                    text: qsTr("Clear")
                    enabled: !page.flow.busy
                    onClicked: page.send.clear()
                }
                Item { Layout.fillWidth: true }
                AppButton {
                    objectName: "reviewButton"
                    primary: true
                    text: qsTr("Review")
                    enabled: page.send.canReview
                    onClicked: page.send.review()
                }
            }
        }
    }

    SendReviewCard {
        visible: page.flow.step === SendFlow.Review
        flow: page.flow
    }

    SendProgressCard {
        visible: page.flow.step >= SendFlow.Progress
        flow: page.flow
        onNewSend: page.send.clear()
    }
}
