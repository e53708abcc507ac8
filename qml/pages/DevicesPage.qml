import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Devices: a live card per paired device; pairing starts here. Every value and word on the
// cards comes from AppContext.devices.
ScrollPage {
    id: page

    readonly property DevicesViewModel devices: AppContext.devices

    function go(name) {
        const w = ApplicationWindow.window
        if (w && w.showPage)
            w.showPage(name)
    }

    objectName: "devicesPage"
    title: qsTr("Devices")
    subtitle: page.devices.count > 0
              ? qsTr("Your energy devices, live. Select one for its history.")
              : qsTr("Connect the solar inverter and EV charger you own.")

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        visible: page.devices.count > 0

        AppButton {
            id: pairInverterTop
            objectName: "pairInverterTop"
            text: qsTr("Pair an inverter")
            KeyNavigation.tab: pairChargerTop
            onClicked: page.go("pair-inverter")
        }
        AppButton {
            id: pairChargerTop
            objectName: "pairChargerTop"
            text: qsTr("Pair a charger")
            KeyNavigation.tab: refreshButton
            onClicked: page.go("pair-charger")
        }
        Item {
            Layout.fillWidth: true
        }
        AppButton {
            id: refreshButton
            objectName: "refreshDevices"
            text: qsTr("Refresh")
            onClicked: page.devices.refresh()
        }
    }

    Banner {
        text: page.devices.errorText
    }

    // Empty state: what pairing does, and the two ways in.
    Card {
        objectName: "devicesEmpty"
        Layout.fillWidth: true
        visible: page.devices.count === 0

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Label {
                Layout.alignment: Qt.AlignHCenter
                text: "⚡"
                font.pixelSize: 44
                color: Theme.accent
                Accessible.ignored: true
            }
            SectionTitle {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("No devices yet")
            }
            Label {
                Layout.fillWidth: true
                Layout.maximumWidth: 560
                Layout.alignment: Qt.AlignHCenter
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Pair your solar inverter (SunSpec Modbus TCP) or your EV charger (OCPP 1.6J). The app reads them on your own network; nothing leaves your computer.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.spacingSmall
                spacing: Theme.spacing
                AppButton {
                    objectName: "pairInverterEmpty"
                    primary: true
                    text: qsTr("Pair an inverter")
                    onClicked: page.go("pair-inverter")
                }
                AppButton {
                    objectName: "pairChargerEmpty"
                    text: qsTr("Pair a charger")
                    onClicked: page.go("pair-charger")
                }
            }
        }
    }

    GridLayout {
        objectName: "deviceCards"
        Layout.fillWidth: true
        visible: page.devices.count > 0
        columns: Math.max(1, Math.floor((page.availableWidth - 2 * Theme.pagePadding + Theme.spacingLarge) / 380))
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingLarge

        Repeater {
            model: page.devices

            DevDeviceCard {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: {
                    AppContext.deviceDetail.select(deviceId)
                    page.go("device-detail")
                }
            }
        }
    }
}
