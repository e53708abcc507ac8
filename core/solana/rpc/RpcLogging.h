#pragma once

// The RPC client's logging category ("ovpp.rpc"). Never log a request body (it may carry a
// signed payment), a header (API keys) or a URL's query (some providers put the key there).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRpc)
