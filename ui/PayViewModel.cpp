#include "PayViewModel.h"

namespace ovpp::ui {

PayViewModel::PayViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
