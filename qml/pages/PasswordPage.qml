import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// The last step of every first-run path: the password the vault is encrypted with. The view
// model judges the password (passwordProblem); the fields are cleared as soon as it has it.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding
    readonly property bool watching: onboarding.mode === OnboardingViewModel.Watch
    readonly property string problem: onboarding.passwordProblem(passwordField.text, confirmField.text)

    signal navigate(string name)

    function submit() {
        if (problem.length > 0 || onboarding.busy)
            return
        onboarding.finish(passwordField.text)
        passwordField.clear()
        confirmField.clear()
    }

    objectName: "passwordPage"
    title: qsTr("Choose a password")
    subtitle: watching ? qsTr("Even an address alone says what someone owns, so the wallet file is encrypted too. You will type this password to open the app.")
                       : qsTr("The password encrypts your keys on this computer and is asked for when you open the app. Nobody can recover it for you; your recovery words can always restore the wallet.")
    stepText: onboarding.mode === OnboardingViewModel.Create ? qsTr("Step 3 of 3") : ""
    onBack: {
        switch (onboarding.mode) {
        case OnboardingViewModel.Create: navigate("create-quiz"); break
        case OnboardingViewModel.ImportWords: navigate("import-path"); break
        case OnboardingViewModel.ImportKeypair: navigate("import-keypair"); break
        case OnboardingViewModel.ImportSecret: navigate("import-secret"); break
        default: navigate("watch")
        }
    }

    FieldLabel {
        text: qsTr("Password")
    }
    AppTextField {
        id: passwordField
        objectName: "passwordField"
        Layout.fillWidth: true
        secret: true
        focus: true
        enabled: !page.onboarding.busy
        placeholderText: qsTr("At least 8 characters")
        Accessible.name: qsTr("Password")
        onAccepted: confirmField.forceActiveFocus()
    }
    FieldLabel {
        Layout.topMargin: Theme.spacingSmall
        text: qsTr("Password again")
    }
    AppTextField {
        id: confirmField
        objectName: "confirmField"
        Layout.fillWidth: true
        secret: true
        enabled: !page.onboarding.busy
        placeholderText: qsTr("The same password")
        Accessible.name: qsTr("Password again")
        onAccepted: page.submit()
    }
    Label {
        objectName: "problemLabel"
        Layout.fillWidth: true
        visible: passwordField.text.length > 0 && page.problem.length > 0
        text: page.problem
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Network: %1").arg(page.onboarding.network)
        color: Theme.textMuted
    }

    Banner {
        objectName: "errorBanner"
        text: page.onboarding.errorText
    }
    BusyRow {
        Layout.fillWidth: true
        running: page.onboarding.busy
        text: page.onboarding.busyText
    }

    RowLayout {
        Layout.fillWidth: true

        Item {
            Layout.fillWidth: true
        }
        AppButton {
            objectName: "finishButton"
            primary: true
            text: page.watching ? qsTr("Start watching")
                                : page.onboarding.mode === OnboardingViewModel.Create ? qsTr("Create wallet")
                                                                                      : qsTr("Import wallet")
            enabled: page.problem.length === 0 && !page.onboarding.busy
            onClicked: page.submit()
        }
    }
}
