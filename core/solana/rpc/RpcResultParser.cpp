#include "RpcResultParser.h"

#include "RpcJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ovpp::core {

namespace {

Error shapeError(const char *method, const QString &what)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("unexpected %1 response: %2").arg(QLatin1String(method), what));
}

Result<std::uint64_t> requireU64(const QJsonObject &object, const char *key, const char *method)
{
    const auto value = RpcJson::toU64(object.value(QLatin1String(key)));
    if (!value)
        return shapeError(
            method, QStringLiteral("%1 is not an unsigned 64-bit integer").arg(QLatin1String(key)));
    return *value;
}

Result<PublicKey> requireKey(const QJsonValue &value, const char *key, const char *method)
{
    auto parsed = PublicKey::fromBase58(value.toString());
    if (!parsed)
        return shapeError(method, QStringLiteral("%1 is not an address").arg(QLatin1String(key)));
    return parsed;
}

std::optional<QString> errText(const QJsonValue &err)
{
    if (err.isNull() || err.isUndefined())
        return std::nullopt;
    if (err.isString())
        return err.toString();
    const QJsonDocument doc
        = err.isArray() ? QJsonDocument(err.toArray()) : QJsonDocument(err.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

std::optional<std::int64_t> optionalI64(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return RpcJson::toI64(value);
}

Result<QList<std::uint64_t>> u64List(const QJsonValue &value, const char *key, const char *method)
{
    QList<std::uint64_t> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray())
        return shapeError(method, QStringLiteral("%1 is not an array").arg(QLatin1String(key)));
    for (const QJsonValue &item : value.toArray()) {
        const auto n = RpcJson::toU64(item);
        if (!n)
            return shapeError(method,
                              QStringLiteral("%1 holds a non-integer").arg(QLatin1String(key)));
        out.append(*n);
    }
    return out;
}

Result<QList<TokenBalance>> tokenBalances(const QJsonValue &value, const char *key)
{
    QList<TokenBalance> out;
    if (!value.isArray())
        return out; // absent when the node did not record token balances
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject o = item.toObject();
        TokenBalance b;
        b.accountIndex = o.value(QLatin1String("accountIndex")).toInt(-1);
        auto mint = requireKey(o.value(QLatin1String("mint")), key, "getTransaction");
        const QJsonObject ui = o.value(QLatin1String("uiTokenAmount")).toObject();
        const auto amount = RpcJson::toU64(ui.value(QLatin1String("amount")));
        const auto decimals = RpcJson::toU64(ui.value(QLatin1String("decimals")));
        if (b.accountIndex < 0 || !mint || !amount || !decimals || *decimals > 255)
            return shapeError("getTransaction",
                              QStringLiteral("malformed entry in %1").arg(QLatin1String(key)));
        b.mint = mint.value();
        b.amount = *amount;
        b.decimals = static_cast<std::uint8_t>(*decimals);
        if (o.contains(QLatin1String("owner"))) {
            auto owner = PublicKey::fromBase58(o.value(QLatin1String("owner")).toString());
            if (owner)
                b.owner = owner.value();
        }
        out.append(b);
    }
    return out;
}

QString commitmentText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

} // namespace

Result<QJsonValue> RpcResultParser::contextValue(const QJsonValue &result, const char *method)
{
    const QJsonObject object = result.toObject();
    if (!result.isObject() || !object.contains(QLatin1String("value")))
        return shapeError(method, QStringLiteral("no context/value object"));
    return object.value(QLatin1String("value"));
}

Result<LatestBlockhash> RpcResultParser::latestBlockhash(const QJsonValue &result)
{
    constexpr const char *method = "getLatestBlockhash";
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    const QJsonObject o = value->toObject();
    auto hash = Blockhash::fromBase58(o.value(QLatin1String("blockhash")).toString());
    if (!hash)
        return shapeError(method, QStringLiteral("blockhash is not 32 bytes of base58"));
    auto height = requireU64(o, "lastValidBlockHeight", method);
    if (!height)
        return height.error();
    LatestBlockhash out;
    out.blockhash = hash.value();
    out.lastValidBlockHeight = *height;
    out.contextSlot = RpcJson::toU64(result.toObject()
                                         .value(QLatin1String("context"))
                                         .toObject()
                                         .value(QLatin1String("slot")))
                          .value_or(0);
    return out;
}

Result<std::uint64_t> RpcResultParser::u64(const QJsonValue &result, const char *method)
{
    const auto value = RpcJson::toU64(result);
    if (!value)
        return shapeError(method, QStringLiteral("result is not an unsigned 64-bit integer"));
    return *value;
}

