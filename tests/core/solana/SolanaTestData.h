#pragma once

// Helpers the Solana tests share: golden.json (tests/data) and this folder's own vectors
// (data/), hex and span conversions, and keypairs from the vectors' seeds.

#include "crypto/Keypair.h"
#include "crypto/PublicKey.h"
#include "solana/Blockhash.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <gtest/gtest.h>

#include <cstdint>
#include <span>

namespace ovpp::test {

// Reports a failure (not a crash) when a file is missing or not JSON; callers assert on the
// number of vectors they expect, so a missing file never passes silently.
inline QJsonObject loadJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << path.toStdString();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        ADD_FAILURE() << path.toStdString() << ": " << error.errorString().toStdString();
        return {};
    }
    return document.object();
}

inline const QJsonObject &golden()
{
    static const QJsonObject object
        = loadJsonFile(QStringLiteral(OVPP_TEST_DATA_DIR "/golden.json"));
    return object;
}

inline const QJsonObject &v0LookupVectors()
{
    static const QJsonObject object
        = loadJsonFile(QStringLiteral(OVPP_SOLANA_TEST_DATA_DIR "/v0_lookup_vectors.json"));
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

inline QByteArray toByteArray(std::span<const std::uint8_t> data)
{
    return QByteArray(reinterpret_cast<const char *>(data.data()),
                      static_cast<qsizetype>(data.size()));
}

inline core::PublicKey key(const QJsonValue &base58)
{
    auto parsed = core::PublicKey::fromBase58(base58.toString());
    EXPECT_TRUE(parsed.ok()) << base58.toString().toStdString();
    return parsed.ok() ? parsed.value() : core::PublicKey();
}

inline core::Blockhash blockhash(const QJsonValue &base58)
{
    auto parsed = core::Blockhash::fromBase58(base58.toString());
    EXPECT_TRUE(parsed.ok()) << base58.toString().toStdString();
    return parsed.ok() ? parsed.value() : core::Blockhash();
}

inline core::Keypair keypairFromSeedHex(const QJsonValue &seedHex)
{
    const QByteArray seed = hex(seedHex);
    EXPECT_EQ(seed.size(), 32);
    return core::Keypair::fromSeed(bytes(seed));
}

// A deterministic key for tests that only need distinct addresses.
inline core::PublicKey testKey(std::uint8_t fill)
{
    core::PublicKey::Bytes raw;
    raw.fill(fill);
    return core::PublicKey(raw);
}

} // namespace ovpp::test
