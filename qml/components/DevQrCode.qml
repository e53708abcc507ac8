import QtQuick
import OpenVPP

// A QR code painted from a view model's module grid (size and dark(x, y)), always dark on
// white with a quiet zone so phones read it in both themes.
Rectangle {
    id: qr

    // An object with qrSize and qrDark(x, y) (PairingViewModel).
    property var source
    readonly property int modules: source ? source.qrSize : 0
    readonly property int quiet: 4

    color: "#ffffff"
    radius: Theme.radiusSmall
    border.color: Theme.border
    implicitWidth: 240
    implicitHeight: 240
    visible: modules > 0

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
            if (qr.modules <= 0)
                return
            const total = qr.modules + 2 * qr.quiet
            const cell = Math.floor(Math.min(width, height) / total)
            const offset = Math.floor((Math.min(width, height) - cell * total) / 2) + cell * qr.quiet
            ctx.fillStyle = "#000000"
            for (let y = 0; y < qr.modules; ++y) {
                for (let x = 0; x < qr.modules; ++x) {
                    if (qr.source.qrDark(x, y))
                        ctx.fillRect(offset + x * cell, offset + y * cell, cell, cell)
                }
            }
        }
    }
    onModulesChanged: canvas.requestPaint()
    Connections {
        target: qr.source
        ignoreUnknownSignals: true
        function onChargerChanged() { canvas.requestPaint() }
    }
}
