import QtQuick
import OpenVPP

// Inspect: not built yet; says what it will hold.
PlaceholderPage {
    objectName: "inspectPage"
    title: qsTr("Inspect")
    subtitle: qsTr("Look into any wallet, read-only: for support staff.")
    glyph: "⌕"
    summary: qsTr("Inspecting is not built yet. This page will show everything about any Solana address without touching anyone's keys.")
    features: [
        qsTr("Balances and token accounts of any address"),
        qsTr("Transaction history, each transaction decoded into readable steps"),
        qsTr("Registered devices, reward statements and payouts"),
        qsTr("A diagnostics bundle to attach to a support ticket, holding no secret")
    ]
}
