import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Import: recovery words (with an optional passphrase), a Solana CLI keypair file, or a base58
// secret key. The view model validates; secret inputs are cleared once it has taken them.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding
    // "import-words", "import-keypair" or "import-secret": which tab shows.
    property string tab: "import-words"
    readonly property int tabIndex: tab === "import-keypair" ? 1 : tab === "import-secret" ? 2 : 0

    signal navigate(string name)

    function syncMode() {
        onboarding.mode = tabIndex === 1 ? OnboardingViewModel.ImportKeypair
                                         : tabIndex === 2 ? OnboardingViewModel.ImportSecret
                                                          : OnboardingViewModel.ImportWords
    }
    function submit() {
        if (tabIndex === 0) {
            if (onboarding.setImportWords(wordsArea.text, passphraseField.text)) {
                wordsArea.clear()
                passphraseField.clear()
                navigate("import-path")
            }
        } else if (tabIndex === 1) {
            if (onboarding.setImportKeypairFile(fileDialog.selectedFile))
                navigate("password")
        } else {
            const accepted = onboarding.setImportSecret(secretField.text)
            secretField.clear()
            if (accepted)
                navigate("password")
        }
    }

    objectName: "importPage"
    title: qsTr("Import a wallet")
    subtitle: qsTr("Bring in a wallet you already have. Its keys stay on this computer, encrypted.")
    onBack: navigate("welcome")
    onTabIndexChanged: syncMode()
    Component.onCompleted: syncMode()

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingSmall

        ButtonGroup {
            id: tabGroup
        }
        Repeater {
            model: [{ "name": "import-words", "title": qsTr("Recovery words") },
                { "name": "import-keypair", "title": qsTr("Keypair file") },
                { "name": "import-secret", "title": qsTr("Secret key") }]

            AppButton {
                required property var modelData
                required property int index

                objectName: "tab-" + modelData.name
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: modelData.title
                checkable: true
                checked: page.tabIndex === index
                ButtonGroup.group: tabGroup
                Accessible.role: Accessible.PageTab
                onClicked: page.navigate(modelData.name)
            }
        }
    }

    // Recovery words
    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        visible: page.tabIndex === 0
        spacing: Theme.spacingSmall

        FieldLabel {
            text: qsTr("Recovery words")
        }
        TextArea {
            id: wordsArea
            objectName: "wordsArea"
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            focus: page.tabIndex === 0
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            color: Theme.text
            placeholderText: qsTr("Type or paste your 12 or 24 words, separated by spaces")
            placeholderTextColor: Theme.textMuted
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Recovery words")
            KeyNavigation.priority: KeyNavigation.BeforeItem
            KeyNavigation.tab: passphraseField
            background: Rectangle {
                radius: Theme.radiusSmall
                color: Theme.input
                border.width: wordsArea.activeFocus ? 2 : 1
                border.color: wordsArea.activeFocus ? Theme.focus : Theme.borderStrong
            }
        }
        FieldLabel {
            Layout.topMargin: Theme.spacingSmall
            text: qsTr("Passphrase (optional)")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Only if you set one when the words were made (sometimes called the 25th word). A different passphrase opens a different wallet.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        AppTextField {
            id: passphraseField
            objectName: "passphraseField"
            Layout.fillWidth: true
            secret: true
            placeholderText: qsTr("Leave empty if you have none")
            Accessible.name: qsTr("Passphrase")
            onAccepted: page.submit()
        }
    }

    // Keypair file
    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        visible: page.tabIndex === 1
        spacing: Theme.spacingSmall

        FieldLabel {
            text: qsTr("Keypair file")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("A Solana CLI keypair: a JSON file holding 64 numbers, such as ~/.config/solana/id.json.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            AppTextField {
                objectName: "keypairPath"
                Layout.fillWidth: true
                readOnly: true
                mono: true
                text: decodeURIComponent(String(fileDialog.selectedFile).replace(/^file:\/\//, ""))
                placeholderText: qsTr("No file chosen")
            }
            AppButton {
                objectName: "browseButton"
                text: qsTr("Choose file…")
                focus: page.tabIndex === 1
                onClicked: fileDialog.open()
            }
        }
    }

    // Secret key
    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        visible: page.tabIndex === 2
        spacing: Theme.spacingSmall

        FieldLabel {
            text: qsTr("Secret key")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("The 64-byte secret key in base58, as Phantom and Solflare export it.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        AppTextField {
            id: secretField
            objectName: "secretField"
            Layout.fillWidth: true
            secret: true
            mono: true
            focus: page.tabIndex === 2
            placeholderText: qsTr("Base58 secret key")
            Accessible.name: qsTr("Secret key")
            onAccepted: page.submit()
        }
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
            objectName: "continueButton"
            primary: true
            text: qsTr("Continue")
            enabled: !page.onboarding.busy
                     && (page.tabIndex !== 1 || String(fileDialog.selectedFile).length > 0)
            onClicked: page.submit()
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a keypair file")
        nameFilters: [qsTr("Keypair files (*.json)"), qsTr("All files (*)")]
    }
}
