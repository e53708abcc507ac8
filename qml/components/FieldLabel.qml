import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// The caption above an input.
Label {
    color: Theme.text
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    wrapMode: Text.Wrap
}
