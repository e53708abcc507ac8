import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// The frame of the first-run pages: one centred card with a way back, where the user is in the
// flow, a title and a line on what this step is for.
ScrollView {
    id: page

    default property alias content: body.data
    property alias title: header.title
    property alias subtitle: header.subtitle
    property string stepText
    property bool canGoBack: true

    signal back

    // The page and its card are focus scopes: let the field a page marks `focus: true` get the cursor.
    focus: true
    clip: true
    // A visible scroll bar whenever there is more below: a page cut at the window's edge
    // must not look complete.
    ScrollBar.vertical.policy: contentHeight > availableHeight ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
    contentWidth: availableWidth
    contentHeight: Math.max(availableHeight, outer.implicitHeight + 2 * Theme.spacingHuge)

    ColumnLayout {
        id: outer
        width: Math.min(Theme.flowWidth, page.availableWidth - 2 * Theme.pagePadding)
        x: (page.availableWidth - width) / 2
        y: Math.max(Theme.spacingHuge, (page.availableHeight - implicitHeight) / 2)
        spacing: Theme.spacingLarge

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            AppButton {
                objectName: "backButton"
                visible: page.canGoBack
                text: qsTr("← Back")
                onClicked: page.back()
            }
            Label {
                text: qsTr("OpenVPP World")
                visible: !page.canGoBack
                color: Theme.accent
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                text: page.stepText
                visible: text.length > 0
                color: Theme.textMuted
            }
        }

        PageHeader {
            id: header
            Layout.fillWidth: true
        }

        Card {
            Layout.fillWidth: true
            focus: true

            ColumnLayout {
                id: body
                width: parent.width
                spacing: Theme.spacing
            }
        }
    }
}
