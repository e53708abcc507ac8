import QtQuick
import QtQuick.Controls.Basic
import OpenVPP.Ui
import OpenVPP

// The window: the first-run flow while there is no wallet, the lock screen while it is locked,
// the shell (navigation rail + pages) while it is open. Which one shows follows
// AppContext.wallet.state; within the flow and the shell, `flowPage` / `shellPage` say where the
// user is. showPage() is the same navigation the buttons use (the screenshot tour and the tests
// drive the app through it).
ApplicationWindow {
    id: window

    readonly property WalletViewModel wallet: AppContext.wallet
    readonly property OnboardingViewModel onboarding: AppContext.onboarding

    property string flowPage: "welcome"
    property string shellPage: "wallet"

    readonly property var flowPages: ["welcome", "create-words", "create-quiz", "password",
        "import-words", "import-keypair", "import-secret", "import-path", "watch"]
    readonly property var shellPages: ["wallet", "devices", "fleet", "rewards", "inspect", "settings",
                                       "send", "receive", "pay", "history", "pair-inverter", "pair-charger", "device-detail"]

    // The page on screen, by the names showPage() takes.
    readonly property string currentPage: wallet.state === WalletViewModel.Unlocked
                                          ? shellPage
                                          : wallet.state === WalletViewModel.Locked ? "lock" : flowPage

    // Goes to a page by name; returns whether that page is now on screen (a shell page cannot
    // show while the wallet is locked, the first-run pages only while there is no wallet).
    function showPage(name) {
        if (shellPages.indexOf(name) >= 0)
            shellPage = name
        else if (flowPages.indexOf(name) >= 0)
            flowPage = name
        return currentPage === name
    }

    objectName: "mainWindow"
    width: 1180
    height: 760
    minimumWidth: 880
    minimumHeight: 600
    visible: true
    title: qsTr("OpenVPP World")
    color: Theme.background
    font.pixelSize: Theme.fontBody

    // The Basic style draws from the palette: feed it the theme so stock controls
    // (popups, combo boxes, scroll bars) match in both colour schemes.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.input
    palette.alternateBase: Theme.surfaceRaised
    palette.text: Theme.text
    palette.button: Theme.surface
    palette.buttonText: Theme.text
    palette.brightText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.light: Theme.surfaceRaised
    palette.midlight: Theme.hover
    palette.mid: Theme.borderStrong
    palette.dark: Theme.textMuted
    palette.shadow: Theme.dark ? "#000000" : "#8090a0"
    palette.placeholderText: Theme.textMuted
    palette.toolTipBase: Theme.dark ? "#e7edf4" : "#1d2733"
    palette.toolTipText: Theme.dark ? "#17202b" : "#f3f5f8"
    palette.link: Theme.info

    Loader {
        id: pageLoader
        objectName: "pageLoader"
        anchors.fill: parent
        focus: true
        sourceComponent: {
            if (window.wallet.state === WalletViewModel.Unlocked)
                return shellComponent
            if (window.wallet.state === WalletViewModel.Locked)
                return lockComponent
            switch (window.flowPage) {
            case "create-words": return createWordsComponent
            case "create-quiz": return createQuizComponent
            case "password": return passwordComponent
            case "import-words":
            case "import-keypair":
            case "import-secret": return importComponent
            case "import-path": return importPathComponent
            case "watch": return watchComponent
            default: return welcomeComponent
            }
        }
    }

    Component {
        id: welcomeComponent
        WelcomePage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: createWordsComponent
        CreateWordsPage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: createQuizComponent
        CreateQuizPage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: passwordComponent
        PasswordPage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: importComponent
        ImportPage {
            tab: window.flowPage
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: importPathComponent
        ImportPathPage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: watchComponent
        WatchPage {
            onNavigate: name => window.showPage(name)
        }
    }
    Component {
        id: lockComponent
        LockPage {}
    }
    Component {
        id: shellComponent
        ShellPage {
            page: window.shellPage
            onNavigate: name => window.showPage(name)
        }
    }

    Connections {
        target: window.wallet

        // The recovery words leave memory as soon as the flow that needed them is over.
        function onStateChanged() {
            if (window.wallet.state !== WalletViewModel.NoWallet) {
                window.onboarding.forgetMnemonic()
                window.flowPage = "welcome"
            }
        }
        function onNotice(text) {
            toast.show(text)
        }
    }
    Connections {
        target: AppContext.settings

        function onNotice(text) {
            toast.show(text)
        }
    }
    // Fleet alerts (a charger faulted or went offline), when there is no system tray to show
    // them: DesktopApp routes them to the tray instead when one exists.
    Connections {
        target: AppContext.fleet

        function onNotice(text) {
            toast.show(text)
        }
    }

    Toast {
        id: toast
        objectName: "toast"
    }
}
