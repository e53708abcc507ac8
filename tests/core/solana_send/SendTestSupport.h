#pragma once

// Helpers of the send pipeline tests: run a Sender's prepare/submit and wait, on the event loop,
// for the send to finish. The RPC tests' helpers (await, airdrop, faucet) are reused.

#include "RpcTestSupport.h"
#include "solana/send/Sender.h"

#include <QHash>
#include <QObject>

namespace ovpp::testing {

// Collects every send a Sender finishes.
class FinishedSends : public QObject
{
public:
    explicit FinishedSends(core::Sender *sender)
    {
        QObject::connect(
            sender, &core::Sender::finished, this,
            [this](const core::PendingSend &send) { m_sends.insert(send.signature, send); });
    }
    bool contains(const QString &signature) const { return m_sends.contains(signature); }
    core::PendingSend value(const QString &signature) const { return m_sends.value(signature); }
    qsizetype size() const { return m_sends.size(); }
    const QHash<QString, core::PendingSend> &all() const { return m_sends; }

    // Runs the event loop until `signature` finished; the deadline is only a hang guard.
    core::PendingSend wait(const QString &signature, int guardMs = 90000) const
    {
        const QDeadlineTimer deadline(guardMs);
        while (!m_sends.contains(signature)) {
            if (deadline.hasExpired()) {
                ADD_FAILURE() << "send " << signature.toStdString() << " did not finish";
                return {};
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        return m_sends.value(signature);
    }

private:
    QHash<QString, core::PendingSend> m_sends;
};

// prepare + submit; the error text (empty on success) and the submitted send.
inline std::pair<QString, core::PendingSend>
prepareAndSubmit(core::Sender &sender, const core::SendRequest &request,
                 const core::Keypair &signer, core::PreparedSend *preparedOut = nullptr)
{
    auto prepared = await(sender.prepare(request));
    if (!prepared)
        return {core::describe(prepared.error()), {}};
    if (preparedOut)
        *preparedOut = prepared.value();
    auto submitted = sender.submit(prepared.value(), signer);
    if (!submitted)
        return {core::describe(submitted.error()), {}};
    return {QString(), submitted.value()};
}

inline core::SendRequest solTransfer(const core::Keypair &from, const core::PublicKey &to,
                                     std::uint64_t lamports)
{
    core::SendRequest request;
    request.feePayer = from.publicKey();
    request.instructions = {core::SystemProgram::transfer(from.publicKey(), to, lamports)};
    request.computeUnitPrice = 0;
    return request;
}

} // namespace ovpp::testing
