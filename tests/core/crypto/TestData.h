#pragma once

// Helpers the crypto tests share: reading the JSON vectors in tests/data and moving bytes between
// the test's QByteArrays (the vectors are public) and the spans the API takes.

#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>

// Readable failure messages: gtest finds these by argument-dependent lookup.
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

inline void PrintTo(const QByteArray &data, std::ostream *os)
{
    *os << '"' << data.toStdString() << '"';
}

namespace ovpp::test {

// Reports a test failure (not a crash) when the file is missing or is not JSON; callers then
// assert on the number of vectors, so a missing file can never pass silently.
inline QJsonObject loadJson(const QString &fileName)
{
    QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << file.fileName().toStdString();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        ADD_FAILURE() << fileName.toStdString() << ": " << error.errorString().toStdString();
        return {};
    }
    return document.object();
}

inline const QJsonObject &golden()
{
    static const QJsonObject object = loadJson(QStringLiteral("golden.json"));
    return object;
}

inline QByteArray hex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

inline std::span<const std::uint8_t> bytes(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()),
            static_cast<std::size_t>(data.size())};
}

inline std::span<const std::uint8_t> bytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

inline QByteArray toByteArray(std::span<const std::uint8_t> data)
{
    return QByteArray(reinterpret_cast<const char *>(data.data()),
                      static_cast<qsizetype>(data.size()));
}

inline QByteArray toByteArray(const core::SecretBytes &secret)
{
    return toByteArray(secret.span());
}

} // namespace ovpp::test
