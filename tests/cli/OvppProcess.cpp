#include "OvppProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>

namespace ovpp::test {

namespace {

// Not a timing check: only there so that a hung ovpp fails the test instead of blocking ctest.
constexpr int HangGuardMs = 120000;

} // namespace

std::optional<QJsonObject> OvppRun::json() const
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

OvppProcess::OvppProcess()
    : m_dir(QDir::tempPath() + QStringLiteral("/ovpp-cli-test-XXXXXX"))
{
    if (m_dir.isValid()) {
        QDir(m_dir.path()).mkpath(QStringLiteral("home"));
        QDir(m_dir.path()).mkpath(QStringLiteral("data"));
        QDir(m_dir.path()).mkpath(QStringLiteral("config"));
    }
}

QString OvppProcess::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QString OvppProcess::writeFile(const QString &name, const QByteArray &content) const
{
    const QString file = path(name);
    QFile out(file);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(content);
    return file;
}

QByteArray OvppProcess::readFile(const QString &file) const
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

OvppRun OvppProcess::run(const QStringList &arguments, const QByteArray &standardInput) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    environment.insert(QStringLiteral("OVPP_KDF"), QStringLiteral("test"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(OVPP_BINARY), arguments);

    OvppRun result;
    if (!process.waitForStarted(HangGuardMs))
        return result;
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(HangGuardMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject goldenVectors()
{
    QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace ovpp::test
