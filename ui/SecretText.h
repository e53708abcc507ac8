#pragma once

// Passwords, recovery words and secret keys reach C++ from QML as QString. These helpers move
// such text into SecretBytes at once and wipe what they can of the QString.
//
// The limit, stated plainly: a QString handed over by QML usually shares its buffer with the JS
// engine's string (and the text field keeps its own copy until the QML clears it). Writing zeros
// into a shared buffer would change other owners' strings under them, so only a buffer nobody
// else holds (isDetached()) is wiped. The rest is released to the allocator as Qt sees fit.

#include "crypto/SecretBytes.h"

#include <QString>

namespace ovpp::ui {

// UTF-8 of `text` in secure memory, with no unprotected intermediate buffer; then wipes `text`'s
// buffer if nothing else shares it. Callers must not use `text` afterwards.
core::SecretBytes takeSecretText(const QString &text);

// Wipes a QString's buffer when this string is its only owner (a copy we made ourselves).
void wipeString(QString &text);

// A QString for the few places Qt insists on one (the clipboard). The caller wipes it.
QString secretToString(const core::SecretBytes &utf8);

} // namespace ovpp::ui
