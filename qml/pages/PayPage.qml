import QtQuick
import OpenVPP

// Pay a solana: transfer-request link.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "payPage"
    title: "Pay"
    summary: "Not built yet."
}
