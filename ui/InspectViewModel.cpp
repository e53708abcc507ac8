#include "InspectViewModel.h"

namespace ovpp::ui {

InspectViewModel::InspectViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
