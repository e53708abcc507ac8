#pragma once

// The Devices page: a card per paired device with live power, state and as-of time.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class DevicesViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit DevicesViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
