#include "ShortVec.h"

namespace ovpp::core::shortvec {

void append(QByteArray &out, std::uint16_t value)
{
    unsigned rest = value;
    for (;;) {
        const auto low = static_cast<char>(rest & 0x7f);
        rest >>= 7;
        if (rest == 0) {
            out.append(low);
            return;
        }
        out.append(static_cast<char>(low | 0x80));
    }
}

QByteArray encode(std::uint16_t value)
{
    QByteArray out;
    append(out, value);
    return out;
}

std::size_t encodedSize(std::uint16_t value)
{
    return value < 0x80 ? 1 : value < 0x4000 ? 2 : 3;
}

Result<Decoded> decode(std::span<const std::uint8_t> bytes)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < MaxEncodedSize; ++i) {
        if (i >= bytes.size()) {
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("compact-u16 length is cut off after %1 byte(s)").arg(i));
        }
        const std::uint8_t byte = bytes[i];
        const std::uint32_t group = byte & 0x7fu;
        // A final zero byte after the first one adds nothing: a shorter encoding of the same value
        // exists (the SDK's "Alias"). 0x80 in the middle is fine: 16384 is 80 80 01.
        if (byte == 0 && i != 0) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("compact-u16 length is not minimally encoded"));
        }
        if (i == MaxEncodedSize - 1 && (byte & 0x80) != 0) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("compact-u16 length continues past its third byte"));
        }
        value |= group << (7 * i);
        if (value > 0xffffu) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("compact-u16 length exceeds 65535"));
        }
        if ((byte & 0x80) == 0)
            return Decoded {static_cast<std::uint16_t>(value), i + 1};
    }
    // Not reached: the third byte either ends the value or was rejected above.
    return makeError(ErrorCode::Internal, QStringLiteral("compact-u16 decoder fell through"));
}

} // namespace ovpp::core::shortvec
