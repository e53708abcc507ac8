#include "Logging.h"

Q_LOGGING_CATEGORY(lcWallet, "ovpp.wallet", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "ovpp.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "ovpp.keychain", QtInfoMsg)
