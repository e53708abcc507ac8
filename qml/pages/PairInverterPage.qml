import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// Pair a solar inverter: type its address (or scan a range and pick one), see what answered
// BEFORE confirming, then confirm. Probing, scanning and saving happen in AppContext.pairing.
ScrollPage {
    id: page

    readonly property PairingViewModel pairing: AppContext.pairing

    function go(name) {
        const w = ApplicationWindow.window
        if (w && w.showPage)
            w.showPage(name)
    }

    objectName: "pairInverterPage"
    title: qsTr("Pair a solar inverter")
    subtitle: qsTr("Over SunSpec Modbus TCP on your own network. Enable Modbus TCP in the inverter's settings first.")

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionTitle {
                Layout.fillWidth: true
                text: qsTr("Inverter address")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingTiny
                    FieldLabel {
                        text: qsTr("Host or host:port")
                    }
                    AppTextField {
                        id: addressField
                        objectName: "inverterAddress"
                        Layout.fillWidth: true
                        mono: true
                        placeholderText: qsTr("192.168.1.20:502")
                        text: page.pairing.address
                        Accessible.name: qsTr("Inverter address")
                        onTextEdited: page.pairing.address = text
                        onAccepted: page.pairing.probe()
                        KeyNavigation.tab: unitField
                    }
                }
                ColumnLayout {
                    spacing: Theme.spacingTiny
                    FieldLabel {
                        text: qsTr("Unit id")
                    }
                    AppTextField {
                        id: unitField
                        objectName: "inverterUnit"
                        Layout.preferredWidth: 90
                        text: String(page.pairing.unitId)
                        validator: IntValidator { bottom: 0; top: 247 }
                        Accessible.name: qsTr("Modbus unit id")
                        onTextEdited: page.pairing.unitId = parseInt(text) || 0
                        KeyNavigation.tab: probeButton
                    }
                }
                AppButton {
                    id: probeButton
                    objectName: "probeInverter"
                    Layout.alignment: Qt.AlignBottom
                    primary: !page.pairing.found
                    text: qsTr("Look for it")
                    enabled: !page.pairing.probing && page.pairing.address.length > 0
                    onClicked: page.pairing.probe()
                }
            }
            BusyRow {
                running: page.pairing.probing
                visible: page.pairing.probing
                text: qsTr("Asking the inverter…")
            }
            Banner {
                objectName: "inverterError"
                text: page.pairing.inverterError
            }
        }
    }

    // What answered, before the user confirms.
    Card {
        objectName: "foundInverter"
        Layout.fillWidth: true
        visible: page.pairing.found

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionTitle {
                Layout.fillWidth: true
                text: page.pairing.inverterPaired ? qsTr("Paired") : qsTr("Found this inverter")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacingLarge
                rowSpacing: Theme.spacingSmall

                Repeater {
                    model: [
                        [qsTr("Manufacturer"), page.pairing.foundManufacturer],
                        [qsTr("Model"), page.pairing.foundModel],
                        [qsTr("Serial number"), page.pairing.foundSerial],
                        [qsTr("Firmware version"), page.pairing.foundVersion],
                        [qsTr("Address"), page.pairing.foundAddress],
                        [qsTr("Power now"), page.pairing.foundPowerText],
                        [qsTr("Battery"), page.pairing.foundBatteryText]
                    ].filter(row => row[1].length > 0)

                    delegate: RowLayout {
                        required property var modelData
                        Layout.columnSpan: 1
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label {
                            Layout.preferredWidth: 140
                            text: modelData[0]
                            color: Theme.textMuted
                        }
                        Label {
                            Layout.fillWidth: true
                            text: modelData[1]
                            color: Theme.text
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                    }
                }
            }
            DevRegistration {
                Layout.fillWidth: true
                registrar: page.pairing.inverterRegistration
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BusyRow {
                    running: page.pairing.confirming
                    visible: page.pairing.confirming
                    text: qsTr("Saving…")
                }
                Item {
                    Layout.fillWidth: true
                }
                AppButton {
                    objectName: "cancelInverter"
                    visible: !page.pairing.inverterPaired
                    text: qsTr("Not this one")
                    onClicked: page.pairing.resetInverter()
                }
                AppButton {
                    objectName: "confirmInverter"
                    visible: !page.pairing.inverterPaired
                    primary: true
                    enabled: !page.pairing.confirming
                    text: qsTr("Pair this inverter")
                    onClicked: page.pairing.confirmInverter()
                }
                AppButton {
                    objectName: "inverterDone"
                    visible: page.pairing.inverterPaired
                    primary: true
                    text: qsTr("Done")
                    onClicked: {
                        page.pairing.resetInverter()
                        page.go("devices")
                    }
                }
            }
        }
    }

    // Or scan a range of the local network.
    Card {
        Layout.fillWidth: true
        visible: !page.pairing.found

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionTitle {
                Layout.fillWidth: true
                text: qsTr("Don't know the address? Scan your network")
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Looks for SunSpec devices on port 502 of up to 256 addresses, a few at a time.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AppTextField {
                    objectName: "scanRange"
                    Layout.fillWidth: true
                    mono: true
                    placeholderText: qsTr("192.168.1.0/24")
                    text: page.pairing.scanRange
                    Accessible.name: qsTr("Address range to scan")
                    onTextEdited: page.pairing.scanRange = text
                    onAccepted: page.pairing.startScan()
                }
                AppButton {
                    objectName: "scanButton"
                    text: page.pairing.scanning ? qsTr("Cancel") : qsTr("Scan")
                    enabled: page.pairing.scanning || page.pairing.scanRange.length > 0
                    onClicked: page.pairing.scanning ? page.pairing.cancelScan() : page.pairing.startScan()
                }
            }
            ProgressBar {
                objectName: "scanProgress"
                Layout.fillWidth: true
                visible: page.pairing.scanning
                from: 0
                to: Math.max(1, page.pairing.scanTotal)
                value: page.pairing.scanScanned
                Accessible.name: page.pairing.scanSummary
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.pairing.scanSummary
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Banner {
                text: page.pairing.scanError
            }
            Repeater {
                model: page.pairing.scanResults
                delegate: AppButton {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    text: qsTr("%1 — %2 (serial %3)").arg(modelData.address).arg(modelData.title).arg(modelData.serial)
                    onClicked: page.pairing.pickScanResult(index)
                }
            }
        }
    }
}
