// AtomicFile: the write-then-rename step under the vault's save.

#include "WalletTestSupport.h"
#include "wallet/AtomicFile.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace ovpp::core;
using namespace ovpp::test;

namespace {

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 0777);
}

class AtomicFileTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_oldUmask = ::umask(022); // the usual desktop umask: files would be 0644
    }
    void TearDown() override { ::umask(m_oldUmask); }

    QTemporaryDir m_dir;
    mode_t m_oldUmask = 0;
};

TEST_F(AtomicFileTest, CreatesOwnerOnlyFiles)
{
    const QString path = m_dir.filePath(QStringLiteral("new.bin"));
    ASSERT_TRUE(atomicfile::write(path, QByteArrayView("first")).ok());
    EXPECT_EQ(readBytes(path), QByteArray("first"));
    EXPECT_EQ(fileMode(path), 0600);
}

TEST_F(AtomicFileTest, ReplacesContentsAndTightensPermissions)
{
    const QString path = m_dir.filePath(QStringLiteral("old.bin"));
    writeBytes(path, QByteArray(10'000, 'x'));
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    ASSERT_TRUE(atomicfile::write(path, QByteArrayView("short")).ok());
    EXPECT_EQ(readBytes(path), QByteArray("short"));
    EXPECT_EQ(fileMode(path), 0600);
    // Nothing but the file itself: the temporary was renamed, not left behind.
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList {QStringLiteral("old.bin")});
}

TEST_F(AtomicFileTest, FailuresNameTheFileAndLeaveItAlone)
{
    const QString directory = m_dir.filePath(QStringLiteral("a-directory"));
    ASSERT_TRUE(QDir().mkdir(directory));
    auto result = atomicfile::write(directory, QByteArrayView("x"));
    EXPECT_ERROR(result, ErrorCode::IoError);
    EXPECT_TRUE(result.error().detail.contains(QStringLiteral("a-directory")));
    EXPECT_TRUE(QFileInfo(directory).isDir());

    EXPECT_ERROR(
        atomicfile::write(m_dir.filePath(QStringLiteral("missing/file.bin")), QByteArrayView("x")),
        ErrorCode::IoError);
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

TEST_F(AtomicFileTest, RemovesOnlyStaleTemporariesOfThatFile)
{
    const QString path = m_dir.filePath(QStringLiteral("v.ovppvault"));
    writeBytes(path, "vault");
    auto age = [](const QString &file, int seconds) {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_TRUE(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds),
                                  QFileDevice::FileModificationTime));
    };
    const QStringList stale {QStringLiteral("v.ovppvault.a1B2c3"),
                             QStringLiteral("v.ovppvault.ZZZZZZ")};
    const QStringList kept {QStringLiteral("v.ovppvault.bak"), // not a temporary
                            QStringLiteral("v.ovppvault.a1B2c"), // five characters
                            QStringLiteral("v.ovppvault.a1B2c3d"), // seven
                            QStringLiteral("w.ovppvault.a1B2c3"), // another file's
                            QStringLiteral("v.ovppvault.x-y_z1"), // not QTemporaryFile's
                            QStringLiteral("v.ovppvault.Fresh1")}; // may be a save in progress
    for (const QString &name : stale + kept) {
        writeBytes(m_dir.filePath(name), "x");
        if (name != QStringLiteral("v.ovppvault.Fresh1"))
            age(m_dir.filePath(name), 3600);
    }
    EXPECT_EQ(atomicfile::removeStaleTemporaries(path, std::chrono::seconds(60)), 2);
    for (const QString &name : stale)
        EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(name))) << name.toStdString();
    for (const QString &name : kept)
        EXPECT_TRUE(QFileInfo::exists(m_dir.filePath(name))) << name.toStdString();
    EXPECT_EQ(readBytes(path), QByteArray("vault"));
}

} // namespace
