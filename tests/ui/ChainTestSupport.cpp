#include "ChainTestSupport.h"

#include "ChainSession.h"
#include "solana/MemoProgram.h"
#include "solana/SystemProgram.h"
#include "solana/send/Sender.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace ovpp::test::chainsupport {

namespace {

// UiTestSupport's waitUntil lives behind the wallet headers; the same loop here.
bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds limit)
{
    QDeadlineTimer deadline(limit);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

} // namespace

std::optional<core::PreparedSend> prepareTransfer(ui::ChainSession *chain, const QString &from,
                                                  const QString &to, std::uint64_t lamports,
                                                  const QString &memo, QString *error)
{
    auto payer = core::PublicKey::fromBase58(from);
    auto recipient = core::PublicKey::fromBase58(to);
    if (!payer.ok() || !recipient.ok() || !chain->sender()) {
        *error = QStringLiteral("bad address or no sender");
        return std::nullopt;
    }
    core::SendRequest request;
    request.feePayer = payer.value();
    request.computeUnitPrice = 0;
    request.instructions.append(
        core::SystemProgram::transfer(payer.value(), recipient.value(), lamports));
    if (!memo.isEmpty())
        request.instructions.append(core::MemoProgram::memo(memo, {payer.value()}));
    auto result = std::make_shared<std::optional<core::Result<core::PreparedSend>>>();
    chain->sender()->prepare(request).then(
        chain, [result](core::Result<core::PreparedSend> r) { *result = std::move(r); });
    if (!waitUntil([result] { return result->has_value(); }, std::chrono::seconds(60))) {
        *error = QStringLiteral("prepare did not finish");
        return std::nullopt;
    }
    if (!(*result)->ok()) {
        *error = core::describe((*result)->error());
        return std::nullopt;
    }
    return (*result)->value();
}

QString waitFinished(ui::ChainSession *chain, const QString &signature)
{
    auto state = std::make_shared<QString>();
    QObject guard;
    QObject::connect(chain->sender(), &core::Sender::finished, &guard,
                     [state, signature](const core::PendingSend &send) {
                         if (send.signature == signature)
                             *state = core::sendStateName(send.state);
                     });
    // Called right after submit returned: the first status poll is still ahead.
    waitUntil([state] { return !state->isEmpty(); }, std::chrono::seconds(90));
    return *state;
}

} // namespace ovpp::test::chainsupport