Result<std::uint64_t> RpcResultParser::contextU64(const QJsonValue &result, const char *method)
{
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    return u64(value.value(), method);
}

Result<std::optional<std::uint64_t>> RpcResultParser::contextOptionalU64(const QJsonValue &result,
                                                                         const char *method)
{
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    if (value->isNull())
        return std::optional<std::uint64_t>();
    auto n = u64(value.value(), method);
    if (!n)
        return n.error();
    return std::optional<std::uint64_t>(n.value());
}

Result<OnChainAccount> RpcResultParser::account(const QJsonValue &account)
{
    constexpr const char *method = "account";
    if (!account.isObject())
        return shapeError(method, QStringLiteral("account is not an object"));
    const QJsonObject o = account.toObject();
    OnChainAccount info;
    auto lamports = requireU64(o, "lamports", method);
    if (!lamports)
        return lamports.error();
    info.lamports = *lamports;
    auto owner = requireKey(o.value(QLatin1String("owner")), "owner", method);
    if (!owner)
        return owner.error();
    info.owner = owner.value();
    info.executable = o.value(QLatin1String("executable")).toBool();
    // rentEpoch is u64::MAX for rent-exempt accounts: exactly the value a double would round.
    auto rentEpoch = requireU64(o, "rentEpoch", method);
    if (!rentEpoch)
        return rentEpoch.error();
    info.rentEpoch = *rentEpoch;
    const QJsonArray data = o.value(QLatin1String("data")).toArray();
    if (data.size() != 2 || data.at(1).toString() != QLatin1String("base64"))
        return shapeError(method, QStringLiteral("data is not [\"…\", \"base64\"]"));
    auto decoded = QByteArray::fromBase64Encoding(data.at(0).toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return shapeError(method, QStringLiteral("data is not valid base64"));
    info.data = *decoded;
    // `space` is newer than the other fields; older nodes leave it out.
    info.space = RpcJson::toU64(o.value(QLatin1String("space")))
                     .value_or(static_cast<std::uint64_t>(info.data.size()));
    return info;
}

Result<std::optional<OnChainAccount>> RpcResultParser::accountInfo(const QJsonValue &result)
{
    auto value = contextValue(result, "getAccountInfo");
    if (!value)
        return value.error();
    if (value->isNull())
        return std::optional<OnChainAccount>();
    auto info = account(value.value());
    if (!info)
        return info.error();
    return std::optional<OnChainAccount>(std::move(info).value());
}

Result<QList<std::optional<OnChainAccount>>>
RpcResultParser::multipleAccounts(const QJsonValue &result)
{
    auto value = contextValue(result, "getMultipleAccounts");
    if (!value)
        return value.error();
    if (!value->isArray())
        return shapeError("getMultipleAccounts", QStringLiteral("value is not an array"));
    QList<std::optional<OnChainAccount>> out;
    for (const QJsonValue &item : value->toArray()) {
        if (item.isNull()) {
            out.append(std::nullopt);
            continue;
        }
        auto info = account(item);
        if (!info)
            return info.error();
        out.append(std::move(info).value());
    }
    return out;
}

Result<QList<TokenAccount>> RpcResultParser::tokenAccounts(const QJsonValue &result)
{
    constexpr const char *method = "getTokenAccountsByOwner";
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    if (!value->isArray())
        return shapeError(method, QStringLiteral("value is not an array"));
    QList<TokenAccount> out;
    for (const QJsonValue &item : value->toArray()) {
        const QJsonObject entry = item.toObject();
        const QJsonObject account = entry.value(QLatin1String("account")).toObject();
        const QJsonObject info = account.value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("parsed"))
                                     .toObject()
                                     .value(QLatin1String("info"))
                                     .toObject();
        if (info.isEmpty())
            return shapeError(method, QStringLiteral("account data is not jsonParsed"));
        TokenAccount t;
        auto address = requireKey(entry.value(QLatin1String("pubkey")), "pubkey", method);
        auto mint = requireKey(info.value(QLatin1String("mint")), "mint", method);
        auto owner = requireKey(info.value(QLatin1String("owner")), "owner", method);
        auto program = requireKey(account.value(QLatin1String("owner")), "account.owner", method);
        if (!address)
            return address.error();
        if (!mint)
            return mint.error();
        if (!owner)
            return owner.error();
        if (!program)
            return program.error();
        const QJsonObject amount = info.value(QLatin1String("tokenAmount")).toObject();
        // tokenAmount.amount is a decimal string precisely so that it survives JSON; the float
        // uiAmount beside it is deprecated and never read.
        const auto units = RpcJson::toU64(amount.value(QLatin1String("amount")));
        const auto decimals = RpcJson::toU64(amount.value(QLatin1String("decimals")));
        const auto lamports = RpcJson::toU64(account.value(QLatin1String("lamports")));
        if (!units || !decimals || *decimals > 255 || !lamports)
            return shapeError(method, QStringLiteral("malformed tokenAmount or lamports"));
        t.address = address.value();
        t.mint = mint.value();
        t.owner = owner.value();
        t.program = program.value();
        t.amount = *units;
        t.decimals = static_cast<std::uint8_t>(*decimals);
        t.state = info.value(QLatin1String("state")).toString();
        t.isNative = info.value(QLatin1String("isNative")).toBool();
        t.lamports = *lamports;
        out.append(t);
    }
    return out;
}

