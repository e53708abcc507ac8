// solana_tx_tool: the C++ half of the @solana/web3.js cross-check (crosscheck.mjs).
//
// Reads one JSON request on stdin and writes one JSON answer on stdout:
//   {"build":  [<transaction description>, …],      → "built":   [{"wire": base64, "id"} |
//   {"error"}]
//    "decode": [{"wire": base64, "loadedAddresses"?: {"writable": [..], "readonly": [..]}}, …]
//                                                   → "decoded": [{"transaction": <jsonParsed>,
//                                                                  "signaturesVerify": bool} |
//                                                                  {"error"}]
//    "pda":    [{"seeds": [hex, …], "programId"}, …] → "pda":     [{"address", "bump"} |
//    {"error"}]}
//
// A transaction description: {"version": "legacy"|0, "feePayer", "recentBlockhash",
// "signerSeeds": [hex32, …], "instructions": [{"kind": …, …}]} with kinds transfer,
// createAccount, memo, setComputeUnitLimit, setComputeUnitPrice, transferChecked, mintTo,
// initializeMint2, createAta, createAtaIdempotent, raw (see crosscheck.mjs). u64 values are
// decimal strings. Associated token addresses are derived here, independently of web3.js.

#include "crypto/Keypair.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/SystemProgram.h"
#include "solana/TokenProgram.h"
#include "solana/Transaction.h"
#include "solana/TransactionDecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace ovpp::core;

namespace {

// Thrown inside one request only, turned into that request's {"error"} (never crosses main).
struct RequestError
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw RequestError {message};
}

template<typename T> T unwrap(Result<T> result, const char *what)
{
    if (!result)
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), describe(result.error())));
    return std::move(result).value();
}

PublicKey pubkey(const QJsonValue &value)
{
    return unwrap(PublicKey::fromBase58(value.toString()), "public key");
}

std::uint64_t u64(const QJsonValue &value)
{
    const auto parsed = TransactionDecoder::toU64(value);
    if (!parsed)
        fail(QStringLiteral("not a u64: %1").arg(value.toVariant().toString()));
    return *parsed;
}

QList<PublicKey> pubkeys(const QJsonValue &array)
{
    QList<PublicKey> out;
    for (const QJsonValue &value : array.toArray())
        out.append(pubkey(value));
    return out;
}

PublicKey programOr(const QJsonObject &object, const char *field, const PublicKey &fallback)
{
    const QJsonValue value = object.value(QLatin1String(field));
    return value.isUndefined() || value.isNull() ? fallback : pubkey(value);
}

PublicKey ata(const PublicKey &wallet, const PublicKey &mint, const PublicKey &tokenProgram)
{
    return unwrap(ProgramAddress::associatedTokenAddress(wallet, mint, tokenProgram), "ATA")
        .address;
}

Instruction instruction(const QJsonObject &d)
{
    const QString kind = d[u"kind"].toString();
    if (kind == u"transfer")
        return SystemProgram::transfer(pubkey(d[u"from"]), pubkey(d[u"to"]), u64(d[u"lamports"]));
    if (kind == u"createAccount") {
        return SystemProgram::createAccount(pubkey(d[u"from"]), pubkey(d[u"newAccount"]),
                                            u64(d[u"lamports"]), u64(d[u"space"]),
                                            pubkey(d[u"owner"]));
    }
    if (kind == u"memo")
        return MemoProgram::memo(d[u"text"].toString(), pubkeys(d[u"signers"]));
    if (kind == u"setComputeUnitLimit")
        return ComputeBudgetProgram::setComputeUnitLimit(
            static_cast<std::uint32_t>(u64(d[u"units"])));
    if (kind == u"setComputeUnitPrice")
        return ComputeBudgetProgram::setComputeUnitPrice(u64(d[u"microLamports"]));
    const PublicKey token = programOr(d, "programId", programs::tokenProgram());
    if (kind == u"transferChecked") {
        return TokenProgram::transferChecked(pubkey(d[u"source"]), pubkey(d[u"mint"]),
                                             pubkey(d[u"destination"]), pubkey(d[u"owner"]),
                                             u64(d[u"amount"]),
                                             static_cast<std::uint8_t>(d[u"decimals"].toInt()),
                                             pubkeys(d[u"multisigSigners"]), token);
    }
    if (kind == u"mintTo") {
        return TokenProgram::mintTo(pubkey(d[u"mint"]), pubkey(d[u"destination"]),
                                    pubkey(d[u"authority"]), u64(d[u"amount"]),
                                    pubkeys(d[u"multisigSigners"]), token);
    }
    if (kind == u"initializeMint2") {
        std::optional<PublicKey> freeze;
        if (d[u"freezeAuthority"].isString())
            freeze = pubkey(d[u"freezeAuthority"]);
        return TokenProgram::initializeMint2(pubkey(d[u"mint"]),
                                             static_cast<std::uint8_t>(d[u"decimals"].toInt()),
                                             pubkey(d[u"mintAuthority"]), freeze, token);
    }
    if (kind == u"createAta" || kind == u"createAtaIdempotent") {
        const PublicKey tokenProgram = programOr(d, "tokenProgram", programs::tokenProgram());
        const PublicKey wallet = pubkey(d[u"wallet"]);
        const PublicKey mint = pubkey(d[u"mint"]);
        const PublicKey account = ata(wallet, mint, tokenProgram);
        if (kind == u"createAta")
            return AssociatedTokenProgram::create(pubkey(d[u"payer"]), account, wallet, mint,
                                                  tokenProgram);
        return AssociatedTokenProgram::createIdempotent(pubkey(d[u"payer"]), account, wallet, mint,
                                                        tokenProgram);
    }
    if (kind == u"raw") {
        Instruction raw {
            pubkey(d[u"programId"]), {}, QByteArray::fromHex(d[u"data"].toString().toLatin1())};
        for (const QJsonValue &meta : d[u"accounts"].toArray()) {
            raw.accounts.append({pubkey(meta[u"pubkey"]), meta[u"isSigner"].toBool(),
                                 meta[u"isWritable"].toBool()});
        }
        return raw;
    }
    fail(QStringLiteral("unknown instruction kind '%1'").arg(kind));
}

