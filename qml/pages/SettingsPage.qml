import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Settings: look, auto-lock, unlock on this device, password, exporting the current account's
// secret key. Every password field is cleared as soon as the view model has it.
ScrollPage {
    id: page

    readonly property WalletViewModel wallet: AppContext.wallet
    readonly property SettingsViewModel settings: AppContext.settings
    readonly property ThemeController themeController: AppContext.theme
    readonly property string newPasswordProblem: AppContext.onboarding.passwordProblem(newPassword.text,
                                                                                       confirmPassword.text)

    objectName: "settingsPage"
    title: qsTr("Settings")
    subtitle: qsTr("How the app looks, when it locks, and your keys.")

    GridLayout {
        Layout.fillWidth: true
        columns: page.availableWidth > 980 ? 2 : 1
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingLarge

        // Appearance
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Appearance")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("System follows the colours of your desktop.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    ButtonGroup {
                        id: themeGroup
                    }
                    Repeater {
                        model: [{ "mode": ThemeController.System, "title": qsTr("System") },
                            { "mode": ThemeController.Light, "title": qsTr("Light") },
                            { "mode": ThemeController.Dark, "title": qsTr("Dark") }]

                        AppButton {
                            required property var modelData

                            objectName: "theme-" + modelData.mode
                            Layout.fillWidth: true
                            text: modelData.title
                            checkable: true
                            checked: page.themeController.mode === modelData.mode
                            ButtonGroup.group: themeGroup
                            onClicked: page.themeController.mode = modelData.mode
                        }
                    }
                }

                FieldLabel {
                    Layout.topMargin: Theme.spacingSmall
                    text: qsTr("Lock automatically")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Lock the wallet after this long without using the app.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    AppComboBox {
                        id: autoLockBox
                        objectName: "autoLockBox"
                        Layout.preferredWidth: 200
                        readonly property var minutes: [0, 1, 2, 5, 10, 15, 30, 60]
                        model: minutes.map(m => m === 0 ? qsTr("Never")
                                                      : m === 1 ? qsTr("After 1 minute")
                                                                : qsTr("After %1 minutes").arg(m))
                        currentIndex: minutes.indexOf(page.settings.autoLockMinutes)
                        displayText: currentIndex >= 0 ? currentText
                                                       : qsTr("After %1 minutes").arg(page.settings.autoLockMinutes)
                        Accessible.name: qsTr("Lock automatically: %1").arg(displayText)
                        onActivated: index => page.settings.autoLockMinutes = minutes[index]
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                }
            }
        }

        // Unlock on this device
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Unlock on this device")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Keep the wallet's key in your system keychain, so this computer can open the wallet without the password. Anyone who can log in as you can then open it too.")
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                AppSwitch {
                    id: deviceSwitch
                    objectName: "deviceUnlockSwitch"
                    Layout.fillWidth: true
                    text: qsTr("Unlock with this device")
                    checked: page.settings.deviceUnlock
                    enabled: page.settings.keychainAvailable && !page.settings.busy
                    onToggled: {
                        page.settings.setDeviceUnlock(checked)
                        // Show what the view model says, not what was clicked.
                        checked = Qt.binding(() => page.settings.deviceUnlock)
                    }
                }
                Label {
                    objectName: "keychainStatus"
                    Layout.fillWidth: true
                    text: page.settings.keychainStatus
                    color: page.settings.keychainAvailable ? Theme.textMuted : Theme.warning
                    wrapMode: Text.Wrap
                }
            }
        }

        // Change password
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Change password")
                }
                AppTextField {
                    id: currentPassword
                    objectName: "currentPasswordField"
                    Layout.fillWidth: true
                    secret: true
                    placeholderText: qsTr("Current password")
                    enabled: !page.settings.busy
                }
                AppTextField {
                    id: newPassword
                    objectName: "newPasswordField"
                    Layout.fillWidth: true
                    secret: true
                    placeholderText: qsTr("New password")
                    enabled: !page.settings.busy
                }
                AppTextField {
                    id: confirmPassword
                    objectName: "confirmPasswordField"
                    Layout.fillWidth: true
                    secret: true
                    placeholderText: qsTr("New password again")
                    enabled: !page.settings.busy
                    onAccepted: changeButton.clicked()
                }
                Label {
                    Layout.fillWidth: true
                    visible: newPassword.text.length > 0 && page.newPasswordProblem.length > 0
                    text: page.newPasswordProblem
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                Banner {
                    objectName: "settingsError"
                    text: page.settings.errorText
                }
                BusyRow {
                    Layout.fillWidth: true
                    running: page.settings.busy
                    text: qsTr("Working…")
                }
                RowLayout {
                    Layout.fillWidth: true

                    Item {
                        Layout.fillWidth: true
                    }
                    AppButton {
                        id: changeButton
                        objectName: "changePasswordButton"
                        primary: true
                        text: qsTr("Change password")
                        enabled: !page.settings.busy && currentPassword.text.length > 0
                                 && page.newPasswordProblem.length === 0
                        onClicked: {
                            page.settings.changePassword(currentPassword.text, newPassword.text,
                                                         confirmPassword.text)
                            currentPassword.clear()
                            newPassword.clear()
                            confirmPassword.clear()
                        }
                    }
                }
            }
        }

        // Export secret key
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ColumnLayout {
                width: parent.width
                spacing: Theme.spacingSmall

                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("Export secret key")
                }
                Label {
                    Layout.fillWidth: true
                    text: page.wallet.currentIsWatchOnly
                          ? qsTr("“%1” is watch-only: this wallet holds no key for it.").arg(page.wallet.currentLabel)
                          : qsTr("The key of “%1”. Anyone who has it controls the account: only move it into a wallet you trust.").arg(page.wallet.currentLabel)
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: !page.wallet.currentIsWatchOnly
                    spacing: Theme.spacingSmall

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingSmall

                        ButtonGroup {
                            id: formatGroup
                        }
                        AppButton {
                            id: formatJson
                            objectName: "formatJson"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: qsTr("Keypair JSON")
                            checkable: true
                            checked: true
                            ButtonGroup.group: formatGroup
                        }
                        AppButton {
                            objectName: "formatBase58"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            text: qsTr("Base58")
                            checkable: true
                            ButtonGroup.group: formatGroup
                        }
                    }
                    AppTextField {
                        id: exportPassword
                        objectName: "exportPasswordField"
                        Layout.fillWidth: true
                        secret: true
                        placeholderText: qsTr("Your password, to confirm")
                        enabled: !page.wallet.busy
                    }
                    Banner {
                        objectName: "exportError"
                        text: page.wallet.errorText
                    }
                    BusyRow {
                        Layout.fillWidth: true
                        running: page.wallet.busy
                        text: page.wallet.busyText
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingSmall

                        Item {
                            Layout.fillWidth: true
                        }
                        AppButton {
                            objectName: "saveKeyButton"
                            text: qsTr("Save to file…")
                            visible: formatJson.checked
                            enabled: exportPassword.text.length > 0 && !page.wallet.busy
                            onClicked: saveDialog.open()
                        }
                        AppButton {
                            objectName: "copyKeyButton"
                            danger: true
                            text: qsTr("Copy to clipboard")
                            enabled: exportPassword.text.length > 0 && !page.wallet.busy
                            onClicked: {
                                page.wallet.copySecretToClipboard(exportPassword.text, formatJson.checked ? 0 : 1)
                                exportPassword.clear()
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("The clipboard is cleared after 60 seconds. A saved file can be read only by you.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }

    // About
    Card {
        Layout.fillWidth: true

        GridLayout {
            width: parent.width
            columns: 2
            columnSpacing: Theme.spacingLarge
            rowSpacing: Theme.spacingSmall

            SectionTitle {
                Layout.columnSpan: 2
                Layout.fillWidth: true
                text: qsTr("About")
            }
            Label {
                text: qsTr("Version")
                color: Theme.textMuted
            }
            Label {
                objectName: "versionLabel"
                Layout.fillWidth: true
                text: AppContext.appVersion
                color: Theme.text
            }
            Label {
                text: qsTr("Network")
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: AppContext.onboarding.network
                color: Theme.text
            }
            Label {
                text: qsTr("Wallet file")
                color: Theme.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: page.wallet.vaultPath
                color: Theme.text
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideMiddle
            }
        }
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the keypair file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Keypair files (*.json)")]
        onAccepted: {
            page.wallet.exportKeypairFile(exportPassword.text, selectedFile)
            exportPassword.clear()
        }
        onRejected: exportPassword.clear()
    }
}
