#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "ovpp.ui", QtInfoMsg)
