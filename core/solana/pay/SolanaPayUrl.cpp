#include "SolanaPayUrl.h"

#include "PaymentAmount.h"

#include <QByteArray>
#include <QUrl>

namespace ovpp::core {

namespace {

const QLatin1String Scheme("solana:");

Error parseError(const char *reason)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("Solana Pay URL: %1").arg(QLatin1String(reason)));
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// Percent-decoding into UTF-8 bytes; `plusIsSpace` for form encoding. Malformed escapes stay
// literal, as in URLSearchParams; decodeURIComponent would throw instead, so `strict` reports
// them through `ok`.
QString percentDecode(QStringView text, bool plusIsSpace, bool strict, bool *ok = nullptr)
{
    if (ok)
        *ok = true;
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'+' && plusIsSpace) {
            bytes.append(' ');
        } else if (c == u'%' && i + 2 < text.size() && hexValue(text[i + 1].unicode()) >= 0
                   && hexValue(text[i + 2].unicode()) >= 0) {
            bytes.append(
                char(hexValue(text[i + 1].unicode()) * 16 + hexValue(text[i + 2].unicode())));
            i += 2;
        } else {
            if (c == u'%' && strict && ok)
                *ok = false;
            // Keep a surrogate pair together so it converts to one UTF-8 sequence.
            const qsizetype length
                = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()
                ? 2
                : 1;
            bytes.append(text.mid(i, length).toUtf8());
            i += length - 1;
        }
    }
    if (strict && ok) {
        // decodeURIComponent throws on bytes that are not UTF-8.
        const QString decoded = QString::fromUtf8(bytes);
        if (decoded.toUtf8() != bytes)
            *ok = false;
        return decoded;
    }
    return QString::fromUtf8(bytes);
}

struct Query
{
    QList<std::pair<QString, QString>> pairs;

    std::optional<QString> first(QLatin1String name) const
    {
        for (const auto &[key, value] : pairs) {
            if (key == name)
                return value;
        }
        return std::nullopt;
    }
    // "|| undefined": an empty value is the same as none.
    std::optional<QString> text(QLatin1String name) const
    {
        std::optional<QString> value = first(name);
        if (value && value->isEmpty())
            return std::nullopt;
        return value;
    }
};

Query parseQuery(QStringView query)
{
    Query out;
    for (const QStringView part : query.split(QLatin1Char('&'))) {
        if (part.isEmpty())
            continue;
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        const QStringView name = equals < 0 ? part : part.left(equals);
        const QStringView value = equals < 0 ? QStringView() : part.mid(equals + 1);
        out.pairs.append({SolanaPayUrl::formDecode(name), SolanaPayUrl::formDecode(value)});
    }
    return out;
}

Result<PaymentRequest> parseTransactionPath(QStringView path, const Query &query)
{
    bool ok = false;
    const QString link = percentDecode(path, false, true, &ok);
    if (!ok)
        return parseError("link invalid");
    const QUrl url(link, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return parseError("link invalid");
    PaymentRequest request;
    request.kind = PaymentRequest::Kind::Transaction;
    request.transaction.link = link;
    request.transaction.label = query.text(QLatin1String("label"));
    request.transaction.message = query.text(QLatin1String("message"));
    return request;
}

Result<PaymentRequest> parseTransferPath(QStringView path, const Query &query)
{
    PaymentRequest request;
    TransferRequest &transfer = request.transfer;
    auto recipient = PublicKey::fromBase58(path);
    if (!recipient)
        return parseError("recipient invalid");
    transfer.recipient = recipient.value();

    if (const std::optional<QString> amount = query.first(QLatin1String("amount"))) {
        auto normalized = PaymentAmount::normalized(*amount);
        if (!normalized)
            return parseError("amount invalid");
        transfer.amount = std::move(normalized).value();
    }
    if (const std::optional<QString> mint = query.first(QLatin1String("spl-token"))) {
        auto key = PublicKey::fromBase58(*mint);
        if (!key)
            return parseError("spl-token invalid");
        transfer.splToken = key.value();
    }
    for (const auto &[name, value] : query.pairs) {
        if (name != QLatin1String("reference"))
            continue;
        auto key = PublicKey::fromBase58(value);
        if (!key)
            return parseError("reference invalid");
        transfer.references.append(key.value());
    }
    transfer.label = query.text(QLatin1String("label"));
    transfer.message = query.text(QLatin1String("message"));
    transfer.memo = query.text(QLatin1String("memo"));
    return request;
}

} // namespace

QString SolanaPayUrl::formDecode(QStringView text)
{
    return percentDecode(text, true, false);
}

