import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// One status filter of the fleet table: a pill with the status and how many chargers have it
// ("Charging 812"). Checked when it is the active filter. Keyboard: Tab to it, Space or Return.
Button {
    id: chip

    property int count: 0
    // "neutral", "accent", "danger", "warning", "info": the colour of the count's dot.
    property string tone: "neutral"

    checkable: true
    autoExclusive: true
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    topPadding: Theme.spacingTiny
    bottomPadding: Theme.spacingTiny
    font.pixelSize: Theme.fontBody
    Accessible.name: qsTr("%1: %2 chargers").arg(text).arg(count)

    Keys.onReturnPressed: if (enabled) clicked()
    Keys.onEnterPressed: if (enabled) clicked()

    readonly property color toneColor: tone === "accent" ? Theme.accent
                                     : tone === "danger" ? Theme.danger
                                     : tone === "warning" ? Theme.warning
                                     : tone === "info" ? Theme.info : Theme.textMuted

    contentItem: Row {
        spacing: Theme.spacingSmall

        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 8
            height: 8
            radius: 4
            color: chip.toneColor
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: chip.text
            font: chip.font
            color: chip.checked ? Theme.accentSoftText : Theme.text
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: chip.count.toLocaleString(Qt.locale(), "f", 0)
            font.pixelSize: chip.font.pixelSize
            font.weight: Font.DemiBold
            color: chip.checked ? Theme.accentSoftText : Theme.textMuted
        }
    }

    background: Rectangle {
        implicitHeight: 32
        radius: height / 2
        color: chip.checked ? Theme.accentSoft : chip.down ? Theme.pressed
                            : chip.hovered ? Theme.hover : Theme.surface
        border.width: chip.checked ? 2 : 1
        border.color: chip.checked ? Theme.accent : Theme.border

        FocusRing {
            visible: chip.visualFocus
            baseRadius: parent.radius
        }
    }
}