Result<QList<SignatureInfo>> RpcResultParser::signatures(const QJsonValue &result)
{
    constexpr const char *method = "getSignaturesForAddress";
    if (!result.isArray())
        return shapeError(method, QStringLiteral("result is not an array"));
    QList<SignatureInfo> out;
    for (const QJsonValue &item : result.toArray()) {
        const QJsonObject o = item.toObject();
        SignatureInfo s;
        s.signature = o.value(QLatin1String("signature")).toString();
        auto slot = requireU64(o, "slot", method);
        if (s.signature.isEmpty() || !slot)
            return shapeError(method, QStringLiteral("entry without signature or slot"));
        s.slot = *slot;
        s.blockTime = optionalI64(o.value(QLatin1String("blockTime")));
        s.err = errText(o.value(QLatin1String("err")));
        const QJsonValue memo = o.value(QLatin1String("memo"));
        if (memo.isString())
            s.memo = memo.toString();
        s.confirmationStatus = commitmentText(o.value(QLatin1String("confirmationStatus")));
        out.append(s);
    }
    return out;
}

Result<std::optional<FetchedTransaction>> RpcResultParser::transaction(const QJsonValue &result)
{
    constexpr const char *method = "getTransaction";
    if (result.isNull())
        return std::optional<FetchedTransaction>();
    if (!result.isObject())
        return shapeError(method, QStringLiteral("result is not an object"));
    const QJsonObject o = result.toObject();
    FetchedTransaction t;
    auto slot = requireU64(o, "slot", method);
    if (!slot)
        return slot.error();
    t.slot = *slot;
    t.blockTime = optionalI64(o.value(QLatin1String("blockTime")));
    const QJsonArray encoded = o.value(QLatin1String("transaction")).toArray();
    if (encoded.size() != 2 || encoded.at(1).toString() != QLatin1String("base64"))
        return shapeError(method, QStringLiteral("transaction is not [\"…\", \"base64\"]"));
    auto wire = QByteArray::fromBase64Encoding(encoded.at(0).toString().toLatin1(),
                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!wire)
        return shapeError(method, QStringLiteral("transaction is not valid base64"));
    t.wire = *wire;
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(t.wire.constData());
    auto parsed = Transaction::deserialize({bytes, static_cast<std::size_t>(t.wire.size())});
    if (!parsed)
        return shapeError(method,
                          QStringLiteral("transaction bytes: %1").arg(parsed.error().detail));
    t.transaction = std::move(parsed).value();

    const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
    t.err = errText(meta.value(QLatin1String("err")));
    t.fee = RpcJson::toU64(meta.value(QLatin1String("fee"))).value_or(0);
    auto pre = u64List(meta.value(QLatin1String("preBalances")), "preBalances", method);
    auto post = u64List(meta.value(QLatin1String("postBalances")), "postBalances", method);
    auto preTokens
        = tokenBalances(meta.value(QLatin1String("preTokenBalances")), "preTokenBalances");
    auto postTokens
        = tokenBalances(meta.value(QLatin1String("postTokenBalances")), "postTokenBalances");
    if (!pre)
        return pre.error();
    if (!post)
        return post.error();
    if (!preTokens)
        return preTokens.error();
    if (!postTokens)
        return postTokens.error();
    t.preBalances = pre.value();
    t.postBalances = post.value();
    t.preTokenBalances = preTokens.value();
    t.postTokenBalances = postTokens.value();
    for (const QJsonValue &line : meta.value(QLatin1String("logMessages")).toArray())
        t.logMessages.append(line.toString());
    const QJsonObject loaded = meta.value(QLatin1String("loadedAddresses")).toObject();
    for (const auto &[key, list] : {std::pair {"writable", &t.loadedAddresses.writable},
                                    std::pair {"readonly", &t.loadedAddresses.readonly}}) {
        for (const QJsonValue &item : loaded.value(QLatin1String(key)).toArray()) {
            auto address = requireKey(item, key, method);
            if (!address)
                return address.error();
            list->append(address.value());
        }
    }
    const QJsonValue units = meta.value(QLatin1String("computeUnitsConsumed"));
    if (!units.isUndefined() && !units.isNull())
        t.computeUnitsConsumed = RpcJson::toU64(units);
    return std::optional<FetchedTransaction>(std::move(t));
}

