#include "RpcLogging.h"

Q_LOGGING_CATEGORY(lcRpc, "ovpp.rpc", QtInfoMsg)
