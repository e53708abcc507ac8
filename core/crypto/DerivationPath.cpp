#include "DerivationPath.h"

namespace ovpp::core {

namespace {

constexpr std::uint32_t HardenedBit = 0x80000000u;
// BIP32 stores the depth in one byte; nothing real comes close.
constexpr qsizetype MaxDepth = 255;

bool isHardenedMark(QChar c)
{
    // U+2019 is what word processors and web pages turn "'" into; pasted paths carry it.
    return c == u'\'' || c == u'h' || c == u'H' || c == QChar(0x2019);
}

Error pathError(const QString &what)
{
    return makeError(ErrorCode::InvalidArgument,
                     what
                         + QStringLiteral(" (expected a path like m/44'/501'/0'/0', or \"none\")"));
}

} // namespace

DerivationPath DerivationPath::forScheme(Scheme scheme, std::uint32_t account)
{
    // Indexes are 31-bit; the hardened bit is implied, so a caller's stray high bit is dropped.
    account &= ~HardenedBit;
    DerivationPath path;
    switch (scheme) {
    case Scheme::Bip44Change:
        path.m_components = {44, 501, account, 0};
        break;
    case Scheme::Bip44:
        path.m_components = {44, 501, account};
        break;
    case Scheme::LedgerLive:
        path.m_components = {44, 501, account, 0, 0};
        break;
    case Scheme::LegacySeed:
        return legacySeed();
    }
    return path;
}

DerivationPath DerivationPath::legacySeed()
{
    DerivationPath path;
    path.m_components.clear();
    path.m_legacySeed = true;
    return path;
}

Result<DerivationPath> DerivationPath::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return pathError(QStringLiteral("the derivation path is empty"));
    if (trimmed.compare(u"none", Qt::CaseInsensitive) == 0)
        return legacySeed();
    if (trimmed[0] != u'm' && trimmed[0] != u'M')
        return pathError(QStringLiteral("a derivation path starts with \"m\""));

    DerivationPath path;
    path.m_components.clear();
    if (trimmed.size() == 1)
        return path; // "m": the master key itself
    if (trimmed[1] != u'/')
        return pathError(QStringLiteral("\"m\" must be followed by \"/\""));

    qsizetype pos = 2;
    int number = 1;
    while (true) {
        const qsizetype slash = trimmed.indexOf(u'/', pos);
        QStringView part = trimmed.mid(pos, slash < 0 ? -1 : slash - pos);
        if (part.isEmpty())
            return pathError(QStringLiteral("component %1 is empty").arg(number));
        if (isHardenedMark(part.back()))
            part.chop(1);
        if (part.isEmpty()) {
            return pathError(
                QStringLiteral("component %1 has a hardened mark but no number").arg(number));
        }
        std::uint64_t value = 0;
        for (const QChar c : part) {
            if (c < u'0' || c > u'9') {
                return pathError(
                    QStringLiteral("component %1 (\"%2\") is not a number followed by an "
                                   "optional ' or h")
                        .arg(number)
                        .arg(part.toString()));
            }
            value = value * 10 + static_cast<std::uint64_t>(c.unicode() - u'0');
            if (value >= HardenedBit) {
                return pathError(QStringLiteral("component %1 (%2) is too large: indexes must be "
                                                "below 2^31 = 2147483648")
                                     .arg(number)
                                     .arg(part.toString()));
            }
        }
        if (path.m_components.size() >= MaxDepth)
            return pathError(QStringLiteral("the path has more than %1 components").arg(MaxDepth));
        // ed25519 has no non-hardened derivation; solana-keygen hardens every index, and so do we.
        path.m_components.append(static_cast<std::uint32_t>(value));
        if (slash < 0)
            break;
        pos = slash + 1;
        ++number;
    }
    return path;
}

QString DerivationPath::toString() const
{
    if (m_legacySeed)
        return QStringLiteral("none");
    QString out = QStringLiteral("m");
    for (const std::uint32_t index : m_components) {
        out += u'/';
        out += QString::number(index);
        out += u'\'';
    }
    return out;
}

} // namespace ovpp::core
