#include "FleetViewModel.h"

namespace ovpp::ui {

FleetViewModel::FleetViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
