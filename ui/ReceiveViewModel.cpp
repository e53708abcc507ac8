#include "ReceiveViewModel.h"

#include "ChainSession.h"
#include "ClipboardGuard.h"
#include "solana/pay/PaymentAmount.h"
#include "solana/pay/PaymentRequest.h"
#include "solana/pay/SolanaPayUrl.h"

namespace ovpp::ui {

namespace {

// USDE and USDC are 6-decimal SPL mints on every cluster the app knows (the sandbox's USDE
// too); an amount with more digits than the mint has could not be paid exactly.
constexpr std::uint8_t StablecoinDecimals = 6;

} // namespace

ReceiveViewModel::ReceiveViewModel(ChainSession *chain, ClipboardGuard *clipboard, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
    , m_clipboard(clipboard)
{
    if (m_chain)
        connect(m_chain, &ChainSession::clusterChanged, this, [this] {
            emit tokensChanged();
            if (!tokens().contains(m_token))
                m_token = QStringLiteral("SOL");
            rebuild();
        });
}

QStringList ReceiveViewModel::tokens() const
{
    QStringList list {QStringLiteral("SOL")};
    if (m_chain && m_chain->cluster().usdeMint)
        list.append(QStringLiteral("USDE"));
    if (m_chain && m_chain->cluster().usdcMint)
        list.append(QStringLiteral("USDC"));
    return list;
}

void ReceiveViewModel::setAddress(const QString &address)
{
    if (m_address == address)
        return;
    m_address = address;
    m_addressQr = core::QrCode();
    if (!m_address.isEmpty()) {
        // A bare address in the QR, as wallets scan it; a payment request has its own QR.
        if (auto qr = core::QrCode::encode(m_address.toUtf8()); qr.ok())
            m_addressQr = qr.value();
    }
    emit addressChanged();
    rebuild();
}

void ReceiveViewModel::setToken(const QString &token)
{
    if (m_token == token || !tokens().contains(token))
        return;
    m_token = token;
    rebuild();
}

void ReceiveViewModel::setAmountText(const QString &text)
{
    if (m_amountText == text)
        return;
    m_amountText = text;
    rebuild();
}

void ReceiveViewModel::setLabel(const QString &text)
{
    if (m_label == text)
        return;
    m_label = text;
    rebuild();
}

void ReceiveViewModel::setMessage(const QString &text)
{
    if (m_message == text)
        return;
    m_message = text;
    rebuild();
}

void ReceiveViewModel::setMemo(const QString &text)
{
    if (m_memo == text)
        return;
    m_memo = text;
    rebuild();
}

void ReceiveViewModel::clearRequest()
{
    m_amountText.clear();
    m_label.clear();
    m_message.clear();
    m_memo.clear();
    m_token = QStringLiteral("SOL");
    rebuild();
}

void ReceiveViewModel::rebuild()
{
    m_requestUrl.clear();
    m_requestError.clear();
    m_requestQr = core::QrCode();
    auto recipient = core::PublicKey::fromBase58(m_address);
    if (!recipient.ok()) {
        emit requestChanged();
        return;
    }
    core::TransferRequest request;
    request.recipient = recipient.value();
    std::uint8_t decimals = core::PaymentAmount::SolDecimals;
    if (m_token != QLatin1String("SOL")) {
        const core::Cluster *cluster = m_chain ? &m_chain->cluster() : nullptr;
        const auto &mint = !cluster            ? std::optional<core::PublicKey>()
            : m_token == QLatin1String("USDE") ? cluster->usdeMint
                                               : cluster->usdcMint;
        if (!mint) {
            m_requestError = tr("%1 is not available on this network.").arg(m_token);
            emit requestChanged();
            return;
        }
        request.splToken = *mint;
        decimals = StablecoinDecimals;
    }
    const QString amount = m_amountText.trimmed();
    if (!amount.isEmpty()) {
        auto normalized = core::PaymentAmount::normalized(amount);
        auto units = core::PaymentAmount::toBaseUnits(amount, decimals);
        if (!normalized.ok() || !units.ok()) {
            m_requestError
                = tr("Enter an amount like 12.5, with at most %n decimal(s).", nullptr, decimals);
            emit requestChanged();
            return;
        }
        if (units.value() == 0) {
            m_requestError = tr("The amount must be more than zero.");
            emit requestChanged();
            return;
        }
        request.amount = normalized.value();
    }
    if (!m_label.trimmed().isEmpty())
        request.label = m_label.trimmed();
    if (!m_message.trimmed().isEmpty())
        request.message = m_message.trimmed();
    if (!m_memo.trimmed().isEmpty())
        request.memo = m_memo.trimmed();
    m_requestUrl = core::SolanaPayUrl::encode(request);
    if (m_requestUrl.size() > core::SolanaPayUrl::MaxLength) {
        m_requestError = tr("The request is too long for a QR code; shorten the message.");
        m_requestUrl.clear();
    } else if (auto qr = core::QrCode::encode(m_requestUrl.toUtf8()); qr.ok()) {
        m_requestQr = qr.value();
    }
    emit requestChanged();
}

void ReceiveViewModel::copyAddress()
{
    if (m_address.isEmpty() || !m_clipboard)
        return;
    m_clipboard->copyText(m_address);
    emit notice(tr("Address copied"));
}

void ReceiveViewModel::copyRequestUrl()
{
    if (m_requestUrl.isEmpty() || !m_clipboard)
        return;
    m_clipboard->copyText(m_requestUrl);
    emit notice(tr("Payment link copied"));
}

} // namespace ovpp::ui
