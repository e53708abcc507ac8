#include "PendingSend.h"

#include <array>
#include <utility>

namespace ovpp::core {

namespace {

constexpr std::array<std::pair<SendState, const char *>, 7> Names {{
    {SendState::Signed, "signed"},
    {SendState::Sent, "sent"},
    {SendState::Processed, "processed"},
    {SendState::Confirmed, "confirmed"},
    {SendState::Finalized, "finalized"},
    {SendState::Failed, "failed"},
    {SendState::Expired, "expired"},
}};

} // namespace

QString sendStateName(SendState state)
{
    for (const auto &[value, name] : Names) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<SendState> sendStateFromName(QStringView name)
{
    for (const auto &[value, text] : Names) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool isFinalSendState(SendState state)
{
    return state == SendState::Finalized || state == SendState::Failed
        || state == SendState::Expired;
}

} // namespace ovpp::core
