#pragma once

// Solana Pay: opens a solana: transfer-request link, shows what it asks, pays it.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class PayViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit PayViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
