// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm {

/// Fixed notation with thousands separators: 1234567.891 → "1,234,568" (0 decimals) or
/// "1,234,567.89" (2). Never scientific notation. Non-finite values give "".
std::string format_thousands(double value, int decimals);

/// Money: "£1,234,567.89" (pennies always), "-£5.00" below zero.
std::string format_money(double value);

/// A share as a percentage: 0.3671 → "36.7 %".
std::string format_percent(double share, int decimals = 1);

/// A count or amount for people to read: thousands separators and two decimals, which
/// are left out when they would be ".00".
std::string format_amount(double value);

} // namespace coterm
