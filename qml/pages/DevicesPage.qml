import QtQuick
import OpenVPP

// Devices: not built yet; says what it will hold.
PlaceholderPage {
    objectName: "devicesPage"
    title: qsTr("Devices")
    subtitle: qsTr("Your solar inverter, EV charger and battery, live.")
    glyph: "⚡"
    summary: qsTr("Pairing devices is not built yet. This page will connect the energy devices you own to your wallet, so they earn rewards for it.")
    features: [
        qsTr("Pair a solar inverter over SunSpec Modbus TCP: enter its address or scan your network"),
        qsTr("Pair an EV charger over OCPP 1.6J: the app shows the address, charger id and password to enter"),
        qsTr("Live power and energy per device, with charts over days, weeks and months"),
        qsTr("Start and stop charging, and charge when power is cheap and clean"),
        qsTr("Register each device on-chain, so anyone can see which wallet it earns for")
    ]
}
