#pragma once

// The Fleet page: every charger and the EV on it; sort, filter, search, CSV export.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class FleetViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit FleetViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
