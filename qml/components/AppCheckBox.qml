import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A check box whose label wraps and whose keyboard focus shows as a ring.
CheckBox {
    id: control

    spacing: Theme.spacing
    font.pixelSize: Theme.fontBody
    Accessible.name: text

    indicator: Rectangle {
        x: control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        implicitWidth: 22
        implicitHeight: 22
        radius: 5
        color: control.checked ? Theme.accent : Theme.input
        border.width: control.checked ? 0 : 2
        border.color: Theme.borderStrong

        Label {
            anchors.centerIn: parent
            visible: control.checked
            text: "✓"
            color: Theme.accentText
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        FocusRing {
            visible: control.visualFocus
            baseRadius: 5
        }
    }

    contentItem: Label {
        leftPadding: control.indicator.width + control.spacing
        text: control.text
        font: control.font
        color: control.enabled ? Theme.text : Theme.textDisabled
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
