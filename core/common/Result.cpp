#include "Result.h"

namespace ovpp::core {

QString describe(const Error &error)
{
    QString what;
    switch (error.code) {
    case ErrorCode::InvalidArgument:
        what = QStringLiteral("invalid input");
        break;
    case ErrorCode::UnknownWord:
        what = QStringLiteral("unknown word");
        break;
    case ErrorCode::BadChecksum:
        what = QStringLiteral("checksum mismatch");
        break;
    case ErrorCode::WrongPassword:
        what = QStringLiteral("wrong password");
        break;
    case ErrorCode::CorruptFile:
        what = QStringLiteral("the vault file is damaged");
        break;
    case ErrorCode::UnsupportedVersion:
        what = QStringLiteral("unsupported vault version");
        break;
    case ErrorCode::NotAVault:
        what = QStringLiteral("not an OpenVPP vault");
        break;
    case ErrorCode::EmptyFile:
        what = QStringLiteral("the file is empty");
        break;
    case ErrorCode::FileNotFound:
        what = QStringLiteral("file not found");
        break;
    case ErrorCode::IoError:
        what = QStringLiteral("input/output error");
        break;
    case ErrorCode::KeyMismatch:
        what = QStringLiteral("public key does not match the secret");
        break;
    case ErrorCode::WatchOnly:
        what = QStringLiteral("watch-only account has no secret");
        break;
    case ErrorCode::Locked:
        what = QStringLiteral("the wallet is locked");
        break;
    case ErrorCode::NotFound:
        what = QStringLiteral("not found");
        break;
    case ErrorCode::AlreadyExists:
        what = QStringLiteral("already exists");
        break;
    case ErrorCode::Unavailable:
        what = QStringLiteral("not available");
        break;
    case ErrorCode::Cancelled:
        what = QStringLiteral("cancelled");
        break;
    case ErrorCode::Internal:
        what = QStringLiteral("internal error");
        break;
    }
    if (error.detail.isEmpty())
        return what;
    return what + QStringLiteral(": ") + error.detail;
}

} // namespace ovpp::core
