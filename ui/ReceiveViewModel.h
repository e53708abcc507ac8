#pragma once

// The Receive page: the current account's address (copy, QR code) and a Solana Pay transfer
// request for it: amount in user units with the token's exact decimals, token SOL/USDE/USDC,
// label, message, memo → a solana: URL (copy, QR). Fed the address by AppServices.

#include "common/QrCode.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class ChainSession;
class ClipboardGuard;

class ReceiveViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(int addressQrSize READ addressQrSize NOTIFY addressChanged)
    Q_PROPERTY(QStringList tokens READ tokens NOTIFY tokensChanged)
    Q_PROPERTY(QString token READ token WRITE setToken NOTIFY requestChanged)
    Q_PROPERTY(QString amountText READ amountText WRITE setAmountText NOTIFY requestChanged)
    Q_PROPERTY(QString label READ label WRITE setLabel NOTIFY requestChanged)
    Q_PROPERTY(QString message READ message WRITE setMessage NOTIFY requestChanged)
    Q_PROPERTY(QString memo READ memo WRITE setMemo NOTIFY requestChanged)
    Q_PROPERTY(QString requestUrl READ requestUrl NOTIFY requestChanged)
    Q_PROPERTY(QString requestError READ requestError NOTIFY requestChanged)
    Q_PROPERTY(int requestQrSize READ requestQrSize NOTIFY requestChanged)

public:
    // Either may be null (no token mints known / nothing copied).
    ReceiveViewModel(ChainSession *chain, ClipboardGuard *clipboard, QObject *parent = nullptr);

    QString address() const { return m_address; }
    int addressQrSize() const { return m_addressQr.size(); }
    Q_INVOKABLE bool addressQrDark(int x, int y) const { return m_addressQr.isDark(x, y); }
    const core::QrCode &addressQr() const { return m_addressQr; }

    // SOL, and USDE / USDC when the cluster has their mints.
    QStringList tokens() const;
    QString token() const { return m_token; }
    void setToken(const QString &token);
    QString amountText() const { return m_amountText; }
    void setAmountText(const QString &text);
    QString label() const { return m_label; }
    void setLabel(const QString &text);
    QString message() const { return m_message; }
    void setMessage(const QString &text);
    QString memo() const { return m_memo; }
    void setMemo(const QString &text);

    // The solana: URL, or empty while the form is invalid (requestError says why).
    QString requestUrl() const { return m_requestUrl; }
    QString requestError() const { return m_requestError; }
    int requestQrSize() const { return m_requestQr.size(); }
    Q_INVOKABLE bool requestQrDark(int x, int y) const { return m_requestQr.isDark(x, y); }
    const core::QrCode &requestQr() const { return m_requestQr; }

    Q_INVOKABLE void copyAddress();
    Q_INVOKABLE void copyRequestUrl();
    Q_INVOKABLE void clearRequest();

public slots:
    void setAddress(const QString &address);

signals:
    void addressChanged();
    void tokensChanged();
    void requestChanged();
    void notice(const QString &text);

private:
    void rebuild();

    QPointer<ChainSession> m_chain;
    QPointer<ClipboardGuard> m_clipboard;
    QString m_address;
    core::QrCode m_addressQr;
    QString m_token = QStringLiteral("SOL");
    QString m_amountText;
    QString m_label;
    QString m_message;
    QString m_memo;
    QString m_requestUrl;
    QString m_requestError;
    core::QrCode m_requestQr;
};

} // namespace ovpp::ui
