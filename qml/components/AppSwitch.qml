import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// An on/off switch whose label wraps and whose keyboard focus shows as a ring.
Switch {
    id: control

    spacing: Theme.spacing
    font.pixelSize: Theme.fontBody
    Accessible.name: text

    indicator: Rectangle {
        x: control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        implicitWidth: 44
        implicitHeight: 24
        radius: 12
        color: control.checked ? (control.enabled ? Theme.accent : Theme.accentSoft) : Theme.pressed
        border.width: control.checked ? 0 : 1
        border.color: Theme.borderStrong

        Rectangle {
            x: control.checked ? parent.width - width - 3 : 3
            anchors.verticalCenter: parent.verticalCenter
            width: 18
            height: 18
            radius: 9
            color: control.checked ? Theme.accentText : (control.enabled ? Theme.textMuted : Theme.textDisabled)

            Behavior on x {
                NumberAnimation {
                    duration: 120
                }
            }
        }
        FocusRing {
            visible: control.visualFocus
            baseRadius: 12
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
