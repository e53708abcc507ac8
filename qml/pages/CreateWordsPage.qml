import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Create, step 1: the recovery words, shown once. They live in the view model only while the
// flow runs; this grid exists only while the page is on screen.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding

    signal navigate(string name)

    objectName: "createWordsPage"
    title: qsTr("Your recovery words")
    subtitle: qsTr("These words are your wallet. With them you can restore it on any computer; without them, a lost password means a lost wallet.")
    stepText: qsTr("Step 1 of 3")
    onBack: navigate("welcome")

    Banner {
        kind: "warning"
        text: qsTr("Write the words down on paper, in this order, and keep them somewhere safe. Never share them, never type them into a website, and don't keep them in a screenshot or a cloud note: anyone who has them can take everything in this wallet.")
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall

        FieldLabel {
            Layout.fillWidth: true
            text: qsTr("Number of words")
        }
        ButtonGroup {
            id: countGroup
        }
        AppButton {
            objectName: "words12"
            text: qsTr("12 words")
            checkable: true
            checked: page.onboarding.wordCount === 12
            ButtonGroup.group: countGroup
            onClicked: {
                page.onboarding.wordCount = 12
                page.onboarding.generateMnemonic()
            }
        }
        AppButton {
            objectName: "words24"
            text: qsTr("24 words")
            checkable: true
            checked: page.onboarding.wordCount === 24
            ButtonGroup.group: countGroup
            onClicked: {
                page.onboarding.wordCount = 24
                page.onboarding.generateMnemonic()
            }
        }
    }

    GridLayout {
        id: grid
        objectName: "wordGrid"
        Layout.fillWidth: true
        columns: 4
        rowSpacing: Theme.spacingSmall
        columnSpacing: Theme.spacingSmall

        Repeater {
            objectName: "wordRepeater"
            model: page.onboarding.words

            Rectangle {
                id: cell

                required property int number
                required property string word

                objectName: "word" + number
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: 38
                radius: Theme.radiusSmall
                color: Theme.surfaceRaised
                border.color: Theme.border
                Accessible.role: Accessible.StaticText
                Accessible.name: number + " " + word

                Label {
                    id: numberLabel
                    anchors.left: parent.left
                    anchors.leftMargin: Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    width: 24
                    text: cell.number
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    horizontalAlignment: Text.AlignRight
                }
                Label {
                    objectName: "wordText"
                    anchors.left: numberLabel.right
                    anchors.leftMargin: Theme.spacingSmall
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: cell.word
                    color: Theme.text
                    elide: Text.ElideRight
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontLarge
                    font.weight: Font.DemiBold
                }
            }
        }
    }

    AppCheckBox {
        id: writtenCheck
        objectName: "writtenCheck"
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        text: qsTr("I wrote the words down, in order, and put them somewhere safe")
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
            enabled: writtenCheck.checked
            onClicked: page.navigate("create-quiz")
        }
    }
}
