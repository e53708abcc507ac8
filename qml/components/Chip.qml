import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A small rounded tag: an account's kind, the network, "Watch-only".
// tone: "neutral", "accent" or "info".
Rectangle {
    id: chip

    property string text
    property string tone: "neutral"

    implicitWidth: chipLabel.implicitWidth + 2 * Theme.spacing
    implicitHeight: 26
    radius: height / 2
    color: tone === "accent" ? Theme.accentSoft : tone === "info" ? Theme.infoSoft : Theme.surfaceRaised
    border.width: tone === "neutral" ? 1 : 0
    border.color: Theme.border
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: chipLabel
        anchors.centerIn: parent
        text: chip.text
        color: chip.tone === "accent" ? Theme.accentSoftText : chip.tone === "info" ? Theme.info : Theme.textMuted
        font.pixelSize: Theme.fontSmall
        font.weight: chip.tone === "neutral" ? Font.Normal : Font.DemiBold
    }
}
