import QtQuick
import OpenVPP

// History: the account's transactions, decoded.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "historyPage"
    title: "History"
    summary: "Not built yet."
}
