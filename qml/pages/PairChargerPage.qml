import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Pair an EV charger: the app makes a charger id and password, the user types them (with the
// URL) into the charger's OCPP settings or scans the QR code, and the page waits for the
// charger to connect. The password is shown on purpose, once; the app keeps only a verifier.
ScrollPage {
    id: page

    readonly property PairingViewModel pairing: AppContext.pairing
    readonly property int step: pairing.chargerStep

    function go(name) {
        const w = ApplicationWindow.window
        if (w && w.showPage)
            w.showPage(name)
    }

    objectName: "pairChargerPage"
    title: qsTr("Pair an EV charger")
    subtitle: qsTr("Over OCPP 1.6J: the charger connects to this app on your network.")

    Card {
        Layout.fillWidth: true
        visible: page.step === PairingViewModel.Idle || page.step === PairingViewModel.Failed
                 || page.step === PairingViewModel.Creating

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionTitle {
                Layout.fillWidth: true
                text: qsTr("Before you start")
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Open your charger's setup page or app and find its OCPP (central system / backend) settings. The next step gives you the address, a charger id and a password to enter there.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Banner {
                objectName: "chargerError"
                text: page.pairing.chargerError
            }
            BusyRow {
                running: page.step === PairingViewModel.Creating
                visible: running
                text: qsTr("Making the charger's credentials…")
            }
            AppButton {
                objectName: "startCharger"
                primary: true
                text: qsTr("Show the charger's settings")
                enabled: page.step !== PairingViewModel.Creating
                onClicked: page.pairing.startCharger()
            }
        }
    }

    // Credentials and QR code while waiting for the charger, then what it reported.
    Card {
        objectName: "chargerCredentials"
        Layout.fillWidth: true
        visible: page.step === PairingViewModel.Waiting || page.step === PairingViewModel.Booted

        RowLayout {
            width: parent.width
            spacing: Theme.spacingLarge

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                SectionTitle {
                    Layout.fillWidth: true
                    text: page.step === PairingViewModel.Booted ? qsTr("Charger connected")
                                                                : qsTr("Enter these in your charger")
                }
                DevCopyField {
                    objectName: "chargerUrl"
                    Layout.fillWidth: true
                    label: qsTr("Central system URL")
                    value: page.pairing.chargerUrl
                    onCopyRequested: page.pairing.copyChargerUrl()
                }
                DevCopyField {
                    objectName: "chargerId"
                    Layout.fillWidth: true
                    label: qsTr("Charge point id")
                    value: page.pairing.chargerId
                    onCopyRequested: page.pairing.copyChargerId()
                }
                DevCopyField {
                    objectName: "chargerPassword"
                    Layout.fillWidth: true
                    label: qsTr("Password (AuthorizationKey)")
                    value: page.pairing.chargerPassword
                    secret: true
                    onCopyRequested: page.pairing.copyChargerPassword()
                }
                Banner {
                    kind: "warning"
                    text: qsTr("This password is shown only now. Anyone who has it can connect as your charger: enter it in the charger and don't share it. The app keeps only a fingerprint of it.")
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingSmall
                DevQrCode {
                    objectName: "chargerQr"
                    Layout.preferredWidth: 220
                    Layout.preferredHeight: 220
                    source: page.pairing
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code with the URL, charger id and password")
                }
                Label {
                    Layout.preferredWidth: 220
                    text: qsTr("Or scan this with the charger's app.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    Card {
        Layout.fillWidth: true
        visible: page.step === PairingViewModel.Waiting || page.step === PairingViewModel.Booted

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            BusyRow {
                objectName: "chargerWaiting"
                running: page.step === PairingViewModel.Waiting
                visible: running
                text: qsTr("Waiting for the charger to connect…")
            }
            GridLayout {
                objectName: "chargerBooted"
                Layout.fillWidth: true
                visible: page.step === PairingViewModel.Booted
                columns: 2
                columnSpacing: Theme.spacingLarge
                rowSpacing: Theme.spacingSmall
                Label { text: qsTr("Vendor"); color: Theme.textMuted }
                Label { text: page.pairing.chargerVendor; color: Theme.text; font.weight: Font.DemiBold }
                Label { text: qsTr("Model"); color: Theme.textMuted }
                Label { text: page.pairing.chargerModel; color: Theme.text; font.weight: Font.DemiBold }
                Label { text: qsTr("Serial number"); color: Theme.textMuted }
                Label { text: page.pairing.chargerSerial || qsTr("not reported"); color: Theme.text; font.weight: Font.DemiBold }
            }
            DevRegistration {
                Layout.fillWidth: true
                visible: page.step === PairingViewModel.Booted && state !== DeviceRegistrar.Idle
                registrar: page.pairing.chargerRegistration
            }
            RowLayout {
                Layout.fillWidth: true
                Item {
                    Layout.fillWidth: true
                }
                AppButton {
                    objectName: "cancelCharger"
                    visible: page.step === PairingViewModel.Waiting
                    text: qsTr("Cancel")
                    onClicked: {
                        page.pairing.cancelCharger()
                        page.go("devices")
                    }
                }
                AppButton {
                    objectName: "chargerDone"
                    visible: page.step === PairingViewModel.Booted
                    primary: true
                    text: qsTr("Done")
                    onClicked: {
                        page.pairing.finishCharger()
                        page.go("devices")
                    }
                }
            }
        }
    }
}
