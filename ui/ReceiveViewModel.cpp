#include "ReceiveViewModel.h"

namespace ovpp::ui {

ReceiveViewModel::ReceiveViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
