import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// An inline message: "error" (what went wrong and what to do), "warning" or "info".
// Hidden while its text is empty, so pages can bind errorText straight to it.
Rectangle {
    id: banner

    property string text
    property string kind: "error"

    readonly property color tone: kind === "error" ? Theme.danger
                                                   : kind === "warning" ? Theme.warning : Theme.info

    visible: text.length > 0
    Layout.fillWidth: true
    implicitWidth: row.implicitWidth + 2 * Theme.spacing
    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    radius: Theme.radiusSmall
    color: kind === "error" ? Theme.dangerSoft : kind === "warning" ? Theme.warningSoft : Theme.infoSoft
    border.color: tone
    border.width: 1

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            Layout.alignment: Qt.AlignTop
            text: banner.kind === "info" ? "ℹ" : "⚠"
            color: banner.tone
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: banner.text
            color: Theme.text
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
        }
    }
}
