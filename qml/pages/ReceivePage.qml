import QtQuick
import OpenVPP

// Receive: address, QR code and a Solana Pay request.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "receivePage"
    title: "Receive"
    summary: "Not built yet."
}
