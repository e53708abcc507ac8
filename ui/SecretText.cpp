#include "SecretText.h"

#include <cstdint>

namespace ovpp::ui {

namespace {

// Calls `sink` with the code points of a UTF-16 string; a lone surrogate becomes U+FFFD, as
// QString::toUtf8 would do.
template<typename Sink> void forEachCodePoint(QStringView text, Sink sink)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text[i].unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < size
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            sink(QChar::surrogateToUcs4(unit, text[i + 1].unicode()));
            ++i;
        } else if (QChar::isSurrogate(unit)) {
            sink(char32_t(0xFFFD));
        } else {
            sink(char32_t(unit));
        }
    }
}

std::size_t utf8Length(char32_t c)
{
    if (c < 0x80)
        return 1;
    if (c < 0x800)
        return 2;
    if (c < 0x10000)
        return 3;
    return 4;
}

} // namespace

core::SecretBytes takeSecretText(const QString &text)
{
    std::size_t length = 0;
    forEachCodePoint(text, [&length](char32_t c) { length += utf8Length(c); });
    core::SecretBytes out(length);
    std::uint8_t *p = out.data();
    forEachCodePoint(text, [&p](char32_t c) {
        if (c < 0x80) {
            *p++ = std::uint8_t(c);
        } else if (c < 0x800) {
            *p++ = std::uint8_t(0xC0 | (c >> 6));
            *p++ = std::uint8_t(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *p++ = std::uint8_t(0xE0 | (c >> 12));
            *p++ = std::uint8_t(0x80 | ((c >> 6) & 0x3F));
            *p++ = std::uint8_t(0x80 | (c & 0x3F));
        } else {
            *p++ = std::uint8_t(0xF0 | (c >> 18));
            *p++ = std::uint8_t(0x80 | ((c >> 12) & 0x3F));
            *p++ = std::uint8_t(0x80 | ((c >> 6) & 0x3F));
            *p++ = std::uint8_t(0x80 | (c & 0x3F));
        }
    });
    wipeString(const_cast<QString &>(text));
    return out;
}

void wipeString(QString &text)
{
    // isDetached() is false for shared and for static (read-only) data: neither may be written.
    if (text.isEmpty() || !text.isDetached())
        return;
    core::wipe(const_cast<QChar *>(text.constData()), std::size_t(text.size()) * sizeof(QChar));
}

QString secretToString(const core::SecretBytes &utf8)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(utf8.data()), qsizetype(utf8.size()));
}

} // namespace ovpp::ui
