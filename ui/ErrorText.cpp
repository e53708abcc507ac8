#include "ErrorText.h"

namespace ovpp::ui {

QString ErrorText::common(const core::Error &error)
{
    using core::ErrorCode;
    switch (error.code) {
    case ErrorCode::WrongPassword:
        return tr("Wrong password. Try again.");
    case ErrorCode::IoError:
        return tr("The wallet file could not be read or written (%1). Check the free disk space "
                  "and the folder's permissions, then try again.")
            .arg(error.detail);
    case ErrorCode::CorruptFile:
        return tr("The wallet file is damaged. Restore it from its backup (the .bak file next to "
                  "it), or import your recovery words again.");
    case ErrorCode::EmptyFile:
        return tr("The wallet file is empty. Restore it from its backup (the .bak file next to "
                  "it), or import your recovery words again.");
    case ErrorCode::UnsupportedVersion:
        return tr("This wallet was saved by a newer version of OpenVPP World. Update the app to "
                  "open it.");
    case ErrorCode::NotAVault:
        return tr("This file is not an OpenVPP World wallet. Choose another file.");
    case ErrorCode::FileNotFound:
        return tr("The wallet file is gone. Restore it from a backup, or import your recovery "
                  "words again.");
    case ErrorCode::Locked:
        return tr("The wallet is locked. Unlock it and try again.");
    case ErrorCode::WatchOnly:
        return tr("A watch-only account has no secret key.");
    case ErrorCode::Unavailable:
        return tr("This is not available here: %1").arg(error.detail);
    case ErrorCode::AlreadyExists:
        return tr("A file with that name already exists: %1").arg(error.detail);
    default:
        break;
    }
    return tr("Something went wrong (%1). Try again; if it keeps happening, please report it.")
        .arg(core::describe(error));
}

} // namespace ovpp::ui
