#include "QrCode.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace ovpp::core {

namespace {

QRecLevel toQr(QrCode::Level level)
{
    switch (level) {
    case QrCode::Level::Low:
        return QR_ECLEVEL_L;
    case QrCode::Level::Medium:
        return QR_ECLEVEL_M;
    case QrCode::Level::Quartile:
        return QR_ECLEVEL_Q;
    case QrCode::Level::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrFree
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

Result<QrCode> QrCode::encode(QByteArrayView data, Level level)
{
    if (data.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("nothing to encode"));
    if (data.size() > 7089) // more than any symbol holds; also keeps the int cast below safe
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("too long for a QR code: %1 bytes").arg(data.size()));
    errno = 0;
    // Version 0 = the smallest that fits. 8-bit mode so that any bytes (UTF-8 URLs with
    // mixed case) are kept exactly.
    const std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
        int(data.size()), reinterpret_cast<const unsigned char *>(data.data()), 0, toQr(level)));
    if (!code) {
        if (errno == ERANGE)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("too long for a QR code: %1 bytes").arg(data.size()));
        return makeError(ErrorCode::Internal,
                         QStringLiteral("libqrencode failed (errno %1)").arg(errno));
    }
    QrCode out;
    out.m_size = code->width;
    out.m_version = code->version;
    out.m_level = level;
    out.m_modules.resize(std::size_t(code->width) * std::size_t(code->width));
    for (std::size_t i = 0; i < out.m_modules.size(); ++i)
        out.m_modules[i] = (code->data[i] & 1) != 0; // bit 0 = dark; the others are metadata
    return out;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules[std::size_t(y) * std::size_t(m_size) + std::size_t(x)];
}

} // namespace ovpp::core
