import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// The wallet is locked: its keys are not in memory. The password opens it (Argon2id runs on a
// worker, so the spinner keeps moving); "unlock with this device" uses the OS keychain.
Item {
    id: page

    readonly property WalletViewModel wallet: AppContext.wallet

    function submit() {
        if (passwordField.text.length === 0 || wallet.busy)
            return
        wallet.unlock(passwordField.text)
        passwordField.clear()
    }

    objectName: "lockPage"

    Component.onCompleted: passwordField.forceActiveFocus()

    Connections {
        target: page.wallet

        // Put the cursor back into the field after a failed attempt.
        function onBusyChanged() {
            if (!page.wallet.busy)
                passwordField.forceActiveFocus()
        }
    }

    Card {
        anchors.centerIn: parent
        width: Math.min(460, page.width - 2 * Theme.pagePadding)

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            LockGlyph {
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: Theme.spacingSmall
                implicitWidth: 36
                implicitHeight: 44
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Wallet locked")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.spacingSmall
                text: qsTr("Enter your password to open OpenVPP World.")
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            AppTextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                secret: true
                enabled: !page.wallet.busy
                placeholderText: qsTr("Password")
                onAccepted: page.submit()
            }
            Banner {
                objectName: "errorBanner"
                text: page.wallet.errorText
            }
            BusyRow {
                Layout.fillWidth: true
                running: page.wallet.busy
                text: page.wallet.busyText
            }
            AppButton {
                objectName: "unlockButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("Unlock")
                enabled: passwordField.text.length > 0 && !page.wallet.busy
                onClicked: page.submit()
            }
            AppButton {
                objectName: "deviceUnlockButton"
                Layout.fillWidth: true
                visible: page.wallet.deviceUnlockReady
                enabled: !page.wallet.busy
                text: qsTr("Unlock with this device")
                onClicked: page.wallet.unlockWithDevice()
            }
            Label {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingSmall
                text: page.wallet.vaultPath
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideMiddle
                ToolTip.visible: vaultHover.hovered
                ToolTip.text: text

                HoverHandler {
                    id: vaultHover
                }
            }
        }
    }
}
