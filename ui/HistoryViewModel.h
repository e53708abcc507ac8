#pragma once

// The History page: the current account's signatures, each decoded, with status, fee, time and
// explorer link. (Placeholder written by the lead so the module links; its owner replaces it.)

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ovpp::ui {

class HistoryViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AppContext")

public:
    explicit HistoryViewModel(QObject *parent = nullptr);
};

} // namespace ovpp::ui
