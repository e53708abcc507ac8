import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A push button in three weights: plain (outlined), primary (the page's main action) and danger;
// a checkable plain button doubles as one segment of a choice (12 / 24 words, Light / Dark).
// Return/Enter press it too, so keyboard users never need the Space bar.
Button {
    id: control

    property bool primary: false
    property bool danger: false

    leftPadding: Theme.spacingLarge
    rightPadding: Theme.spacingLarge
    topPadding: Theme.spacingSmall
    bottomPadding: Theme.spacingSmall
    font.pixelSize: Theme.fontBody
    font.weight: primary || danger ? Font.DemiBold : Font.Normal
    Accessible.name: text

    Keys.onReturnPressed: if (enabled) clicked()
    Keys.onEnterPressed: if (enabled) clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: !control.enabled ? Theme.textDisabled
                                : control.primary ? Theme.accentText
                                                  : control.danger ? "#ffffff"
                                                                   : control.checked ? Theme.accentSoftText : Theme.text
    }

    background: Rectangle {
        implicitWidth: 96
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusSmall
        color: {
            if (!control.enabled)
                return control.primary || control.danger ? Theme.pressed : "transparent"
            if (control.primary)
                return control.down ? Theme.accentPressed : control.hovered ? Theme.accentHover : Theme.accent
            if (control.danger)
                return control.down ? Qt.darker(Theme.dangerButton, 1.2) : Theme.dangerButton
            if (control.checked)
                return Theme.accentSoft
            return control.down ? Theme.pressed : control.hovered ? Theme.hover : Theme.surface
        }
        border.width: control.primary || control.danger ? 0 : control.checked ? 2 : 1
        border.color: !control.enabled ? Theme.border : control.checked ? Theme.accent : Theme.borderStrong

        FocusRing {
            visible: control.visualFocus
        }
    }
}
