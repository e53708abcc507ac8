#pragma once

// The OCPP subsystem's logging category; enable with QT_LOGGING_RULES="ovpp.ocpp.debug=true".
// Authorization keys and Basic-auth headers are never logged.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOcpp)
