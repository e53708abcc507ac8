import QtQuick
import OpenVPP

// Pair an OCPP charger: the URL, id and password to enter in it, then wait for it.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "pairChargerPage"
    title: "PairCharger"
    summary: "Not built yet."
}
