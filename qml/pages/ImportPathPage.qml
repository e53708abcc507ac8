import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Import by words, step 2: wallets derive accounts along different paths; show the address each
// common path gives for these words so the user can pick the one they know.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding

    signal navigate(string name)

    objectName: "importPathPage"
    title: qsTr("Choose your account")
    subtitle: qsTr("Different wallets turn the same words into different addresses. Pick the address you recognise; if unsure, keep the first one.")
    onBack: navigate("import-words")

    BusyRow {
        Layout.fillWidth: true
        running: page.onboarding.busy
        text: page.onboarding.busyText
    }

    ButtonGroup {
        id: pathGroup
    }

    Repeater {
        id: candidates
        objectName: "pathRepeater"
        model: page.onboarding.pathCandidates

        AbstractButton {
            id: candidate

            required property int index
            required property string title
            required property string path
            required property string address
            required property string balance

            objectName: "pathCandidate" + index
            Layout.fillWidth: true
            checkable: true
            checked: page.onboarding.selectedPath === index
            focusPolicy: Qt.StrongFocus
            hoverEnabled: true
            padding: Theme.spacing
            ButtonGroup.group: pathGroup
            Accessible.role: Accessible.RadioButton
            Accessible.name: title + " " + address
            onClicked: page.onboarding.selectedPath = index
            Keys.onReturnPressed: page.navigate("password")

            contentItem: RowLayout {
                spacing: Theme.spacing

                Rectangle {
                    Layout.alignment: Qt.AlignVCenter
                    implicitWidth: 20
                    implicitHeight: 20
                    radius: 10
                    color: "transparent"
                    border.width: 2
                    border.color: candidate.checked ? Theme.accent : Theme.borderStrong

                    Rectangle {
                        anchors.centerIn: parent
                        visible: candidate.checked
                        width: 10
                        height: 10
                        radius: 5
                        color: Theme.accent
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2

                    Label {
                        Layout.fillWidth: true
                        text: candidate.title
                        color: Theme.text
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: candidate.address
                        color: Theme.text
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideMiddle
                    }
                    Label {
                        Layout.fillWidth: true
                        text: candidate.path
                        color: Theme.textMuted
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
                Label {
                    Layout.alignment: Qt.AlignVCenter
                    text: candidate.balance
                    color: Theme.textMuted
                }
            }

            background: Rectangle {
                radius: Theme.radiusSmall
                color: candidate.checked ? Theme.accentSoft : candidate.hovered ? Theme.hover : Theme.surface
                border.width: candidate.checked ? 2 : 1
                border.color: candidate.checked ? Theme.accent : Theme.border

                FocusRing {
                    visible: candidate.visualFocus
                }
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: candidates.count > 0
        text: qsTr("SOL balances are read from the selected network; “—” means not known yet. An address that holds funds is usually the one you used before.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }

    Banner {
        objectName: "errorBanner"
        text: page.onboarding.errorText
    }

    RowLayout {
        Layout.fillWidth: true

        Item {
            Layout.fillWidth: true
        }
        AppButton {
            objectName: "continueButton"
            primary: true
            text: qsTr("Continue")
            enabled: !page.onboarding.busy && candidates.count > 0 && page.onboarding.selectedPath >= 0
            onClicked: page.navigate("password")
        }
    }
}
