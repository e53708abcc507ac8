#pragma once

// What we accept as a vault password. Deliberately simple: a minimum length, and the two fields
// must match. Argon2id makes each guess slow; the length makes the guesses many.

#include <QCoreApplication>
#include <QString>

namespace ovpp::ui {

class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    static constexpr int MinimumLength = 8; // characters (code points), not bytes

    // "" when acceptable, else a translated sentence saying what to change.
    static QString problem(const QString &password, const QString &confirmation);
    static QString problem(const QString &password);
    static int length(const QString &password);
};

} // namespace ovpp::ui
