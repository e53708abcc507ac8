import QtQuick
import OpenVPP

// A QR code painted crisp from a view model's module grid: whole-pixel modules, always dark on
// white with a 4-module quiet zone, so phones read it in both themes.
Rectangle {
    id: qr

    // Modules per side (0: nothing to show) and dark(x, y) from the view model.
    property int modules: 0
    property var dark: null
    // Bumped by the owner whenever the code changes (a new code may keep the same size).
    property string content
    readonly property int quiet: 4

    color: "#ffffff"
    radius: Theme.radiusSmall
    border.color: Theme.border
    implicitWidth: 232
    implicitHeight: 232
    visible: modules > 0
    Accessible.role: Accessible.Graphic

    Canvas {
        id: canvas
        anchors.fill: parent
        anchors.margins: 1
        renderStrategy: Canvas.Cooperative
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.fillStyle = "#ffffff"
            ctx.fillRect(0, 0, width, height)
            if (qr.modules <= 0 || !qr.dark)
                return
            const total = qr.modules + 2 * qr.quiet
            const side = Math.min(width, height)
            const cell = Math.floor(side / total)
            const offset = Math.floor((side - cell * total) / 2) + cell * qr.quiet
            ctx.fillStyle = "#000000"
            for (let y = 0; y < qr.modules; ++y)
                for (let x = 0; x < qr.modules; ++x)
                    if (qr.dark(x, y))
                        ctx.fillRect(offset + x * cell, offset + y * cell, cell, cell)
        }
    }
    onModulesChanged: canvas.requestPaint()
    onContentChanged: canvas.requestPaint()
}
