import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// A page whose features are not built yet: says so plainly and lists what will be there.
ScrollPage {
    id: page

    property string glyph
    property string summary
    property var features: []

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingLarge

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingLarge

                Rectangle {
                    Layout.preferredWidth: 64
                    Layout.preferredHeight: 64
                    Layout.alignment: Qt.AlignTop
                    radius: 32
                    color: Theme.accentSoft

                    Label {
                        anchors.centerIn: parent
                        text: page.glyph
                        color: Theme.accentSoftText
                        font.pixelSize: Theme.fontDisplay
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingSmall

                    Label {
                        objectName: "notBuiltBadge"
                        text: qsTr("Not built yet")
                        color: Theme.warning
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                        font.capitalization: Font.AllUppercase
                        font.letterSpacing: 1
                    }
                    Label {
                        Layout.fillWidth: true
                        text: page.summary
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge
                        wrapMode: Text.Wrap
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.border
            }

            SectionTitle {
                Layout.fillWidth: true
                text: qsTr("What will be here")
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.availableWidth > 900 ? 2 : 1
                columnSpacing: Theme.spacingHuge
                rowSpacing: Theme.spacing

                Repeater {
                    model: page.features

                    RowLayout {
                        id: feature

                        required property string modelData

                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacing

                        Label {
                            Layout.alignment: Qt.AlignTop
                            text: "•"
                            color: Theme.accent
                            font.weight: Font.Bold
                        }
                        Label {
                            Layout.fillWidth: true
                            text: feature.modelData
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }
}
