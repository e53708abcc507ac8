#include "AtomicFile.h"

#include "common/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ovpp::core::atomicfile {

namespace {

Error ioError(const QString &step, const QString &path, const QString &reason)
{
    return makeError(ErrorCode::IoError,
                     QStringLiteral("%1 %2: %3").arg(step, QDir::toNativeSeparators(path), reason));
}

// QSaveFile flushes the file before the rename; the rename itself lives in the directory, and
// only an fsync of the directory makes it survive a power cut.
void syncDirectory(const QString &directory)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(directory);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        qCWarning(lcWallet) << "cannot open directory to flush it:" << directory;
        return;
    }
    if (::fsync(fd) != 0)
        qCWarning(lcWallet) << "cannot flush directory:" << directory;
    ::close(fd);
#else
    Q_UNUSED(directory);
#endif
}

} // namespace

Result<void> write(const QString &path, QByteArrayView contents)
{
    QSaveFile file(path);
    // Never fall back to writing in place: that is the half-written file this class exists to
    // prevent.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("cannot create a temporary file for"), path,
                       file.errorString());
    // Before the first byte: the temporary file must never be readable by anyone else.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return ioError(QStringLiteral("cannot restrict permissions of"), path, file.errorString());
    }
    if (file.write(contents.data(), contents.size()) != contents.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return ioError(QStringLiteral("cannot write"), path, reason);
    }
    if (!file.commit()) // flushes to disk, then renames over `path`
        return ioError(QStringLiteral("cannot save"), path, file.errorString());
    syncDirectory(QFileInfo(path).absolutePath());
    return {};
}

int removeStaleTemporaries(const QString &path, std::chrono::seconds minimumAge)
{
    const QFileInfo target(path);
    const QDir dir = target.absoluteDir();
    // QTemporaryFile's pattern: the file name, a dot, six letters or digits.
    const QRegularExpression temporary(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(target.fileName()) + QStringLiteral("\\.[A-Za-z0-9]{6}")));
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minimumAge.count());
    int removed = 0;
    const QStringList candidates
        = dir.entryList({target.fileName() + QStringLiteral(".*")}, QDir::Files | QDir::Hidden);
    for (const QString &name : candidates) {
        const QFileInfo info(dir.filePath(name));
        if (!temporary.match(name).hasMatch() || info.lastModified().toUTC() > cutoff)
            continue;
        if (QFile::remove(info.filePath())) {
            ++removed;
            qCInfo(lcWallet) << "removed a temporary file left by an interrupted save:" << name;
        }
    }
    return removed;
}

} // namespace ovpp::core::atomicfile
