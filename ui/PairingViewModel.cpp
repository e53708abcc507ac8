#include "PairingViewModel.h"

namespace ovpp::ui {

PairingViewModel::PairingViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
