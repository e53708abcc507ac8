#pragma once

// Private to core/wallet: replace a file so that, at every instant, its path names either the
// complete old contents or the complete new ones, even if the process is killed or the machine
// loses power (docs/vault-format.md, "Saving").

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

#include <chrono>

namespace ovpp::core::atomicfile {

// Writes `contents` to a temporary file beside `path` (QSaveFile), owner-only (0600), flushes
// it to disk, renames it over `path` and flushes the directory. IoError naming the step and the
// file when anything fails; `path` is then untouched.
Result<void> write(const QString &path, QByteArrayView contents);

// A kill between QSaveFile's two steps can leave its temporary ("PATH.XXXXXX", complete, 0600)
// beside PATH. Removes those older than `minimumAge`: younger ones may belong to a save in
// progress in another process. Returns how many were removed.
int removeStaleTemporaries(const QString &path, std::chrono::seconds minimumAge);

} // namespace ovpp::core::atomicfile
