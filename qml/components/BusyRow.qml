import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// A spinner with the view model's busyText ("Unlocking…"), shown while a job runs.
RowLayout {
    id: busyRow

    property bool running: false
    property string text

    visible: running
    spacing: Theme.spacing

    BusyIndicator {
        running: busyRow.running
        implicitWidth: 28
        implicitHeight: 28
        palette.dark: Theme.accent
        Accessible.name: busyRow.text
    }
    Label {
        Layout.fillWidth: true
        text: busyRow.text
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }
}
