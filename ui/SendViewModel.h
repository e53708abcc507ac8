#pragma once

// The Send flow: recipient, amount, memo, fee, review with simulation, live progress.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class SendViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit SendViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
