#pragma once

// How a command fails: an exit status, a stable code for scripts and one line for people that
// says what happened and what to do. Outcome<T> is a command's value-or-Failure, like
// core::Result but carrying the exit status the CLI chooses.

#include "common/Result.h"

#include <QString>

#include <utility>
#include <variant>

namespace ovpp::cli {

enum ExitStatus {
    ExitOk = 0,
    ExitUserError = 1, // wrong password, bad mnemonic, damaged file, ...
    ExitUsageError = 2, // the command line itself is wrong
};

struct Failure
{
    int exitStatus = ExitUserError;
    QString code; // kebab-case, stable: "wrong-password", "usage", ...
    QString message; // "what happened — what to do", without the "ovpp: " prefix
};

Failure usageFailure(const QString &message);
Failure userFailure(const QString &code, const QString &message);

// What the user reads when a core call fails. `subject` names the file or input it was about
// ("/home/a/w.ovppvault", "the mnemonic", "the keypair file k.json").
Failure failureFrom(const core::Error &error, const QString &subject);
// The same for errors opening, reading or writing a vault at `vaultPath`.
Failure vaultFailure(const core::Error &error, const QString &vaultPath);

// "wrong-password" for ErrorCode::WrongPassword, and so on.
QString errorCodeName(core::ErrorCode code);

template<typename T> class [[nodiscard]] Outcome
{
public:
    Outcome(T value)
        : m_state(std::move(value))
    { }
    Outcome(Failure failure)
        : m_state(std::move(failure))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const Failure &failure() const { return std::get<Failure>(m_state); }

private:
    std::variant<T, Failure> m_state;
};

template<> class [[nodiscard]] Outcome<void>
{
public:
    Outcome() = default;
    Outcome(Failure failure)
        : m_failure(std::move(failure))
        , m_failed(true)
    { }

    bool ok() const { return !m_failed; }
    const Failure &failure() const { return m_failure; }

private:
    Failure m_failure;
    bool m_failed = false;
};

} // namespace ovpp::cli
