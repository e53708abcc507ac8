import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// One entry of the navigation rail: a glyph over a short label; the shortcut shows as a tooltip.
AbstractButton {
    id: control

    property string glyph
    property string shortcutText

    checkable: true
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    implicitWidth: Theme.railWidth - 2 * Theme.spacingSmall
    implicitHeight: 64
    Accessible.role: Accessible.PageTab
    Accessible.name: text

    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    ToolTip.visible: hovered
    ToolTip.delay: 600
    ToolTip.text: shortcutText.length > 0 ? text + " (" + shortcutText + ")" : text

    contentItem: ColumnLayout {
        spacing: 2

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: control.glyph
            font.pixelSize: Theme.fontGlyph
            color: control.checked ? Theme.accentSoftText : Theme.textMuted
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: control.width - 4
            text: control.text
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSmall
            font.weight: control.checked ? Font.DemiBold : Font.Normal
            color: control.checked ? Theme.accentSoftText : Theme.text
        }
    }

    background: Rectangle {
        radius: Theme.radiusSmall
        color: control.checked ? Theme.accentSoft : control.hovered ? Theme.hover : "transparent"

        Rectangle {
            visible: control.checked
            width: 3
            height: parent.height - 2 * Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            radius: 2
            color: Theme.accent
        }
        FocusRing {
            visible: control.visualFocus
            inset: 1
        }
    }
}
