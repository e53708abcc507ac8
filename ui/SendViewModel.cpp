#include "SendViewModel.h"

namespace ovpp::ui {

SendViewModel::SendViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
