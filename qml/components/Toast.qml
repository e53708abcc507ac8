import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A short confirmation ("Address copied") that fades out by itself. Never used for errors:
// those stay on the page until the user acts.
Popup {
    id: toast

    property string text

    function show(message) {
        text = message
        open()
        hideTimer.restart()
    }

    x: ((parent ? parent.width : 0) - width) / 2
    y: (parent ? parent.height : 0) - height - Theme.spacingHuge
    padding: Theme.spacing
    leftPadding: Theme.spacingLarge
    rightPadding: Theme.spacingLarge
    // Not CloseOnEscape: a popup that Escape closes blocks the window's shortcuts while open.
    closePolicy: Popup.NoAutoClose
    focus: false

    background: Rectangle {
        radius: Theme.radiusSmall
        color: Theme.dark ? "#e7edf4" : "#1d2733"
    }

    contentItem: Label {
        objectName: "toastText"
        text: toast.text
        color: Theme.dark ? "#17202b" : "#f3f5f8"
        font.pixelSize: Theme.fontBody
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    Timer {
        id: hideTimer
        interval: 3000
        onTriggered: toast.close()
    }
}
