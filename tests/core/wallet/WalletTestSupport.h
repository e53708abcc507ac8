#pragma once

// Helpers the vault tests share: passwords, raw file bytes, the golden vectors, and a snapshot
// of a folder for "nothing was written" checks.

#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>

namespace ovpp::core {

// So that gtest prints codes and details, not bytes.
inline std::ostream &operator<<(std::ostream &out, ErrorCode code)
{
    return out << describe(Error {code, {}}).toStdString();
}

} // namespace ovpp::core

namespace ovpp::test {

inline core::SecretBytes secret(std::string_view text)
{
    return core::SecretBytes::fromView(text);
}

inline std::span<const std::uint8_t> bytes(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()),
            static_cast<std::size_t>(data.size())};
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << path.toStdString();
        return {};
    }
    return file.readAll();
}

inline void writeBytes(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        ADD_FAILURE() << "cannot write " << path.toStdString();
}

// Every file in `dir` with its bytes: equal snapshots before and after mean nothing was written,
// created or removed there.
inline QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    const QDir d(dir);
    for (const QString &name : d.entryList(QDir::Files | QDir::Hidden | QDir::System))
        out.insert(name, readBytes(d.filePath(name)));
    return out;
}

inline QJsonObject golden()
{
    QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << file.fileName().toStdString();
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        ADD_FAILURE() << "golden.json is not a JSON object";
    return document.object();
}

inline std::string errorText(const core::Error &error)
{
    return core::describe(error).toStdString();
}

} // namespace ovpp::test

// Asserts a Result failed with `expectedCode`; prints the error otherwise.
#define EXPECT_ERROR(result, expectedCode)                                                         \
    do {                                                                                           \
        const auto &r_ = (result);                                                                 \
        ASSERT_FALSE(r_.ok()) << "expected an error";                                              \
        EXPECT_EQ(r_.error().code, (expectedCode)) << ovpp::test::errorText(r_.error());           \
    } while (false)
