import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// One credential to type into a device: a caption, the value big and selectable in a
// monospace font, and a Copy button (copies only when clicked).
ColumnLayout {
    id: field

    property string label
    property string value
    property bool secret: false
    signal copyRequested()

    spacing: Theme.spacingTiny

    FieldLabel {
        Layout.fillWidth: true
        text: field.label
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: valueText.implicitHeight + 2 * Theme.spacingSmall
            radius: Theme.radiusSmall
            color: Theme.surfaceRaised
            border.color: field.secret ? Theme.warning : Theme.border

            TextEdit {
                id: valueText
                anchors.fill: parent
                anchors.margins: Theme.spacingSmall
                text: field.value
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                color: Theme.text
                selectionColor: Theme.accent
                selectedTextColor: Theme.accentText
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontHeading
                Accessible.role: Accessible.StaticText
                Accessible.name: field.label + ": " + field.value
            }
        }
        AppButton {
            objectName: field.objectName + "Copy"
            text: qsTr("Copy")
            enabled: field.value.length > 0
            Accessible.name: qsTr("Copy %1").arg(field.label)
            onClicked: field.copyRequested()
        }
    }
}
