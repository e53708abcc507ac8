#include "FaultSchedule.h"

namespace ovpp::testing {

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Hold:
        return QStringLiteral("hold");
    case Fault::TooManyRequests:
        return QStringLiteral("429");
    case Fault::ServerError:
        return QStringLiteral("500");
    case Fault::Malformed:
        return QStringLiteral("malformed");
    case Fault::Reset:
        return QStringLiteral("reset");
    case Fault::LostAfterForward:
        return QStringLiteral("lost-after-forward");
    }
    return QStringLiteral("?");
}

FaultSchedule FaultSchedule::script(const QList<Fault> &faults)
{
    FaultSchedule s;
    s.m_script = faults;
    return s;
}

FaultSchedule FaultSchedule::seeded(std::uint32_t seed, double faultRate, int maxConsecutive,
                                    const QList<Fault> &kinds)
{
    FaultSchedule s;
    s.m_random = true;
    s.m_engine.seed(seed);
    s.m_rate = faultRate;
    s.m_maxConsecutive = maxConsecutive;
    s.m_kinds = kinds;
    return s;
}

Fault FaultSchedule::next()
{
    if (!m_random)
        return m_position < m_script.size() ? m_script.at(m_position++) : Fault::None;
    // Integer draws only: std::uniform_*_distribution is not specified bit-for-bit across
    // standard libraries, the engine's raw output is.
    const std::uint32_t draw = m_engine();
    const bool fault = !m_kinds.isEmpty() && m_consecutive < m_maxConsecutive
        && double(draw) / 4294967296.0 < m_rate;
    if (!fault) {
        m_consecutive = 0;
        return Fault::None;
    }
    ++m_consecutive;
    return m_kinds.at(qsizetype(m_engine() % std::uint32_t(m_kinds.size())));
}

} // namespace ovpp::testing
