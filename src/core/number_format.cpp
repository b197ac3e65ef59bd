// SPDX-License-Identifier: MIT
#include "core/number_format.hpp"

#include <charconv>
#include <cmath>

namespace coterm {
namespace {

std::string format(double value, std::chars_format fmt, int precision)
{
    if (!std::isfinite(value)) return {};
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, fmt, precision);
    std::string out(buffer, end);
    // A tiny negative rounding residue must not print as "-0.000".
    if (out.starts_with('-') && out.find_first_not_of("-0.e+") == std::string::npos) out.erase(0, 1);
    return out;
}

} // namespace

std::string format_fixed(double value, int decimals)
{
    return format(value, std::chars_format::fixed, decimals);
}

std::string format_general(double value, int significant)
{
    // General notation switches to an exponent at 10^significant; large totals are
    // read by people (and by spreadsheets), so they stay in plain digits.
    if (std::abs(value) >= std::pow(10.0, significant)) return format(std::round(value), std::chars_format::fixed, 0);
    return format(value, std::chars_format::general, significant);
}

std::string format_pennies(double value)
{
    return format(value, std::chars_format::fixed, 2);
}

} // namespace coterm
