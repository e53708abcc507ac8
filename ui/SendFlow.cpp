#include "SendFlow.h"

#include "ChainSession.h"
#include "ErrorText.h"
#include "RecipientBook.h"
#include "UiLogging.h"
#include "solana/AssociatedTokenProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/ProgramIds.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/pay/TransferBuilder.h"
#include "solana/rpc/ClusterConfig.h"
#include "solana/rpc/RpcClient.h"
#include "solana/send/PriorityFee.h"
#include "solana/send/Sender.h"

#include <QLocale>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace ovpp::ui {

namespace {

// The SPL mint layout: COption<Pubkey> mint authority (36 bytes), u64 supply, u8 decimals.
constexpr int MintDecimalsOffset = 44;
constexpr int MintMinimumSize = 82;

QString shortAddress(const QString &address)
{
    return address.size() > 12 ? address.left(4) + QStringLiteral("…") + address.right(4) : address;
}

} // namespace

SendFlow::SendFlow(ChainSession *chain, RecipientBook *book, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
    , m_book(book)
{ }

SendFlow::~SendFlow()
{
    disconnectSender();
}

QString SendFlow::solText(std::uint64_t lamports)
{
    return core::PaymentAmount::fromBaseUnits(lamports, core::PaymentAmount::SolDecimals)
        + QStringLiteral(" SOL");
}

std::uint64_t SendFlow::maxPriorityLamports(std::uint32_t unitLimit)
{
    return core::PriorityFee::lamports(core::PriorityFee::MaxMicroLamports, unitLimit);
}

QUrl SendFlow::explorerUrlFor(const QString &signature, const core::Cluster &cluster)
{
    QUrl url(QStringLiteral("https://explorer.solana.com/tx/") + signature);
    QUrlQuery query;
    if (cluster.name == QLatin1String("devnet") || cluster.name == QLatin1String("testnet")) {
        query.addQueryItem(QStringLiteral("cluster"), cluster.name);
    } else if (cluster.name != QLatin1String("mainnet-beta")) {
        // The explorer reads a custom cluster (the localnet) from the user's own machine.
        query.addQueryItem(QStringLiteral("cluster"), QStringLiteral("custom"));
        query.addQueryItem(QStringLiteral("customUrl"),
                           QString::fromUtf8(QUrl::toPercentEncoding(cluster.rpcUrl.toString())));
    }
    url.setQuery(query);
    return url;
}

void SendFlow::readBalances(ChainSession *chain, const core::PublicKey &owner,
                            const std::optional<core::PublicKey> &mint, QObject *context,
                            std::function<void(const Balances &)> done)
{
    if (!chain || !chain->rpc())
        return;
    // Both answers are reported together, so the form never shows one account's SOL next to
    // another's tokens.
    auto balances = std::make_shared<Balances>();
    auto pending = std::make_shared<int>(mint ? 2 : 1);
    auto finishOne = [balances, pending, done] {
        if (--*pending == 0)
            done(*balances);
    };
    chain->rpc()->getBalance(owner).then(context,
                                         [balances, finishOne](core::Result<std::uint64_t> result) {
                                             if (result)
                                                 balances->lamports = result.value();
                                             finishOne();
                                         });
    if (!mint)
        return;
    core::TokenAccountFilter filter;
    filter.mint = *mint;
    chain->rpc()
        ->getTokenAccountsByOwner(owner, filter)
        .then(context, [balances, finishOne](core::Result<QList<core::TokenAccount>> accounts) {
            if (accounts) {
                std::uint64_t total = 0;
                for (const core::TokenAccount &account : accounts.value()) {
                    total += account.amount;
                    balances->tokenDecimals = account.decimals;
                }
                balances->tokenUnits = total;
            }
            finishOne();
        });
}

void SendFlow::prepare(const SendDraft &draft)
{
    const quint64 generation = ++m_generation;
    disconnectSender();
    m_draft = draft;
    m_hasDraft = true;
    m_pending.reset();
    m_confirmedEmitted = false;
    m_resultText.clear();
    clearReview();
    setErrorText({});
    setStep(Form);
    emit progressChanged();
    if (!m_chain || !m_chain->rpc()) {
        setErrorText(tr("There is no connection to a Solana network."));
        return;
    }
    if (!m_chain->sender()) {
        setErrorText(tr("Sending is not available: %1").arg(m_chain->sendsUnavailableReason()));
        return;
    }
    setBusyText(tr("Checking the transaction with the network…"));
    if (draft.transfer.splToken)
        readMint(generation);
    else
        choosePriority(generation, std::nullopt);
}

void SendFlow::readMint(quint64 generation)
{
    m_chain->rpc()
        ->getAccountInfo(*m_draft.transfer.splToken)
        .then(this, [this, generation](core::Result<std::optional<core::OnChainAccount>> info) {
            if (generation != m_generation)
                return;
            if (!info) {
                fail(generation, ErrorText::common(info.error()));
                return;
            }
            const bool isTokenProgram = info->has_value()
                && ((*info)->owner == core::programs::tokenProgram()
                    || (*info)->owner == core::programs::token2022Program());
            if (!isTokenProgram || (*info)->data.size() < MintMinimumSize) {
                fail(generation,
                     tr("%1 is not a token on this network.")
                         .arg(m_draft.transfer.splToken->toBase58()));
                return;
            }
            Token token;
            token.decimals = static_cast<std::uint8_t>((*info)->data.at(MintDecimalsOffset));
            token.programId = (*info)->owner;
            checkRecipientAccount(generation, token);
        });
}

void SendFlow::checkRecipientAccount(quint64 generation, Token token)
{
    auto ata = core::ProgramAddress::associatedTokenAddress(
        m_draft.transfer.recipient, *m_draft.transfer.splToken, token.programId);
    if (!ata) {
        fail(generation, ErrorText::common(ata.error()));
        return;
    }
    m_chain->rpc()
        ->getAccountInfo(ata->address)
        .then(this,
              [this, generation,
               token](core::Result<std::optional<core::OnChainAccount>> info) mutable {
                  if (generation != m_generation)
                      return;
                  if (!info) {
                      fail(generation, ErrorText::common(info.error()));
                      return;
                  }
                  if (info->has_value()) {
                      m_accountRent = 0;
                      choosePriority(generation, token);
                      return;
                  }
                  token.createRecipientAccount = true;
                  m_chain->rpc()
                      ->getMinimumBalanceForRentExemption(TokenAccountSize)
                      .then(this, [this, generation, token](core::Result<std::uint64_t> rent) {
                          if (generation != m_generation)
                              return;
                          if (!rent) {
                              fail(generation, ErrorText::common(rent.error()));
                              return;
                          }
                          m_accountRent = rent.value();
                          choosePriority(generation, token);
                      });
              });
}

void SendFlow::choosePriority(quint64 generation, std::optional<Token> token)
{
    switch (m_draft.priority) {
    case SendDraft::Priority::None:
        build(generation, token, 0);
        return;
    case SendDraft::Priority::Suggested:
        build(generation, token, std::nullopt); // the Sender asks the network
        return;
    case SendDraft::Priority::Fast:
        break;
    }
    QList<core::PublicKey> writable {m_draft.sender, m_draft.transfer.recipient};
    m_chain->rpc()->getRecentPrioritizationFees(writable).then(
        this, [this, generation, token](core::Result<QList<core::PrioritizationFee>> fees) {
            if (generation != m_generation)
                return;
            const std::uint64_t suggested = fees ? core::PriorityFee::suggest(fees.value()) : 0;
            const std::uint64_t price = std::min(std::max(2 * suggested, FastFloorMicroLamports),
                                                 core::PriorityFee::MaxMicroLamports);
            build(generation, token, price);
        });
}

void SendFlow::build(quint64 generation, std::optional<Token> token,
                     std::optional<std::uint64_t> computeUnitPrice)
{
    std::optional<core::TransferBuilder::Token> builderToken;
    if (token)
        builderToken = core::TransferBuilder::Token {token->decimals, token->programId};
    auto units = core::TransferBuilder::baseUnits(
        m_draft.transfer, token ? token->decimals : core::PaymentAmount::SolDecimals);
    if (!units) {
        fail(generation, tr("The amount is not valid for %1.").arg(m_draft.tokenSymbol));
        return;
    }
    m_baseUnits = units.value();
    auto instructions
        = core::TransferBuilder::build(m_draft.sender, m_draft.transfer, builderToken);
    if (!instructions) {
        fail(generation, ErrorText::common(instructions.error()));
        return;
    }
    core::SendRequest request;
    request.feePayer = m_draft.sender;
    request.instructions = instructions.value();
    request.computeUnitPrice = computeUnitPrice;
    if (token && token->createRecipientAccount) {
        auto ata = core::ProgramAddress::associatedTokenAddress(
            m_draft.transfer.recipient, *m_draft.transfer.splToken, token->programId);
        if (!ata) {
            fail(generation, ErrorText::common(ata.error()));
            return;
        }
        // Idempotent: if someone creates the account between this check and the send, the
        // send still goes through.
        request.instructions.prepend(core::AssociatedTokenProgram::createIdempotent(
            m_draft.sender, ata->address, m_draft.transfer.recipient, *m_draft.transfer.splToken,
            token->programId));
    }
    m_chain->sender()->prepare(request).then(
        this, [this, generation, token](core::Result<core::PreparedSend> result) {
            onPrepared(generation, token, std::move(result));
        });
}

void SendFlow::onPrepared(quint64 generation, std::optional<Token> token,
                          core::Result<core::PreparedSend> result)
{
    if (generation != m_generation)
        return;
    setBusyText({});
    const QString recipientText = m_draft.recipientLabel.isEmpty()
        ? shortAddress(m_draft.transfer.recipient.toBase58())
        : QStringLiteral("%1 (%2)").arg(m_draft.recipientLabel,
                                        shortAddress(m_draft.transfer.recipient.toBase58()));
    const std::uint8_t decimals = token ? token->decimals : core::PaymentAmount::SolDecimals;
    m_amountText = core::PaymentAmount::fromBaseUnits(m_baseUnits, decimals) + QLatin1Char(' ')
        + m_draft.tokenSymbol;
    m_summary = tr("Send %1 to %2.").arg(m_amountText, recipientText);
    if (token && token->createRecipientAccount)
        m_summary += QLatin1Char(' ')
            + tr("The recipient has no %1 account yet: this send creates it, and you pay its "
                 "rent deposit.")
                  .arg(m_draft.tokenSymbol);
    if (m_draft.transfer.memo)
        m_summary += QLatin1Char(' ') + tr("The memo is public on the blockchain.");
    if (!m_draft.transfer.references.isEmpty())
        m_summary += QLatin1Char(' ')
            + tr("The payment carries the request's reference, so the recipient can find it.");
    m_accountRentText = m_accountRent > 0 ? solText(m_accountRent) : QString();

    if (!result) {
        const core::Error &error = result.error();
        if (error.code != core::ErrorCode::InvalidArgument) {
            clearReview();
            setErrorText(ErrorText::common(error));
            return;
        }
        // The simulation (or the node) refused: show the program's own words, never send.
        const QString detail = error.detail;
        m_simulationOk = false;
        m_simulationText = tr("The network's simulation says this send would fail. Nothing was "
                              "signed or sent.");
        const qsizetype logStart = detail.indexOf(QLatin1String("(program log: "));
        const qsizetype errStart = detail.indexOf(QLatin1String("would fail: "));
        QString reason = detail;
        QString logs;
        if (errStart >= 0) {
            const qsizetype from = errStart + 12;
            const qsizetype to
                = logStart >= 0 ? logStart : detail.indexOf(QLatin1String(". Nothing"));
            reason = detail.mid(from, to > from ? to - from : -1).trimmed();
        }
        if (logStart >= 0) {
            const qsizetype from = logStart + 14;
            const qsizetype to = detail.lastIndexOf(QLatin1String(")."));
            logs = detail.mid(from, to > from ? to - from : -1);
            logs.replace(QLatin1String(" | "), QLatin1String("\n"));
        }
        m_simulationLogs
            = tr("Error: %1").arg(reason) + (logs.isEmpty() ? QString() : QLatin1Char('\n') + logs);
        m_feeText.clear();
        m_totalText.clear();
        m_priorityText.clear();
        m_prepared.reset();
        setStep(Review);
        emit reviewChanged();
        return;
    }

    m_prepared = result.value();
    const core::PreparedSend &prepared = *m_prepared;
    m_feeText = solText(prepared.fee);
    if (prepared.computeUnitPrice == 0) {
        m_priorityText = tr("None");
    } else {
        m_priorityText
            = tr("%1 micro-lamports per compute unit (at most %2)")
                  .arg(QLocale().toString(static_cast<qulonglong>(prepared.computeUnitPrice)),
                       solText(core::PriorityFee::lamports(prepared.computeUnitPrice,
                                                           prepared.computeUnitLimit)));
    }
    m_simulationOk = true;
    m_simulationText = prepared.unitsConsumed
        ? tr("Simulation passed: %1 compute units.")
              .arg(QLocale().toString(static_cast<qulonglong>(*prepared.unitsConsumed)))
        : tr("Simulation passed.");
    m_simulationLogs = prepared.logs.join(QLatin1Char('\n'));
    const std::uint64_t solCosts = prepared.fee + m_accountRent;
    if (token)
        m_totalText = tr("%1 and %2").arg(m_amountText, solText(solCosts));
    else
        m_totalText = solText(m_baseUnits + solCosts);
    setStep(Review);
    emit reviewChanged();
}

void SendFlow::send()
{
    if (!canSend() || !m_chain)
        return;
    const quint64 generation = ++m_generation;
    setErrorText({});
    setBusyText(tr("Signing…"));
    emit reviewChanged();
    m_chain->submit(
        *m_prepared, m_draft.accountId, this,
        [this, generation](core::Result<core::PendingSend> submitted) {
            if (generation != m_generation)
                return;
            setBusyText({});
            if (!submitted) {
                const core::Error &error = submitted.error();
                if (error.code == core::ErrorCode::Locked)
                    setErrorText(tr("The wallet is locked. Unlock it and send again."));
                else if (error.code == core::ErrorCode::WatchOnly)
                    setErrorText(tr("This account is watch-only: it cannot sign."));
                else
                    setErrorText(
                        tr("The send could not be signed: %1").arg(ErrorText::common(error)));
                emit reviewChanged();
                return;
            }
            m_prepared.reset(); // signed once; a new send needs a new review
            m_pending = submitted.value();
            core::Sender *sender = m_chain ? m_chain->sender() : nullptr;
            if (sender) {
                m_stateConnection
                    = connect(sender, &core::Sender::stateChanged, this, &SendFlow::onStateChanged);
                m_finishedConnection
                    = connect(sender, &core::Sender::finished, this, &SendFlow::onStateChanged);
            }
            setStep(Progress);
            emit reviewChanged();
            emit progressChanged();
            // The sender may already be further than Signed by now.
            if (sender) {
                for (const core::PendingSend &active : sender->active()) {
                    if (active.signature == m_pending->signature)
                        onStateChanged(active);
                }
            }
        });
}

void SendFlow::onStateChanged(const core::PendingSend &send)
{
    if (!m_pending || send.signature != m_pending->signature)
        return;
    // Never move backwards (finished() may repeat the last state).
    if (m_pending->state == send.state && m_step != Progress)
        return;
    m_pending = send;
    using core::SendState;
    if (!m_confirmedEmitted
        && (send.state == SendState::Confirmed || send.state == SendState::Finalized)) {
        m_confirmedEmitted = true;
        if (m_book)
            m_book->add(m_draft.transfer.recipient.toBase58(), m_draft.recipientLabel);
        emit confirmed(m_draft.transfer.recipient.toBase58());
    }
    if (send.state == SendState::Finalized) {
        m_resultText = tr("Sent. The transfer is final.");
        disconnectSender();
        setStep(Done);
    } else if (send.state == SendState::Failed) {
        m_resultText = send.error.isEmpty()
            ? tr("The transaction failed. The transfer did not happen.")
            : tr("The transaction failed (%1). The transfer did not happen; if it reached the "
                 "network, the network fee was charged.")
                  .arg(send.error);
        disconnectSender();
        setStep(Failed);
    } else if (send.state == SendState::Expired) {
        m_resultText = tr("The network did not take the transaction before it expired. No money "
                          "moved. You can send again.");
        disconnectSender();
        setStep(Failed);
    }
    emit progressChanged();
}

void SendFlow::edit()
{
    if (m_step != Review)
        return;
    ++m_generation;
    setBusyText({});
    clearReview();
    setStep(Form);
}

void SendFlow::sendAgain()
{
    if ((m_step != Done && m_step != Failed) || !m_hasDraft)
        return;
    prepare(m_draft);
}

void SendFlow::reset()
{
    ++m_generation;
    disconnectSender();
    m_hasDraft = false;
    m_pending.reset();
    m_resultText.clear();
    setBusyText({});
    setErrorText({});
    clearReview();
    setStep(Form);
    emit progressChanged();
}

QStringList SendFlow::references() const
{
    QStringList list;
    for (const core::PublicKey &reference : m_draft.transfer.references)
        list.append(reference.toBase58());
    return list;
}

QString SendFlow::sendState() const
{
    return m_pending ? core::sendStateName(m_pending->state) : QString();
}

QString SendFlow::stateText() const
{
    if (!m_pending)
        return {};
    switch (m_pending->state) {
    case core::SendState::Signed:
        return tr("Signed, handing it to the network…");
    case core::SendState::Sent:
        return tr("Sent, waiting for the network to process it…");
    case core::SendState::Processed:
        return tr("Processed, waiting for confirmation…");
    case core::SendState::Confirmed:
        return tr("Confirmed: the money moved. Waiting for finality…");
    case core::SendState::Finalized:
        return tr("Finalized");
    case core::SendState::Failed:
        return tr("Failed");
    case core::SendState::Expired:
        return tr("Expired: no money moved");
    }
    return {};
}

int SendFlow::stage() const
{
    if (!m_pending)
        return -1;
    switch (m_pending->state) {
    case core::SendState::Signed:
    case core::SendState::Sent:
        return 0;
    case core::SendState::Processed:
        return 1;
    case core::SendState::Confirmed:
        return 2;
    case core::SendState::Finalized:
        return 3;
    case core::SendState::Failed:
    case core::SendState::Expired:
        return -1;
    }
    return -1;
}

QUrl SendFlow::explorerUrl() const
{
    if (!m_pending || !m_chain)
        return {};
    return explorerUrlFor(m_pending->signature, m_chain->cluster());
}

void SendFlow::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged();
    emit reviewChanged(); // canSend depends on the step
}

void SendFlow::setBusyText(const QString &text)
{
    if (m_busyText == text)
        return;
    m_busyText = text;
    emit busyChanged();
}

void SendFlow::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

void SendFlow::fail(quint64 generation, const QString &text)
{
    if (generation != m_generation)
        return;
    setBusyText({});
    setErrorText(text);
    setStep(Form);
}

void SendFlow::clearReview()
{
    m_prepared.reset();
    m_accountRent = 0;
    m_summary.clear();
    m_amountText.clear();
    m_feeText.clear();
    m_priorityText.clear();
    m_accountRentText.clear();
    m_totalText.clear();
    m_simulationOk = false;
    m_simulationText.clear();
    m_simulationLogs.clear();
    emit reviewChanged();
}

void SendFlow::disconnectSender()
{
    disconnect(m_stateConnection);
    disconnect(m_finishedConnection);
    m_stateConnection = {};
    m_finishedConnection = {};
}

} // namespace ovpp::ui
