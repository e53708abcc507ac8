#pragma once

// Logging category for the SunSpec client: QT_LOGGING_RULES="ovpp.sunspec.debug=true".

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSunSpec)
