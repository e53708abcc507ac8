#pragma once

// Runs the built `ovpp` binary (OVPP_BINARY) in a private temporary directory: HOME and the XDG
// folders point into it, so no test touches the user's wallets, and it is removed afterwards.
// OVPP_KDF=test makes the vaults it creates cheap to open.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace ovpp::test {

struct OvppRun
{
    bool finished = false; // false: crashed or hung (the hang guard fired)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    // Standard output parsed as one JSON object; empty when it is not one.
    std::optional<QJsonObject> json() const;
};

class OvppProcess
{
public:
    OvppProcess();

    bool ready() const { return m_dir.isValid(); }
    // A path inside the private directory.
    QString path(const QString &name) const;
    // Writes `content` to a file in the private directory and returns its path.
    QString writeFile(const QString &name, const QByteArray &content) const;
    QByteArray readFile(const QString &path) const;

    OvppRun run(const QStringList &arguments, const QByteArray &standardInput = {}) const;

private:
    QTemporaryDir m_dir;
};

// golden.json from tests/data.
QJsonObject goldenVectors();

} // namespace ovpp::test
