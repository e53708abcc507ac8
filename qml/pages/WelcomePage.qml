import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import OpenVPP.Ui
import OpenVPP

// First run: create a wallet, import one, or only watch an address; and pick the network.
ScrollView {
    id: page

    readonly property OnboardingViewModel onboarding: AppContext.onboarding
    readonly property var networks: onboarding.networks

    signal navigate(string name)

    objectName: "welcomePage"
    clip: true
    ScrollBar.vertical.policy: contentHeight > availableHeight ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
    contentWidth: availableWidth
    contentHeight: Math.max(availableHeight, column.implicitHeight + 2 * Theme.spacingHuge)

    // Nothing secret is held while the user stands at the start.
    Component.onCompleted: {
        onboarding.forgetMnemonic()
        createCard.forceActiveFocus()
    }

    ColumnLayout {
        id: column
        width: Math.min(860, page.availableWidth - 2 * Theme.pagePadding)
        x: (page.availableWidth - width) / 2
        y: Math.max(Theme.spacingHuge, (page.availableHeight - implicitHeight) / 2)
        spacing: Theme.spacingLarge

        Label {
            text: "⚡ " + qsTr("OpenVPP World")
            color: Theme.accent
            font.pixelSize: Theme.fontLarge
            font.weight: Font.DemiBold
        }
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Welcome")
            subtitle: qsTr("Your wallet for the Internet of Energy: earn and pay for energy on Solana, and connect your solar inverter and EV charger. Start with a wallet.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            spacing: Theme.spacingLarge

            ChoiceCard {
                id: createCard
                objectName: "createChoice"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                glyph: "✦"
                text: qsTr("Create a new wallet")
                description: qsTr("Get a fresh set of recovery words. Works with Phantom and Solflare.")
                onClicked: {
                    page.onboarding.mode = OnboardingViewModel.Create
                    page.onboarding.generateMnemonic()
                    page.navigate("create-words")
                }
            }
            ChoiceCard {
                objectName: "importChoice"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                glyph: "↧"
                text: qsTr("Import a wallet")
                description: qsTr("Use recovery words, a Solana CLI keypair file or a secret key you already have.")
                onClicked: {
                    page.onboarding.mode = OnboardingViewModel.ImportWords
                    page.navigate("import-words")
                }
            }
            ChoiceCard {
                objectName: "watchChoice"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                glyph: "◉"
                text: qsTr("Watch an address")
                description: qsTr("Follow a wallet read-only, without its keys: for support staff and fleet managers.")
                onClicked: {
                    page.onboarding.mode = OnboardingViewModel.Watch
                    page.navigate("watch")
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing

            RowLayout {
                width: parent.width
                spacing: Theme.spacingLarge

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingTiny

                    FieldLabel {
                        Layout.fillWidth: true
                        text: qsTr("Network")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Mainnet holds real money. Devnet and testnet are for trying things out; localnet is a cluster on this computer.")
                        color: Theme.textMuted
                        wrapMode: Text.Wrap
                    }
                }
                AppComboBox {
                    id: networkBox
                    objectName: "networkBox"
                    Layout.preferredWidth: 200
                    model: page.networks
                    currentIndex: page.networks.indexOf(page.onboarding.network)
                    onActivated: index => page.onboarding.network = page.networks[index]
                    Accessible.name: qsTr("Network")
                }
            }
        }
    }
}
