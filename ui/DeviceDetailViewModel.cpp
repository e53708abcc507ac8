#include "DeviceDetailViewModel.h"

namespace ovpp::ui {

DeviceDetailViewModel::DeviceDetailViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
