import QtQuick
import OpenVPP

// The visible keyboard-focus outline every focusable control draws around itself.
Rectangle {
    property real inset: -3
    // The corner radius of the shape the ring goes around.
    property real baseRadius: Theme.radiusSmall

    anchors.fill: parent
    anchors.margins: inset
    radius: baseRadius - inset
    color: "transparent"
    border.color: Theme.focus
    border.width: 2
}