QString SolanaPayUrl::formEncode(QStringView text)
{
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    const QByteArray bytes = text.toUtf8();
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')
            || (byte >= '0' && byte <= '9') || byte == '*' || byte == '-' || byte == '.'
            || byte == '_') {
            out.append(QLatin1Char(char(byte)));
        } else if (byte == ' ') {
            out.append(QLatin1Char('+'));
        } else {
            out.append(QLatin1Char('%'));
            out.append(QLatin1Char(hex[byte >> 4]));
            out.append(QLatin1Char(hex[byte & 0xf]));
        }
    }
    return out;
}

Result<PaymentRequest> SolanaPayUrl::parse(QStringView input)
{
    if (input.size() > MaxLength)
        return parseError("length invalid");
    // What the WHATWG URL parser does first: trim C0 controls and spaces at both ends (QR
    // generators often add a newline) and drop tabs and newlines anywhere.
    while (!input.isEmpty() && input.front().unicode() <= 0x20)
        input = input.mid(1);
    while (!input.isEmpty() && input.back().unicode() <= 0x20)
        input.chop(1);
    QString cleaned = input.toString();
    cleaned.remove(QLatin1Char('\t'));
    cleaned.remove(QLatin1Char('\n'));
    cleaned.remove(QLatin1Char('\r'));
    const QStringView url(cleaned);
    if (!url.startsWith(Scheme, Qt::CaseInsensitive))
        return parseError("protocol invalid");
    QStringView rest = url.mid(Scheme.size());
    // A fragment is not part of the request (the URL parser drops it too).
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0)
        rest = rest.left(hash);
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QStringView path = question < 0 ? rest : rest.left(question);
    const Query query = parseQuery(question < 0 ? QStringView() : rest.mid(question + 1));
    if (path.isEmpty())
        return parseError("pathname missing");
    if (path.contains(QLatin1Char(':')) || path.contains(QLatin1Char('%')))
        return parseTransactionPath(path, query);
    return parseTransferPath(path, query);
}

Result<TransferRequest> SolanaPayUrl::parseTransfer(QStringView url)
{
    auto request = parse(url);
    if (!request)
        return request.error();
    if (request->kind == PaymentRequest::Kind::Transaction)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("Solana Pay transaction requests (solana:https://…) are "
                                        "not supported yet; only transfer requests "
                                        "(solana:<address>?amount=…) can be paid"));
    return std::move(request->transfer);
}

QString SolanaPayUrl::encode(const TransferRequest &request)
{
    QStringList params;
    const auto add = [&params](const char *name, const QString &value) {
        params.append(QLatin1String(name) + QLatin1Char('=') + formEncode(value));
    };
    if (request.amount) {
        // A stored amount is normalized already; normalizing again keeps hand-made requests
        // in the reference's toFixed() form.
        auto normalized = PaymentAmount::normalized(*request.amount);
        add("amount", normalized ? normalized.value() : *request.amount);
    }
    if (request.splToken)
        add("spl-token", request.splToken->toBase58());
    for (const PublicKey &reference : request.references)
        add("reference", reference.toBase58());
    if (request.label && !request.label->isEmpty())
        add("label", *request.label);
    if (request.message && !request.message->isEmpty())
        add("message", *request.message);
    if (request.memo && !request.memo->isEmpty())
        add("memo", *request.memo);
    QString url = Scheme + request.recipient.toBase58();
    if (!params.isEmpty())
        url += QLatin1Char('?') + params.join(QLatin1Char('&'));
    return url;
}

QString SolanaPayUrl::encode(const TransactionRequest &request)
{
    const QString &link = request.link;
    // Plain only when parsing cannot change it: printable ASCII without ? # % (the query,
    // fragment and escape characters); whitespace would be stripped by the URL parser.
    bool plain = true;
    for (const QChar c : link) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('?')
            || c == QLatin1Char('#') || c == QLatin1Char('%'))
            plain = false;
    }
    // encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) alone.
    QString url = Scheme
        + (plain ? link
                 : QString::fromLatin1(QUrl::toPercentEncoding(link, QByteArrayLiteral("!~*'()"))));
    QStringList params;
    if (request.label && !request.label->isEmpty())
        params.append(QLatin1String("label=") + formEncode(*request.label));
    if (request.message && !request.message->isEmpty())
        params.append(QLatin1String("message=") + formEncode(*request.message));
    if (!params.isEmpty())
        url += QLatin1Char('?') + params.join(QLatin1Char('&'));
    return url;
}

} // namespace ovpp::core
