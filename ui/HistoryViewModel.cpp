#include "HistoryViewModel.h"

namespace ovpp::ui {

HistoryViewModel::HistoryViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
