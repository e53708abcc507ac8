import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// A page's title and one line on what the page is for.
ColumnLayout {
    property alias title: titleLabel.text
    property alias subtitle: subtitleLabel.text

    spacing: Theme.spacingSmall

    Label {
        id: titleLabel
        objectName: "pageTitle"
        Layout.fillWidth: true
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
    }
    Label {
        id: subtitleLabel
        Layout.fillWidth: true
        visible: text.length > 0
        color: Theme.textMuted
        font.pixelSize: Theme.fontLarge
        wrapMode: Text.Wrap
    }
}
