import QtQuick
import OpenVPP

// Rewards: not built yet; says what it will hold.
PlaceholderPage {
    objectName: "rewardsPage"
    title: qsTr("Rewards")
    subtitle: qsTr("What your devices earned, and what has been paid.")
    glyph: "★"
    summary: qsTr("Rewards are not built yet. This page will show the USDE your devices earn for the energy they produce and shift.")
    features: [
        qsTr("Energy and rewards per day, week and month, in charts"),
        qsTr("Earned, paid and pending, reconciled against on-chain payouts"),
        qsTr("Daily statements anchored on Solana, each one verifiable"),
        qsTr("CO₂ avoided by what your devices produced and shifted")
    ]
}
