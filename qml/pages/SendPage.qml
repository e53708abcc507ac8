import QtQuick
import OpenVPP

// Send SOL or USDE: recipient, amount, memo, fee, review and live progress.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "sendPage"
    title: "Send"
    summary: "Not built yet."
}
