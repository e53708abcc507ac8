import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// A large, keyboard-reachable choice: a glyph, a title and one sentence on what it does.
AbstractButton {
    id: control

    property string glyph
    property string description

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    padding: Theme.cardPadding
    implicitWidth: 220
    implicitHeight: Math.max(200, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: description

    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: ColumnLayout {
        spacing: Theme.spacing

        Rectangle {
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            radius: 24
            color: Theme.accentSoft

            Label {
                anchors.centerIn: parent
                text: control.glyph
                color: Theme.accentSoftText
                font.pixelSize: Theme.fontGlyph
            }
        }
        Label {
            Layout.fillWidth: true
            text: control.text
            color: Theme.text
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: control.description
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Item {
            Layout.fillHeight: true
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Theme.pressed : control.hovered ? Theme.hover : Theme.surface
        border.color: control.hovered ? Theme.accent : Theme.border
        border.width: 1

        FocusRing {
            visible: control.visualFocus
            baseRadius: Theme.radius
        }
    }
}
