#include "Failure.h"

#include <QDir>
#include <QFileInfo>

namespace ovpp::cli {

using core::ErrorCode;

Failure usageFailure(const QString &message)
{
    return Failure {ExitUsageError, QStringLiteral("usage"), message};
}

Failure userFailure(const QString &code, const QString &message)
{
    return Failure {ExitUserError, code, message};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorCode::UnknownWord:
        return QStringLiteral("unknown-word");
    case ErrorCode::BadChecksum:
        return QStringLiteral("bad-checksum");
    case ErrorCode::WrongPassword:
        return QStringLiteral("wrong-password");
    case ErrorCode::CorruptFile:
        return QStringLiteral("corrupt-file");
    case ErrorCode::UnsupportedVersion:
        return QStringLiteral("unsupported-version");
    case ErrorCode::NotAVault:
        return QStringLiteral("not-a-vault");
    case ErrorCode::EmptyFile:
        return QStringLiteral("empty-file");
    case ErrorCode::FileNotFound:
        return QStringLiteral("file-not-found");
    case ErrorCode::IoError:
        return QStringLiteral("io-error");
    case ErrorCode::KeyMismatch:
        return QStringLiteral("key-mismatch");
    case ErrorCode::WatchOnly:
        return QStringLiteral("watch-only");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already-exists");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

Failure failureFrom(const core::Error &error, const QString &subject)
{
    const QString code = errorCodeName(error.code);
    const QString detail = error.detail.isEmpty() ? core::describe(error) : error.detail;
    switch (error.code) {
    case ErrorCode::UnknownWord:
        return userFailure(code,
                           QStringLiteral("%1 is not valid: %2 — check the spelling of that "
                                          "word")
                               .arg(subject, detail));
    case ErrorCode::BadChecksum:
        return userFailure(code, QStringLiteral("%1 is not valid: %2").arg(subject, detail));
    case ErrorCode::FileNotFound:
        return userFailure(code, QStringLiteral("%1 does not exist — check the path").arg(subject));
    case ErrorCode::IoError:
        return userFailure(code,
                           QStringLiteral("cannot read %1: %2 — check the path and its "
                                          "permissions")
                               .arg(subject, detail));
    case ErrorCode::Cancelled:
        return userFailure(code, QStringLiteral("cancelled; nothing was changed"));
    case ErrorCode::InvalidArgument:
    case ErrorCode::KeyMismatch:
        return userFailure(code, QStringLiteral("%1 is not valid: %2").arg(subject, detail));
    default:
        return userFailure(code, QStringLiteral("%1: %2").arg(subject, core::describe(error)));
    }
}

namespace {

// Where to get a damaged vault back from: the previous version the core keeps beside it, when
// there is one.
QString restoreHint(const QString &path)
{
    const QString backup = path + QStringLiteral(".bak");
    if (QFileInfo::exists(backup))
        return QStringLiteral("restore it from %1, the previous version").arg(backup);
    return QStringLiteral("restore it from a backup");
}

} // namespace

Failure vaultFailure(const core::Error &error, const QString &vaultPath)
{
    const QString path = QDir::toNativeSeparators(vaultPath);
    const QString code = errorCodeName(error.code);
    const QString detail = error.detail.isEmpty() ? core::describe(error) : error.detail;
    switch (error.code) {
    case ErrorCode::WrongPassword:
        return userFailure(code,
                           QStringLiteral("wrong password for %1 — try again; the file was "
                                          "not changed")
                               .arg(path));
    case ErrorCode::FileNotFound:
        return userFailure(code,
                           QStringLiteral("there is no vault at %1 — check the path, or "
                                          "create one with 'ovpp wallet create --vault %1'")
                               .arg(path));
    case ErrorCode::EmptyFile:
        return userFailure(
            code,
            QStringLiteral("%1 is empty — if it was a wallet, %2").arg(path, restoreHint(path)));
    case ErrorCode::NotAVault: {
        QString why = detail;
        if (why.startsWith(QLatin1String("not an OpenVPP vault: ")))
            why = why.mid(22);
        return userFailure(
            code,
            QStringLiteral("%1 is not an OpenVPP vault (%2) — check the path").arg(path, why));
    }
    case ErrorCode::UnsupportedVersion:
        return userFailure(code,
                           QStringLiteral("%1 was written by a newer OpenVPP World (%2) — "
                                          "update ovpp; the file was not changed")
                               .arg(path, detail));
    case ErrorCode::CorruptFile:
        return userFailure(code,
                           QStringLiteral("%1 is damaged (%2) — %3; the file was not changed")
                               .arg(path, detail, restoreHint(path)));
    case ErrorCode::IoError:
        return userFailure(code,
                           QStringLiteral("cannot access %1: %2 — check its folder, the "
                                          "permissions and free disk space")
                               .arg(path, detail));
    case ErrorCode::AlreadyExists:
        return userFailure(code, QStringLiteral("%1 — nothing was changed").arg(detail));
    case ErrorCode::Cancelled:
        return userFailure(code, QStringLiteral("cancelled; %1 was not changed").arg(path));
    default:
        return userFailure(code, QStringLiteral("%1: %2").arg(path, core::describe(error)));
    }
}

} // namespace ovpp::cli
