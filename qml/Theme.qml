pragma Singleton

import QtQuick
import OpenVPP.Ui

// Colours, sizes and type scale for every view. Sizes are logical pixels (Qt scales them on
// high-DPI screens); colours come in a light and a dark set, chosen by the ThemeController.
// Text colours were picked for at least 4.5:1 contrast against the surfaces they sit on.
QtObject {
    id: theme

    readonly property bool dark: AppContext.theme ? AppContext.theme.dark : false

    // Surfaces
    readonly property color background: dark ? "#0f141a" : "#f3f5f8"
    readonly property color rail: dark ? "#151b23" : "#e8ecf1"
    readonly property color surface: dark ? "#19212b" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#212b37" : "#f7f9fb"
    readonly property color input: dark ? "#0f151c" : "#ffffff"
    readonly property color border: dark ? "#2e3a48" : "#d5dbe3"
    readonly property color borderStrong: dark ? "#475669" : "#a9b3c1"
    readonly property color hover: dark ? "#263241" : "#edf1f5"
    readonly property color pressed: dark ? "#2e3c4d" : "#dfe5ec"

    // Text
    readonly property color text: dark ? "#e7edf4" : "#17202b"
    readonly property color textMuted: dark ? "#a3b0bf" : "#515e6e"
    readonly property color textDisabled: dark ? "#6b7a8c" : "#8d98a6"

    // Accent: a calm green for energy; text on it has its own colour for contrast.
    readonly property color accent: dark ? "#43c59e" : "#0a6e55"
    readonly property color accentHover: dark ? "#5ad3ae" : "#0c7e62"
    readonly property color accentPressed: dark ? "#35a985" : "#085a46"
    readonly property color accentText: dark ? "#06231a" : "#ffffff"
    readonly property color accentSoft: dark ? "#173a31" : "#e1f3ed"
    readonly property color accentSoftText: dark ? "#8be0c4" : "#075440"

    // Keyboard focus ring: blue, distinct from the accent so focus is never mistaken for selection.
    readonly property color focus: dark ? "#7fa8ff" : "#1f56d8"

    // Messages
    readonly property color danger: dark ? "#ff8a80" : "#b3261e"
    readonly property color dangerSoft: dark ? "#3b1f1f" : "#fdeceb"
    readonly property color dangerButton: dark ? "#e5534b" : "#b3261e"
    readonly property color warning: dark ? "#f2c66d" : "#7a4f00"
    readonly property color warningSoft: dark ? "#352b14" : "#fff4da"
    readonly property color info: dark ? "#9cc0ff" : "#1d4fa8"
    readonly property color infoSoft: dark ? "#1a2740" : "#e8f0fe"

    // Spacing and shapes
    readonly property int spacingTiny: 4
    readonly property int spacingSmall: 8
    readonly property int spacing: 12
    readonly property int spacingLarge: 20
    readonly property int spacingHuge: 32
    readonly property int pagePadding: 32
    readonly property int cardPadding: 22
    readonly property int radius: 12
    readonly property int radiusSmall: 8
    readonly property int controlHeight: 40
    readonly property int railWidth: 92
    readonly property int flowWidth: 660
    readonly property int contentMaxWidth: 1120

    // Type scale (pixel sizes in logical pixels)
    readonly property int fontSmall: 12
    readonly property int fontBody: 14
    readonly property int fontLarge: 16
    readonly property int fontHeading: 18
    readonly property int fontTitle: 24
    readonly property int fontDisplay: 30
    readonly property int fontGlyph: 22
    readonly property string monoFamily: "monospace"
}
