#pragma once

// Translated text for core errors that can meet the user in any operation. Each view model
// words the errors of its own operations first and falls back to these.

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ovpp::ui {

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString common(const core::Error &error);
};

} // namespace ovpp::ui
