import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A drop-down in the app's look, with a focus ring; the list itself is the Basic style's,
// coloured by the window palette.
ComboBox {
    id: control

    font.pixelSize: Theme.fontBody
    leftPadding: Theme.spacing
    Accessible.name: displayText

    contentItem: Text {
        leftPadding: 0
        rightPadding: control.indicator.width + control.spacing
        text: control.displayText
        font: control.font
        color: control.enabled ? Theme.text : Theme.textDisabled
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    indicator: Label {
        x: control.width - width - Theme.spacing
        y: (control.height - height) / 2
        text: "▾"
        color: Theme.textMuted
        font.pixelSize: Theme.fontLarge
    }

    background: Rectangle {
        implicitWidth: 160
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusSmall
        color: control.down ? Theme.pressed : control.hovered ? Theme.hover : Theme.input
        border.width: 1
        border.color: Theme.borderStrong

        FocusRing {
            visible: control.visualFocus
        }
    }
}
