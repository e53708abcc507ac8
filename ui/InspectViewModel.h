#pragma once

// The Inspect page (support staff): any address, read-only: balances, token accounts, decoded
// history. (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class InspectViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit InspectViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
