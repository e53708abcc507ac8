// VaultLocation: where wallets live, computed from the XDG variables without an application
// name, and created owner-only.

#include "WalletTestSupport.h"
#include "wallet/VaultLocation.h"

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

// Points XDG_DATA_HOME (and HOME) into a temporary folder for one test and restores them.
class VaultLocationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_home = qgetenv("HOME");
        m_hadXdg = qEnvironmentVariableIsSet("XDG_DATA_HOME");
        m_xdg = qgetenv("XDG_DATA_HOME");
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    }
    void TearDown() override
    {
        qputenv("HOME", m_home);
        if (m_hadXdg)
            qputenv("XDG_DATA_HOME", m_xdg);
        else
            qunsetenv("XDG_DATA_HOME");
    }

    QTemporaryDir m_dir;
    QByteArray m_home;
    QByteArray m_xdg;
    bool m_hadXdg = false;
};

TEST_F(VaultLocationTest, LivesUnderXdgDataHomeAndIsCreatedOwnerOnly)
{
    const QString expected = m_dir.filePath(QStringLiteral("data/OpenVPP/OpenVPP World/wallets"));
    EXPECT_EQ(vaultlocation::walletsDirectory(), expected);
    EXPECT_TRUE(QFileInfo(expected).isDir());
    EXPECT_EQ(fileMode(expected), 0700);
    EXPECT_EQ(fileMode(m_dir.filePath(QStringLiteral("data/OpenVPP"))), 0700);
    EXPECT_EQ(fileMode(m_dir.filePath(QStringLiteral("data/OpenVPP/OpenVPP World"))), 0700);
}

TEST_F(VaultLocationTest, DefaultsToLocalShareInHome)
{
    qunsetenv("XDG_DATA_HOME");
    const QString expected
        = m_dir.filePath(QStringLiteral("home/.local/share/OpenVPP/OpenVPP World/wallets"));
    ASSERT_TRUE(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    EXPECT_EQ(vaultlocation::walletsDirectory(), expected);
    EXPECT_TRUE(QFileInfo(expected).isDir());
    EXPECT_EQ(fileMode(expected), 0700);
}

TEST_F(VaultLocationTest, NamesBecomeFilesInsideTheFolder)
{
    const QString dir = vaultlocation::walletsDirectory();
    EXPECT_EQ(vaultlocation::pathForName(QStringLiteral("default")),
              dir + QStringLiteral("/default.ovppvault"));
    EXPECT_EQ(vaultlocation::pathForName(QStringLiteral("Fleet Nord")),
              dir + QStringLiteral("/Fleet Nord.ovppvault"));
    for (const QString &hostile :
         {QStringLiteral("../escape"), QStringLiteral("a/b"), QStringLiteral(".."),
          QStringLiteral(""), QStringLiteral("..\\x"), QStringLiteral(".hidden")}) {
        const QString path = vaultlocation::pathForName(hostile);
        EXPECT_EQ(QFileInfo(path).absolutePath(), dir) << path.toStdString();
        EXPECT_TRUE(path.endsWith(QStringLiteral(".ovppvault")));
        EXPECT_FALSE(QFileInfo(path).fileName().startsWith(QLatin1Char('.'))) << path.toStdString();
    }
}

TEST_F(VaultLocationTest, ListsOnlyVaultsSortedByName)
{
    EXPECT_TRUE(vaultlocation::existingVaults().isEmpty());
    const QString dir = vaultlocation::walletsDirectory();
    for (const char *name : {"zeta.ovppvault", "alpha.ovppvault", "alpha.ovppvault.bak",
                             "alpha.ovppvault.a1B2c3", "notes.txt"})
        writeBytes(dir + QLatin1Char('/') + QString::fromLatin1(name), "x");
    ASSERT_TRUE(QDir(dir).mkdir(QStringLiteral("folder.ovppvault")));
    EXPECT_EQ(vaultlocation::existingVaults(),
              (QStringList {dir + QStringLiteral("/alpha.ovppvault"),
                            dir + QStringLiteral("/zeta.ovppvault")}));
}

} // namespace
