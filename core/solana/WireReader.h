#pragma once

// Private to core/solana: a bounds-checked cursor over untrusted wire bytes. Every read says
// what it was reading, so a truncated transaction produces "cut off in <what>" rather than a
// crash or a generic error.

#include "ShortVec.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <cstring>
#include <span>

namespace ovpp::core {

class WireReader
{
public:
    explicit WireReader(std::span<const std::uint8_t> bytes)
        : m_bytes(bytes)
    { }

    std::size_t offset() const { return m_offset; }
    std::size_t remaining() const { return m_bytes.size() - m_offset; }
    bool atEnd() const { return m_offset == m_bytes.size(); }
    std::span<const std::uint8_t> rest() const { return m_bytes.subspan(m_offset); }

    Result<std::uint8_t> u8(const char *what)
    {
        if (remaining() < 1)
            return cutOff(what);
        return m_bytes[m_offset++];
    }

    Result<std::uint16_t> length(const char *what)
    {
        auto decoded = shortvec::decode(rest());
        if (!decoded) {
            return makeError(decoded.error().code,
                             QStringLiteral("%1 at byte %2: %3")
                                 .arg(QLatin1String(what))
                                 .arg(m_offset)
                                 .arg(decoded.error().detail));
        }
        m_offset += decoded->size;
        return decoded->value;
    }

    template<std::size_t N> Result<std::array<std::uint8_t, N>> fixed(const char *what)
    {
        if (remaining() < N)
            return cutOff(what);
        std::array<std::uint8_t, N> out;
        std::memcpy(out.data(), m_bytes.data() + m_offset, N);
        m_offset += N;
        return out;
    }

    Result<QByteArray> bytes(std::size_t count, const char *what)
    {
        if (remaining() < count)
            return cutOff(what);
        QByteArray out(reinterpret_cast<const char *>(m_bytes.data() + m_offset),
                       static_cast<qsizetype>(count));
        m_offset += count;
        return out;
    }

private:
    Error cutOff(const char *what) const
    {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the data is cut off in %1 (at byte %2 of %3)")
                             .arg(QLatin1String(what))
                             .arg(m_offset)
                             .arg(m_bytes.size()));
    }

    std::span<const std::uint8_t> m_bytes;
    std::size_t m_offset = 0;
};

} // namespace ovpp::core
