import QtQuick
import OpenVPP

// One device: live chart and energy totals.
// (Placeholder written by the lead; its owner replaces it.)
PlaceholderPage {
    objectName: "deviceDetailPage"
    title: "DeviceDetail"
    summary: "Not built yet."
}
