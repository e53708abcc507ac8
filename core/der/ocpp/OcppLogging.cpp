#include "OcppLogging.h"

Q_LOGGING_CATEGORY(lcOcpp, "ovpp.ocpp", QtInfoMsg)
