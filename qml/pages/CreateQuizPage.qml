import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Create, step 2: three of the words again, to be sure they were written down. The view model
// picks the positions and checks the answers.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding

    signal navigate(string name)

    function submit() {
        const answers = []
        for (let i = 0; i < fields.count; ++i)
            answers.push(fields.itemAt(i).text)
        if (onboarding.checkQuiz(answers))
            navigate("password")
    }

    objectName: "createQuizPage"
    title: qsTr("Check your words")
    subtitle: qsTr("Type the words at these positions from what you wrote down.")
    stepText: qsTr("Step 2 of 3")
    onBack: navigate("create-words")

    Repeater {
        id: fields
        model: page.onboarding.quizPositions

        ColumnLayout {
            id: entry

            required property int modelData
            required property int index
            property alias text: field.text

            Layout.fillWidth: true
            spacing: Theme.spacingTiny

            FieldLabel {
                text: qsTr("Word #%1").arg(entry.modelData)
            }
            AppTextField {
                id: field
                objectName: "quizField" + entry.index
                Layout.fillWidth: true
                mono: true
                focus: entry.index === 0
                placeholderText: qsTr("Word #%1").arg(entry.modelData)
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhPreferLowercase
                onAccepted: page.submit()
            }
        }
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
            onClicked: page.submit()
        }
    }
}
