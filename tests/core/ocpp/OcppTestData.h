#pragma once

// The "ocpp16j" section of tests/data/golden.json (frames and negative payloads, validated
// against the OCA 1.6 schemas by the reference tooling).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

inline QJsonObject ocppGolden()
{
    QFile file(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("ocpp16j"))
        .toObject();
}
