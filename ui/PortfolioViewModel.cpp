#include "PortfolioViewModel.h"

namespace ovpp::ui {

PortfolioViewModel::PortfolioViewModel(QObject *parent)
    : QObject(parent)
{ }

} // namespace ovpp::ui
