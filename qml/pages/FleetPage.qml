import QtQuick
import OpenVPP

// Fleet: not built yet; says what it will hold.
PlaceholderPage {
    objectName: "fleetPage"
    title: qsTr("Fleet")
    subtitle: qsTr("Every vehicle and charger you manage, in one table.")
    glyph: "▦"
    summary: qsTr("Fleet monitoring is not built yet. This page will follow tens to thousands of EVs and their chargers as they charge.")
    features: [
        qsTr("One live table: status, state of charge, power, session energy, last seen and faults"),
        qsTr("Sort and filter thousands of rows without waiting"),
        qsTr("Alerts when a charger faults or a vehicle goes quiet"),
        qsTr("Smart-charging limits for the whole fleet or one site"),
        qsTr("Fleet energy and reward reports, with CSV export")
    ]
}
