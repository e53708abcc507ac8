#include "DevicesViewModel.h"

namespace ovpp::ui {

DevicesViewModel::DevicesViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
