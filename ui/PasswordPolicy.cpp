#include "PasswordPolicy.h"

namespace ovpp::ui {

int PasswordPolicy::length(const QString &password)
{
    // Counted in place: converting to UCS-4 would leave another copy of the password around.
    int count = 0;
    for (qsizetype i = 0; i < password.size(); ++i) {
        if (!password[i].isLowSurrogate())
            ++count;
    }
    return count;
}

QString PasswordPolicy::problem(const QString &password)
{
    if (password.isEmpty())
        return tr("Enter a password");
    if (length(password) < MinimumLength)
        return tr("Use at least %1 characters").arg(MinimumLength);
    if (password.trimmed().isEmpty())
        return tr("Use letters, digits or symbols, not only spaces");
    return {};
}

QString PasswordPolicy::problem(const QString &password, const QString &confirmation)
{
    if (QString why = problem(password); !why.isEmpty())
        return why;
    if (password != confirmation)
        return tr("The passwords differ");
    return {};
}

} // namespace ovpp::ui
