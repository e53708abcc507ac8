#pragma once
// A QR code as a plain grid of modules, made by libqrencode. No QtGui on purpose: core/ draws
// nothing; the view paints the grid (with the quiet zone it chooses).

#include "common/Result.h"

#include <QByteArrayView>

#include <vector>

namespace ovpp::core {

class QrCode
{
public:
    // The error correction levels of ISO/IEC 18004 (share of codewords that may be lost).
    enum class Level {
        Low, // ~7 %
        Medium, // ~15 %
        Quartile, // ~25 %
        High, // ~30 %
    };

    QrCode() = default;

    // The smallest symbol (version 1..40) holding `data` as 8-bit bytes at `level`.
    // InvalidArgument when the data is empty or does not fit in version 40.
    static Result<QrCode> encode(QByteArrayView data, Level level = Level::Medium);

    // Modules per side: 17 + 4 * version; 0 for a default-constructed code.
    int size() const { return m_size; }
    int version() const { return m_version; }
    Level level() const { return m_level; }
    // True for a dark module. (0, 0) is the top-left corner; x grows right, y down.
    // Out-of-range coordinates are light (the quiet zone).
    bool isDark(int x, int y) const;

private:
    int m_size = 0;
    int m_version = 0;
    Level m_level = Level::Medium;
    std::vector<bool> m_modules; // row-major, size * size
};

} // namespace ovpp::core
