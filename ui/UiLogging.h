#pragma once

// The view models' logging category (ovpp.ui). Never log a secret; addresses go through
// PublicKey::redacted().

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUi)
