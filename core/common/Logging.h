#pragma once

// One logging category per subsystem; enable with QT_LOGGING_RULES="ovpp.wallet.debug=true".
// Never log a secret; log addresses through PublicKey::redacted().

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWallet)
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
