#include "der/sunspec/SunSpecLogging.h"

Q_LOGGING_CATEGORY(lcSunSpec, "ovpp.sunspec", QtInfoMsg)
