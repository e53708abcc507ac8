import QtQuick
import OpenVPP

// A padlock drawn from two shapes (no icon font needed, sharp at any scale).
Item {
    id: glyph

    property color color: Theme.accent

    implicitWidth: 40
    implicitHeight: 48

    Item {
        // The shackle: the top half of a rounded outline.
        x: glyph.width * 0.18
        width: glyph.width * 0.64
        height: glyph.height * 0.42
        clip: true

        Rectangle {
            width: parent.width
            height: parent.height * 2
            radius: width / 2
            color: "transparent"
            border.color: glyph.color
            border.width: Math.max(2, glyph.width * 0.1)
        }
    }
    Rectangle {
        // The body.
        y: glyph.height * 0.4
        width: glyph.width
        height: glyph.height * 0.6
        radius: glyph.width * 0.14
        color: glyph.color

        Rectangle {
            anchors.centerIn: parent
            width: parent.width * 0.14
            height: parent.height * 0.36
            radius: width / 2
            color: Theme.surface
        }
    }
}
