#include "Output.h"

#include <QJsonDocument>

#include <cstdio>

namespace ovpp::cli {

namespace {

void writeText(std::FILE *stream, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stream);
}

void writeBytes(std::FILE *stream, std::span<const std::uint8_t> bytes)
{
    std::fwrite(bytes.data(), 1, bytes.size(), stream);
}

// JSON string escaping, byte by byte, so that the secret never passes through a QString.
void writeJsonStringSecret(std::FILE *stream, std::span<const std::uint8_t> bytes)
{
    static const char hex[] = "0123456789abcdef";
    std::fputc('"', stream);
    for (const std::uint8_t c : bytes) {
        if (c == '"' || c == '\\') {
            std::fputc('\\', stream);
            std::fputc(c, stream);
        } else if (c < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            std::fwrite(escaped, 1, sizeof escaped, stream);
        } else {
            std::fputc(c, stream);
        }
    }
    std::fputc('"', stream);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void Output::line(const QString &text) const
{
    if (json())
        return;
    writeText(stdout, text + u'\n');
}

void Output::secretLine(const core::SecretBytes &secret, const QString &prefix) const
{
    if (json())
        return;
    writeText(stdout, prefix);
    writeBytes(stdout, secret.span());
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Output::document(const QJsonObject &object) const
{
    if (!json())
        return;
    const QByteArray text = compact(object);
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
    std::fputc('\n', stdout);
}

void Output::documentWithSecret(const QJsonObject &object, const QString &key,
                                const core::SecretBytes &secret, SecretEncoding encoding) const
{
    if (!json())
        return;
    // The public members as Qt writes them, then the secret spliced in before the closing brace.
    QByteArray head = compact(object);
    head.chop(1); // "}"
    if (!object.isEmpty())
        head.append(',');
    head.append(compact(QJsonObject {{key, 0}}).mid(1).chopped(2)); // "\"key\":"
    std::fwrite(head.constData(), 1, static_cast<std::size_t>(head.size()), stdout);
    if (encoding == SecretEncoding::JsonString)
        writeJsonStringSecret(stdout, secret.span());
    else
        writeBytes(stdout, secret.span());
    std::fputs("}\n", stdout);
    std::fflush(stdout);
}

void Output::note(const QString &text) const
{
    if (json())
        return; // scripts read the JSON document; nothing else should appear
    writeText(stderr, text + u'\n');
}

void Output::failure(const Failure &failure) const
{
    std::fflush(stdout);
    writeText(stderr, QStringLiteral("ovpp: ") + failure.message + u'\n');
    if (json()) {
        document(QJsonObject {{QStringLiteral("error"),
                               QJsonObject {{QStringLiteral("code"), failure.code},
                                            {QStringLiteral("message"), failure.message},
                                            {QStringLiteral("exitStatus"), failure.exitStatus}}}});
    }
}

} // namespace ovpp::cli