QJsonObject build(const QJsonObject &description)
{
    QList<Instruction> instructions;
    for (const QJsonValue &d : description[u"instructions"].toArray())
        instructions.append(instruction(d.toObject()));
    const MessageVersion version
        = description[u"version"] == QJsonValue(0) ? MessageVersion::V0 : MessageVersion::Legacy;
    const Message message = unwrap(
        Message::compile(
            pubkey(description[u"feePayer"]), instructions,
            unwrap(Blockhash::fromBase58(description[u"recentBlockhash"].toString()), "blockhash"),
            version),
        "compile");
    Transaction transaction(message);
    for (const QJsonValue &seedHex : description[u"signerSeeds"].toArray()) {
        const QByteArray seed = QByteArray::fromHex(seedHex.toString().toLatin1());
        if (seed.size() != 32)
            fail(QStringLiteral("a signer seed is not 32 bytes"));
        const Keypair signer = Keypair::fromSeed(
            std::span(reinterpret_cast<const std::uint8_t *>(seed.constData()), 32));
        if (auto signed_ = transaction.sign(signer); !signed_)
            fail(describe(signed_.error()));
    }
    const QByteArray wire = unwrap(transaction.serialize(), "serialize");
    return {{QStringLiteral("wire"), QString::fromLatin1(wire.toBase64())},
            {QStringLiteral("id"), transaction.id()}};
}

QJsonObject decode(const QJsonObject &request)
{
    const Transaction transaction
        = unwrap(Transaction::fromBase64(request[u"wire"].toString().toLatin1()), "deserialize");
    LoadedAddresses loaded;
    const QJsonObject addresses = request[u"loadedAddresses"].toObject();
    loaded.writable = pubkeys(addresses[u"writable"]);
    loaded.readonly = pubkeys(addresses[u"readonly"]);
    return {
        {QStringLiteral("transaction"), TransactionDecoder::decodeTransaction(transaction, loaded)},
        {QStringLiteral("signaturesVerify"), transaction.verifySignatures().ok()}};
}

QJsonObject pda(const QJsonObject &request)
{
    QList<QByteArray> seeds;
    for (const QJsonValue &seed : request[u"seeds"].toArray())
        seeds.append(QByteArray::fromHex(seed.toString().toLatin1()));
    const auto found = unwrap(ProgramAddress::find(seeds, pubkey(request[u"programId"])),
                              "find_program_address");
    return {{QStringLiteral("address"), found.address.toBase58()},
            {QStringLiteral("bump"), found.bump}};
}

template<typename F> QJsonArray each(const QJsonValue &requests, F handler)
{
    QJsonArray out;
    for (const QJsonValue &request : requests.toArray()) {
        try {
            out.append(handler(request.toObject()));
        } catch (const RequestError &error) {
            out.append(QJsonObject {{QStringLiteral("error"), error.message}});
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        std::fputs("solana_tx_tool: cannot read stdin\n", stderr);
        return 2;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        std::fprintf(stderr, "solana_tx_tool: the request is not a JSON object: %s\n",
                     qPrintable(error.errorString()));
        return 2;
    }
    const QJsonObject request = document.object();
    const QJsonObject answer {{QStringLiteral("built"), each(request[u"build"], build)},
                              {QStringLiteral("decoded"), each(request[u"decode"], decode)},
                              {QStringLiteral("pda"), each(request[u"pda"], pda)}};
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 2;
    out.write(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    out.write("\n");
    return 0;
}
