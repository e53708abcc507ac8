// ClipboardGuard: a copied secret leaves the clipboard after its time, unless the user has
// copied something else meanwhile; plain text stays; the guard clears a pending secret when it
// goes away.

#include "ClipboardGuard.h"
#include "UiTestSupport.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>

namespace ovpp::test {
namespace {

using ui::ClipboardGuard;
using namespace std::chrono_literals;

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

TEST(ClipboardGuardTest, SecretIsClearedAfterItsTime)
{
    ClipboardGuard guard(50ms);
    QSignalSpy expired(&guard, &ClipboardGuard::secretExpired);
    guard.copySecret(core::SecretBytes::fromView("s3cret-key"));
    EXPECT_EQ(clipboardText(), QStringLiteral("s3cret-key"));
    EXPECT_TRUE(guard.holdsSecret());
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(mime, nullptr);
    EXPECT_EQ(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));

    ASSERT_TRUE(expired.wait(10000));
    EXPECT_EQ(clipboardText(), QString());
    EXPECT_FALSE(guard.holdsSecret());
}

TEST(ClipboardGuardTest, WhatTheUserCopiedSinceIsLeftAlone)
{
    ClipboardGuard guard(50ms);
    QSignalSpy expired(&guard, &ClipboardGuard::secretExpired);
    guard.copySecret(core::SecretBytes::fromView("s3cret-key"));
    QGuiApplication::clipboard()->setText(QStringLiteral("a shopping list"));
    ASSERT_TRUE(expired.wait(10000));
    EXPECT_EQ(clipboardText(), QStringLiteral("a shopping list"));
}

TEST(ClipboardGuardTest, PlainTextStaysAndReplacesAPendingSecret)
{
    ClipboardGuard guard(60s);
    guard.copySecret(core::SecretBytes::fromView("s3cret-key"));
    guard.copyText(QStringLiteral("an address"));
    EXPECT_FALSE(guard.holdsSecret());
    EXPECT_EQ(clipboardText(), QStringLiteral("an address"));
}

TEST(ClipboardGuardTest, PendingSecretIsClearedWhenTheGuardGoes)
{
    {
        ClipboardGuard guard(60s);
        guard.copySecret(core::SecretBytes::fromView("s3cret-key"));
        EXPECT_EQ(clipboardText(), QStringLiteral("s3cret-key"));
    }
    EXPECT_EQ(clipboardText(), QString());
}

} // namespace
} // namespace ovpp::test
