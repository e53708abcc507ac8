#pragma once

// A device's detail: live chart over day/week/month/year and energy totals.
// (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class DeviceDetailViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit DeviceDetailViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
