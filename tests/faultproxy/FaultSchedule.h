#pragma once

// Which fault the proxy applies to each request, decided in advance so that a test run is
// reproducible: either a fixed script (then no more faults) or a seeded pseudo-random sequence
// that never puts more than `maxConsecutive` faults in a row (so a client with more attempts
// than that must get every idempotent read through).

#include <QList>
#include <QString>

#include <cstdint>
#include <random>

namespace ovpp::testing {

enum class Fault {
    None, // forward and relay the answer
    Hold, // accept the request and never answer (the client's timeout must fire)
    TooManyRequests, // HTTP 429 with Retry-After
    ServerError, // HTTP 500
    Malformed, // HTTP 200 with a truncated JSON body
    Reset, // close the connection with a TCP RST before answering
    LostAfterForward, // forward to the node, then drop its answer (RST to the client)
};

QString faultName(Fault fault);

class FaultSchedule
{
public:
    FaultSchedule() = default;
    static FaultSchedule script(const QList<Fault> &faults);
    static FaultSchedule seeded(std::uint32_t seed, double faultRate, int maxConsecutive,
                                const QList<Fault> &kinds);

    Fault next();

private:
    QList<Fault> m_script;
    qsizetype m_position = 0;
    bool m_random = false;
    std::mt19937 m_engine;
    double m_rate = 0;
    int m_maxConsecutive = 0;
    int m_consecutive = 0;
    QList<Fault> m_kinds;
};

} // namespace ovpp::testing
