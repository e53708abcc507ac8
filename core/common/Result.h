#pragma once

// A small value-or-error type. Core code returns Result<T> instead of throwing, so that no
// exception ever crosses a thread or the event loop; callers decide how to present the Error.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ovpp::core {

// Stable error codes. The UI maps them to translated, per-operation text; `detail` carries the
// specific fact (which word, which byte, which file) in English for the user (CLI, UI). A detail
// may echo what the user typed (an unknown recovery word and its suggestion are likely part of
// their secret), so never write the detail of an input-validation error to a log.
enum class ErrorCode {
    InvalidArgument, // malformed user input (address, path, number of words, ...)
    UnknownWord, // a mnemonic word that is not in the BIP39 list
    BadChecksum, // a mnemonic whose checksum does not match
    WrongPassword, // authentication of the vault failed
    CorruptFile, // truncated, tampered or otherwise unreadable vault
    UnsupportedVersion, // a vault written by a newer (or unknown) format version
    NotAVault, // the file is not an OpenVPP vault at all
    EmptyFile, // the file exists but holds no bytes
    FileNotFound,
    IoError, // reading or writing failed (permissions, disk full, ...)
    KeyMismatch, // a keypair whose public half does not belong to its secret
    WatchOnly, // the operation needs a secret and the account has none
    Locked, // the wallet is locked
    NotFound, // no such account / entry
    AlreadyExists,
    Unavailable, // an optional facility (OS keychain) is not available here
    Cancelled,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString detail;
};

// Human readable English text for an error (used by the CLI and logs; the UI translates codes).
QString describe(const Error &error);

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString detail = {})
{
    return Error {code, std::move(detail)};
}

} // namespace ovpp::core
