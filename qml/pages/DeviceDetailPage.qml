import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtCharts
import OpenVPP.Ui
import OpenVPP

// One device: its power over a day, week, month or year (from the telemetry store; live
// readings appended), and the energy it counted. The points come from AppContext.deviceDetail,
// copied into the series in one batch whenever they change.
ScrollPage {
    id: page

    readonly property DeviceDetailViewModel detail: AppContext.deviceDetail
    readonly property bool dark: AppContext.theme ? AppContext.theme.dark : false

    function go(name) {
        const w = ApplicationWindow.window
        if (w && w.showPage)
            w.showPage(name)
    }

    objectName: "deviceDetailPage"
    title: page.detail.name.length > 0 ? page.detail.name : qsTr("Device")
    subtitle: [page.detail.makeModel, page.detail.serialNumber.length > 0
               ? qsTr("serial %1").arg(page.detail.serialNumber) : ""].filter(s => s.length > 0).join(" · ")

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        AppButton {
            objectName: "backToDevices"
            text: qsTr("← Devices")
            onClicked: page.go("devices")
        }
        Item {
            Layout.fillWidth: true
        }
        ButtonGroup {
            id: spanGroup
        }
        Repeater {
            model: [{ "span": DeviceDetailViewModel.Day, "title": qsTr("Day") },
                { "span": DeviceDetailViewModel.Week, "title": qsTr("Week") },
                { "span": DeviceDetailViewModel.Month, "title": qsTr("Month") },
                { "span": DeviceDetailViewModel.Year, "title": qsTr("Year") }]
            AppButton {
                required property var modelData
                objectName: "span-" + modelData.title
                text: modelData.title
                checkable: true
                checked: page.detail.span === modelData.span
                ButtonGroup.group: spanGroup
                Accessible.name: qsTr("Show a %1").arg(modelData.title)
                onClicked: page.detail.span = modelData.span
            }
        }
    }

    Banner {
        text: page.detail.errorText
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 4
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacing

        Repeater {
            model: [[qsTr("Power now"), page.detail.powerText || "—"],
                [qsTr("Today"), page.detail.todayText],
                [qsTr("This month"), page.detail.monthText],
                [qsTr("Lifetime"), page.detail.lifetimeText]]
            Card {
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Accessible.name: modelData[0] + ": " + modelData[1]
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingTiny
                    Label {
                        text: modelData[0]
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: modelData[1]
                        color: Theme.text
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }

    Card {
        Layout.fillWidth: true

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingSmall

            RowLayout {
                Layout.fillWidth: true
                SectionTitle {
                    Layout.fillWidth: true
                    text: qsTr("AC power (kW)")
                }
                BusyRow {
                    running: page.detail.busy
                    visible: running
                    text: qsTr("Reading history…")
                }
                Label {
                    objectName: "pointCount"
                    visible: !page.detail.busy
                    text: page.detail.pointCount === 1 ? qsTr("1 point") : qsTr("%1 points").arg(page.detail.pointCount)
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }

            ChartView {
                id: chart
                objectName: "powerChart"
                Layout.fillWidth: true
                Layout.preferredHeight: 340
                antialiasing: true
                legend.visible: false
                backgroundColor: Theme.surface
                backgroundRoundness: 0
                plotAreaColor: Theme.surface
                margins.left: 0
                margins.right: 0
                margins.top: 0
                margins.bottom: 0
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("Power over time, %1 points").arg(page.detail.pointCount)

                DateTimeAxis {
                    id: timeAxis
                    min: page.detail.axisFrom
                    max: page.detail.axisTo
                    format: page.detail.axisFormat
                    tickCount: 6
                    labelsColor: Theme.textMuted
                    gridLineColor: Theme.border
                    color: Theme.borderStrong
                    labelsFont.pixelSize: Theme.fontSmall
                }
                ValueAxis {
                    id: powerAxis
                    min: page.detail.axisMinKw
                    max: page.detail.axisMaxKw
                    tickCount: 5
                    labelFormat: "%.1f"
                    labelsColor: Theme.textMuted
                    gridLineColor: Theme.border
                    color: Theme.borderStrong
                    labelsFont.pixelSize: Theme.fontSmall
                }
                LineSeries {
                    id: powerSeries
                    axisX: timeAxis
                    axisY: powerAxis
                    color: Theme.accent
                    width: 2.5
                    pointsVisible: page.detail.pointCount < 40
                }
            }
            Label {
                Layout.fillWidth: true
                visible: !page.detail.busy && page.detail.pointCount === 0
                text: qsTr("No readings in this period yet. New readings appear as the device reports them.")
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }
    }

    Card {
        id: registryCard
        objectName: "registryCard"
        Layout.fillWidth: true

        readonly property DeviceRegistrar registration: page.detail.registration
        readonly property bool registered: page.detail.registrySignature.length > 0
        // Offered when nothing is under way (a failure offers Retry, a missing serial its field).
        readonly property bool canRegister: registration.state === DeviceRegistrar.Idle
                                            || registration.state === DeviceRegistrar.Skipped
                                            || registration.state === DeviceRegistrar.Registered

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingSmall

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingTiny
                    SectionTitle {
                        text: qsTr("On-chain registry")
                    }
                    Label {
                        objectName: "registryStatus"
                        Layout.fillWidth: true
                        text: registryCard.registered
                              ? qsTr("Registered: its kind, make, model and a hash of its serial number are on-chain (transaction %1…).")
                                .arg(page.detail.registrySignature.substring(0, 12))
                              : qsTr("Not registered. Registering publishes its kind, make, model and a hash of its serial number, signed by your wallet, for a small network fee.")
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                }
                AppButton {
                    objectName: "registerDevice"
                    visible: !registryCard.registered && registryCard.canRegister
                    enabled: page.detail.deviceId.length > 0
                    text: qsTr("Register on-chain")
                    onClicked: page.detail.registerOnChain()
                }
            }
            DevRegistration {
                Layout.fillWidth: true
                registrar: registryCard.registration
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Item {
            Layout.fillWidth: true
        }
        AppButton {
            objectName: "removeDevice"
            danger: true
            text: qsTr("Remove this device")
            enabled: page.detail.deviceId.length > 0 && !AppContext.devices.busy
            onClicked: {
                AppContext.devices.remove(page.detail.deviceId)
                page.go("devices")
            }
        }
    }

    Connections {
        target: page.detail
        function onPointsChanged() { page.detail.fillSeries(powerSeries) }
    }
    Component.onCompleted: page.detail.fillSeries(powerSeries)
}
