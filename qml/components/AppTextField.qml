import QtQuick
import QtQuick.Controls.Basic
import OpenVPP

// A single-line input. `secret` turns on password echo and switches off everything that could
// keep a copy of what was typed (input-method prediction, undo history is dropped on clear).
TextField {
    id: control

    property bool secret: false
    property bool mono: false

    echoMode: secret ? TextInput.Password : TextInput.Normal
    inputMethodHints: secret ? (Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                | Qt.ImhNoAutoUppercase) : Qt.ImhNone
    selectByMouse: true
    color: Theme.text
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    placeholderTextColor: Theme.textMuted
    font.pixelSize: Theme.fontBody
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    Accessible.name: placeholderText

    Binding on font.family {
        when: control.mono
        value: Theme.monoFamily
    }

    background: Rectangle {
        implicitWidth: 240
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusSmall
        color: control.enabled ? Theme.input : Theme.surfaceRaised
        border.width: control.activeFocus ? 2 : 1
        border.color: control.activeFocus ? Theme.focus : Theme.borderStrong
    }
}
