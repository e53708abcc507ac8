#pragma once

// Puts text on the system clipboard. A secret copied through here is taken off the clipboard
// after a while (60 s in the app) and when the app quits — but only if the clipboard still holds
// it: whatever the user copied since is left alone. Only a digest of the secret is kept to tell.

#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace ovpp::ui {

class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    explicit ClipboardGuard(std::chrono::milliseconds clearAfter = std::chrono::seconds(60),
                            QObject *parent = nullptr);
    ~ClipboardGuard() override;

    std::chrono::milliseconds clearAfter() const { return m_clearAfter; }

    // Plain text (an address): not cleared.
    void copyText(const QString &text);
    // UTF-8 secret text: cleared after clearAfter() if still there. Marked for clipboard
    // managers (KDE's password-manager hint) so that they keep it out of their history.
    void copySecret(const core::SecretBytes &utf8Text);

    // True while a secret we copied is waiting to be cleared.
    bool holdsSecret() const { return !m_digest.isEmpty(); }

signals:
    // The secret was taken off the clipboard (or the user had replaced it meanwhile).
    void secretExpired();

private:
    void clearIfStillOurs();

    std::chrono::milliseconds m_clearAfter;
    QTimer m_timer;
    QByteArray m_digest;
};

} // namespace ovpp::ui
