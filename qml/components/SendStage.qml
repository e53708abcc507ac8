import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// One stage of a send's progress (signed, processed, …): a numbered dot that turns into a
// check mark once the send has reached it.
RowLayout {
    id: stage

    property string text
    property int number: 1
    property bool reached: false

    spacing: Theme.spacingSmall
    Accessible.role: Accessible.StaticText
    Accessible.name: text + (reached ? qsTr(": done") : qsTr(": waiting"))

    Rectangle {
        implicitWidth: 22
        implicitHeight: 22
        radius: 11
        color: stage.reached ? Theme.accent : Theme.surfaceRaised
        border.color: stage.reached ? Theme.accent : Theme.borderStrong

        Label {
            anchors.centerIn: parent
            text: stage.reached ? "✓" : String(stage.number)
            color: stage.reached ? Theme.accentText : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
    }
    Label {
        Layout.fillWidth: true
        text: stage.text
        color: stage.reached ? Theme.text : Theme.textMuted
        font.weight: stage.reached ? Font.DemiBold : Font.Normal
        elide: Text.ElideRight
    }
}
