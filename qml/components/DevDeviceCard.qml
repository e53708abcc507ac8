import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// One paired device on the Devices page: name, make and model, live power, state in words,
// when it was measured (relative; the exact time on hover), state of charge, energy today.
// The whole card is a button that opens the device's detail.
AbstractButton {
    id: card

    required property string deviceId
    required property string name
    required property string kind
    required property string makeModel
    required property string powerText
    required property string state
    required property string stateText
    required property string asOfText
    required property string asOfToolTip
    required property string socText
    required property string energyTodayText
    required property string detailText

    readonly property color stateColor: state === "producing" || state === "charging" ? Theme.accent
                                      : state === "faulted" ? Theme.danger
                                      : state === "offline" ? Theme.warning : Theme.textMuted

    implicitHeight: body.implicitHeight + 2 * Theme.cardPadding
    padding: Theme.cardPadding
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1, %2, %3, %4").arg(name).arg(stateText).arg(powerText).arg(asOfText)

    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.pressed : card.hovered ? Theme.hover : Theme.surface
        border.color: card.visualFocus ? Theme.focus : Theme.border
        border.width: card.visualFocus ? 2 : 1
    }

    contentItem: Item {
        implicitHeight: body.implicitHeight
        ColumnLayout {
            id: body
            width: parent.width
            spacing: Theme.spacingSmall

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    text: card.kind === "charger" ? "⚡" : "☀"
                    font.pixelSize: Theme.fontGlyph
                    color: Theme.text
                    Accessible.ignored: true
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: card.name
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.makeModel
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
                Rectangle {
                    objectName: "stateChip"
                    radius: height / 2
                    color: Theme.surfaceRaised
                    border.color: card.stateColor
                    implicitWidth: stateLabel.implicitWidth + 2 * Theme.spacing
                    implicitHeight: stateLabel.implicitHeight + Theme.spacingTiny * 2
                    Label {
                        id: stateLabel
                        anchors.centerIn: parent
                        text: card.stateText
                        color: card.state === "producing" || card.state === "charging"
                               ? Theme.accentSoftText : card.state === "faulted" ? Theme.danger
                               : card.state === "offline" ? Theme.warning : Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                    }
                }
            }
            Label {
                objectName: "powerText"
                text: card.powerText
                color: Theme.text
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.DemiBold
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    id: asOf
                    text: card.asOfText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    ToolTip.visible: asOfHover.hovered && card.asOfToolTip.length > 0
                    ToolTip.text: card.asOfToolTip
                    HoverHandler {
                        id: asOfHover
                    }
                }
                Item {
                    Layout.fillWidth: true
                }
                Label {
                    text: card.energyTodayText
                    visible: text.length > 0
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: card.socText.length > 0 && card.kind === "charger" ? qsTr("Car %1").arg(card.socText)
                                                                         : card.socText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: card.detailText
                color: card.state === "faulted" ? Theme.danger : Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }
}
