import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP

// The frame of every page inside the shell: a title, then the page's cards in a column that
// scrolls when the window is short and stays readable (not stretched) when it is wide.
ScrollView {
    id: page

    default property alias content: body.data
    property alias title: header.title
    property alias subtitle: header.subtitle

    focus: true
    clip: true
    // A visible scroll bar whenever there is more below: a page cut at the window's edge
    // must not look complete.
    ScrollBar.vertical.policy: contentHeight > availableHeight ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
    contentWidth: availableWidth
    contentHeight: outer.implicitHeight + 2 * Theme.pagePadding

    ColumnLayout {
        id: outer
        width: Math.min(page.availableWidth - 2 * Theme.pagePadding, Theme.contentMaxWidth)
        x: Math.max(Theme.pagePadding, (page.availableWidth - width) / 2)
        y: Theme.pagePadding
        spacing: Theme.spacingLarge

        PageHeader {
            id: header
            Layout.fillWidth: true
        }
        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.spacingLarge
        }
    }
}
