import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Watch: an address alone, no keys. The view model checks it is a valid Solana address.
FlowPage {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding

    signal navigate(string name)

    function submit() {
        if (onboarding.setWatchAddress(addressField.text))
            navigate("password")
    }

    objectName: "watchPage"
    title: qsTr("Watch an address")
    subtitle: qsTr("See a wallet's balances, devices and rewards without its keys. Nothing can be sent from a watched address.")
    onBack: navigate("welcome")

    FieldLabel {
        text: qsTr("Solana address")
    }
    AppTextField {
        id: addressField
        objectName: "addressField"
        Layout.fillWidth: true
        mono: true
        focus: true
        placeholderText: qsTr("Base58 public key")
        Accessible.name: qsTr("Solana address")
        onAccepted: page.submit()
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("A base58 public key of 32 to 44 characters, as shown by any Solana wallet or explorer.")
        color: Theme.textMuted
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
            enabled: addressField.text.length > 0
            onClicked: page.submit()
        }
    }
}
