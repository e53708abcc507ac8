#pragma once

// The two pairing flows: a SunSpec inverter (address or scan) and an OCPP charger.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class PairingViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit PairingViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
