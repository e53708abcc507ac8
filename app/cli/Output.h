#pragma once

// Where results go: standard output, as text for people (default) or as one JSON document per
// run for scripts (--output json). Failures go to standard error as one line; with JSON output
// standard output also gets {"error": {"code", "message"}} so that a script always has a
// document to parse. Secrets are written straight from secure memory, never via a QString.

#include "Failure.h"
#include "crypto/SecretBytes.h"

#include <QJsonObject>
#include <QString>

namespace ovpp::cli {

class Output
{
public:
    enum class Format { Human, Json };
    // How a secret appears inside a JSON document.
    enum class SecretEncoding {
        JsonString, // quoted and escaped: a mnemonic, a base58 secret
        JsonValue, // already JSON, written as is: a keypair file's [1,2,...] array
    };

    explicit Output(Format format = Format::Human)
        : m_format(format)
    { }

    Format format() const { return m_format; }
    bool json() const { return m_format == Format::Json; }

    // A line of text for people (human format only; ignored with JSON output).
    void line(const QString &text = {}) const;
    // A secret on a line of its own (human format).
    void secretLine(const core::SecretBytes &secret, const QString &prefix = {}) const;
    // The JSON document of a successful run.
    void document(const QJsonObject &object) const;
    // The same with one secret member added under `key`.
    void documentWithSecret(const QJsonObject &object, const QString &key,
                            const core::SecretBytes &secret, SecretEncoding encoding) const;
    // A message for the person at the terminal while a command works (standard error; human
    // format only).
    void note(const QString &text) const;
    void failure(const Failure &failure) const;

private:
    Format m_format;
};

} // namespace ovpp::cli