Result<SimulationResult> RpcResultParser::simulation(const QJsonValue &result)
{
    constexpr const char *method = "simulateTransaction";
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    if (!value->isObject())
        return shapeError(method, QStringLiteral("value is not an object"));
    const QJsonObject o = value->toObject();
    SimulationResult s;
    s.err = errText(o.value(QLatin1String("err")));
    for (const QJsonValue &line : o.value(QLatin1String("logs")).toArray())
        s.logs.append(line.toString());
    const QJsonValue units = o.value(QLatin1String("unitsConsumed"));
    if (!units.isUndefined() && !units.isNull())
        s.unitsConsumed = RpcJson::toU64(units);
    const QJsonValue fee = o.value(QLatin1String("fee"));
    if (!fee.isUndefined() && !fee.isNull())
        s.fee = RpcJson::toU64(fee);
    const QJsonValue replacement = o.value(QLatin1String("replacementBlockhash"));
    if (replacement.isObject()) {
        auto hash = Blockhash::fromBase58(
            replacement.toObject().value(QLatin1String("blockhash")).toString());
        if (hash)
            s.replacementBlockhash = hash.value();
    }
    return s;
}

Result<QList<std::optional<SignatureStatus>>>
RpcResultParser::signatureStatuses(const QJsonValue &result)
{
    constexpr const char *method = "getSignatureStatuses";
    auto value = contextValue(result, method);
    if (!value)
        return value.error();
    if (!value->isArray())
        return shapeError(method, QStringLiteral("value is not an array"));
    QList<std::optional<SignatureStatus>> out;
    for (const QJsonValue &item : value->toArray()) {
        if (item.isNull()) {
            out.append(std::nullopt);
            continue;
        }
        const QJsonObject o = item.toObject();
        SignatureStatus s;
        auto slot = requireU64(o, "slot", method);
        if (!slot)
            return slot.error();
        s.slot = *slot;
        const QJsonValue confirmations = o.value(QLatin1String("confirmations"));
        if (!confirmations.isNull() && !confirmations.isUndefined())
            s.confirmations = RpcJson::toU64(confirmations);
        s.err = errText(o.value(QLatin1String("err")));
        s.confirmationStatus = commitmentText(o.value(QLatin1String("confirmationStatus")));
        out.append(s);
    }
    return out;
}

Result<QList<PrioritizationFee>> RpcResultParser::prioritizationFees(const QJsonValue &result)
{
    constexpr const char *method = "getRecentPrioritizationFees";
    if (!result.isArray())
        return shapeError(method, QStringLiteral("result is not an array"));
    QList<PrioritizationFee> out;
    for (const QJsonValue &item : result.toArray()) {
        const QJsonObject o = item.toObject();
        auto slot = requireU64(o, "slot", method);
        auto fee = requireU64(o, "prioritizationFee", method);
        if (!slot)
            return slot.error();
        if (!fee)
            return fee.error();
        out.append({*slot, *fee});
    }
    return out;
}

Result<QString> RpcResultParser::signature(const QJsonValue &result, const char *method)
{
    const QString text = result.toString();
    // 64 bytes of base58 take 64 to 88 characters.
    if (!result.isString() || text.size() < 64 || text.size() > 88)
        return shapeError(method, QStringLiteral("result is not a base58 signature"));
    return text;
}

Error RpcResultParser::rpcError(const QJsonObject &error, const char *method)
{
    const int code = error.value(QLatin1String("code")).toInt();
    QString detail
        = QStringLiteral("RPC error %1: %2 (%3)")
              .arg(code)
              .arg(error.value(QLatin1String("message")).toString(), QLatin1String(method));
    const QJsonObject data = error.value(QLatin1String("data")).toObject();
    const QJsonArray logs = data.value(QLatin1String("logs")).toArray();
    if (!logs.isEmpty()) {
        detail += QStringLiteral("\nProgram logs:");
        for (const QJsonValue &line : logs)
            detail += QStringLiteral("\n  ") + line.toString();
    }
    // Codes where the node, not the request, is the problem: worth trying again later.
    // -32004 block not available, -32005 node unhealthy, -32014 block status not yet available,
    // -32016 min context slot not reached.
    const bool transient = code == -32004 || code == -32005 || code == -32014 || code == -32016;
    return makeError(transient ? ErrorCode::Unavailable : ErrorCode::InvalidArgument, detail);
}

} // namespace ovpp::core
