import QtQuick
import OpenVPP

// Pair a SunSpec solar inverter: by address or by scanning the network.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "pairInverterPage"
    title: "PairInverter"
    summary: "Not built yet."
}
