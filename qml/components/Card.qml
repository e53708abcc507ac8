import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A rounded surface that groups one topic. Put a single ColumnLayout inside
// (width: parent.width); the card sizes itself to it.
Pane {
    id: card

    property bool raised: false

    padding: Theme.cardPadding
    background: Rectangle {
        radius: Theme.radius
        color: card.raised ? Theme.surfaceRaised : Theme.surface
        border.color: Theme.border
        border.width: 1
    }
}
