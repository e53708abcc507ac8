import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// The heading of a card.
Label {
    color: Theme.text
    font.pixelSize: Theme.fontHeading
    font.weight: Font.DemiBold
    wrapMode: Text.Wrap
    Layout.bottomMargin: Theme.spacingTiny
    Accessible.role: Accessible.Heading
}
