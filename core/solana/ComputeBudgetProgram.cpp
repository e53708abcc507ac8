#include "ComputeBudgetProgram.h"

#include "LittleEndian.h"
#include "ProgramIds.h"

namespace ovpp::core {

Instruction ComputeBudgetProgram::setComputeUnitLimit(std::uint32_t units)
{
    QByteArray data;
    data.reserve(5);
    data.append(static_cast<char>(SetComputeUnitLimit));
    le::append<std::uint32_t>(data, units);
    return {programs::computeBudgetProgram(), {}, data};
}

Instruction ComputeBudgetProgram::setComputeUnitPrice(std::uint64_t microLamports)
{
    QByteArray data;
    data.reserve(9);
    data.append(static_cast<char>(SetComputeUnitPrice));
    le::append<std::uint64_t>(data, microLamports);
    return {programs::computeBudgetProgram(), {}, data};
}

} // namespace ovpp::core
