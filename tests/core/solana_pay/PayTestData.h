#pragma once
// golden.json access for the Solana Pay tests.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace ovpp::test {

// A missing or broken file is a test failure; callers also assert on the number of vectors.
inline const QJsonObject &golden()
{
    static const QJsonObject object = [] {
        QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            ADD_FAILURE() << "cannot open golden.json";
            return QJsonObject();
        }
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return object;
}

} // namespace ovpp::test
