#pragma once

// The Wallet page's balances: SOL and token balances of the current account, refresh.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class PortfolioViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit PortfolioViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
