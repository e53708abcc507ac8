import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// A paired device's on-chain registration (a DeviceRegistrar): progress while it is sent and
// confirmed, the outcome in words, Retry after a failure, and — for a device that reported no
// serial number — a field for the serial from its label.
ColumnLayout {
    id: panel

    property DeviceRegistrar registrar
    readonly property int state: registrar ? registrar.state : DeviceRegistrar.Idle

    visible: state !== DeviceRegistrar.Idle
    spacing: Theme.spacing

    BusyRow {
        objectName: "registrationBusy"
        Layout.fillWidth: true
        running: panel.registrar !== null && panel.registrar.busy
        text: panel.registrar ? panel.registrar.text : ""
    }
    Banner {
        objectName: "registrationBanner"
        visible: text.length > 0 && panel.registrar !== null && !panel.registrar.busy
        kind: panel.state === DeviceRegistrar.Failed ? "warning" : "info"
        text: panel.registrar ? panel.registrar.text : ""
    }
    RowLayout {
        Layout.fillWidth: true
        visible: panel.state === DeviceRegistrar.NeedsSerial
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingTiny
            FieldLabel {
                text: qsTr("Serial number (from the label)")
            }
            AppTextField {
                id: serialField
                objectName: "registrationSerial"
                Layout.fillWidth: true
                Accessible.name: qsTr("Serial number from the device's label")
                onAccepted: panel.registrar.registerWithSerial(text)
            }
        }
        AppButton {
            objectName: "registerWithSerial"
            Layout.alignment: Qt.AlignBottom
            text: qsTr("Register")
            enabled: serialField.text.trim().length > 0
            onClicked: panel.registrar.registerWithSerial(serialField.text)
        }
    }
    Banner {
        objectName: "registrationSerialError"
        text: panel.registrar ? panel.registrar.serialError : ""
    }
    AppButton {
        objectName: "retryRegistration"
        Layout.alignment: Qt.AlignRight
        visible: panel.state === DeviceRegistrar.Failed
        text: qsTr("Retry registration")
        onClicked: panel.registrar.retry()
    }
}
