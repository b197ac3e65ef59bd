// SPDX-License-Identifier: MIT
#pragma once
#include <string>

namespace coterm {

/// Fixed notation with `decimals` digits after the point, via std::to_chars (locale-free,
/// identical on every machine). Non-finite values give an empty string. "-0" becomes "0".
std::string format_fixed(double value, int decimals);

/// Shortest-of-fixed/scientific notation with `significant` significant digits
/// (std::chars_format::general), e.g. 0.5, 1, 3.28e-07; values of 10^significant or
/// more are written in plain digits (1120000000000000, never 1.12e+15).
std::string format_general(double value, int significant);

/// An amount (money, counts) in a conservation line: fixed, 2 decimals (pennies),
/// never an exponent, e.g. 1120000000000000.00, 308.50.
std::string format_pennies(double value);

} // namespace coterm
