#pragma once

// The Receive page: address, copy, QR code, and a Solana Pay request with amount, token, label and
// memo. (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class ReceiveViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit ReceiveViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
