// Checks what `openvpp-world --screenshot DIR` wrote (the app.screenshot_tour test runs it
// first): every expected PNG is there, has the window's size, shows a real page (many colours,
// no single colour filling it), the dark picture of a page is darker than the light one, and no
// two pages came out the same.

#include "ScreenshotTour.h"

#include <QColor>
#include <QCryptographicHash>
#include <QDir>
#include <QHash>
#include <QImage>
#include <QSet>

#include <gtest/gtest.h>

#include <ostream>
#include <string>

// Readable parameter values in gtest's failure messages.
static void PrintTo(const QString &text, std::ostream *out)
{
    *out << text.toStdString();
}

namespace {

QString screenshotDir()
{
    const QString fromEnvironment = qEnvironmentVariable("OVPP_SCREENSHOT_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(OVPP_SCREENSHOT_DIR) : fromEnvironment;
}

QImage load(const QString &name)
{
    return QImage(QDir(screenshotDir()).filePath(name)).convertToFormat(QImage::Format_RGB32);
}

struct ColourCount
{
    int distinct = 0;
    double largestShare = 0; // the share of pixels taken by the most common colour
};

ColourCount countColours(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x]];
    }
    int largest = 0;
    for (const int count : std::as_const(counts))
        largest = std::max(largest, count);
    return {int(counts.size()), double(largest) / (double(image.width()) * image.height())};
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            sum += qGray(line[x]);
    }
    return sum / (double(image.width()) * image.height());
}

std::string testName(const QString &name)
{
    QString id = name;
    id.remove(QStringLiteral(".png"));
    id.replace(QLatin1Char('-'), QLatin1Char('_'));
    return id.toStdString();
}

class ScreenshotFile : public testing::TestWithParam<QString>
{
};

TEST_P(ScreenshotFile, IsAWholeWindowShowingAPage)
{
    const QString name = GetParam();
    const QImage image = load(name);
    ASSERT_FALSE(image.isNull()) << "missing or unreadable: "
                                 << QDir(screenshotDir()).filePath(name).toStdString();
    EXPECT_EQ(image.size(), ovpp::app::screenshotWindowSize);

    const ColourCount colours = countColours(image);
    // Text with anti-aliasing alone gives dozens of shades; a blank or one-colour window has few.
    EXPECT_GE(colours.distinct, 64) << name.toStdString();
    EXPECT_LT(colours.largestShare, 0.95) << name.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Tour, ScreenshotFile, testing::ValuesIn(ovpp::app::screenshotFileNames()),
                         [](const testing::TestParamInfo<QString> &info) {
                             return testName(info.param);
                         });

class ScreenshotState : public testing::TestWithParam<QString>
{
};

TEST_P(ScreenshotState, DarkThemeIsDarkerThanLight)
{
    const QString state = GetParam();
    const QImage light = load(ovpp::app::screenshotFileName(QStringLiteral("light"), state));
    const QImage dark = load(ovpp::app::screenshotFileName(QStringLiteral("dark"), state));
    ASSERT_FALSE(light.isNull());
    ASSERT_FALSE(dark.isNull());
    // Both palettes use near-white / near-black backgrounds: far apart on a 0–255 scale.
    EXPECT_GT(meanLightness(light), meanLightness(dark) + 100.0) << state.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Tour, ScreenshotState, testing::ValuesIn(ovpp::app::screenshotStates()),
                         [](const testing::TestParamInfo<QString> &info) {
                             return testName(info.param);
                         });

TEST(ScreenshotTour, EveryPageLooksDifferent)
{
    QHash<QByteArray, QString> seen;
    for (const QString &name : ovpp::app::screenshotFileNames()) {
        const QImage image = load(name);
        ASSERT_FALSE(image.isNull()) << name.toStdString();
        const QByteArray digest = QCryptographicHash::hash(
            QByteArrayView(image.constBits(), image.sizeInBytes()), QCryptographicHash::Sha256);
        EXPECT_FALSE(seen.contains(digest))
            << name.toStdString() << " is identical to " << seen.value(digest).toStdString();
        seen.insert(digest, name);
    }
}

} // namespace
