// SPDX-License-Identifier: MIT
#include "core/readable_number.hpp"

#include "core/number_format.hpp"

#include <cmath>

namespace coterm {

std::string format_thousands(double value, int decimals)
{
    std::string fixed = format_fixed(value, decimals); // locale-free, never scientific
    if (fixed.empty()) return fixed;
    const std::size_t sign = fixed[0] == '-' ? 1 : 0;
    std::size_t end = fixed.find('.');
    if (end == std::string::npos) end = fixed.size();
    for (std::size_t i = end; i > sign + 3; i -= 3)
        fixed.insert(i - 3, ",");
    return fixed;
}

std::string format_money(double value)
{
    const std::string digits = format_thousands(std::fabs(value), 2);
    if (digits.empty()) return digits;
    return (value < 0 && digits != "0.00" ? "-£" : "£") + digits;
}

std::string format_percent(double share, int decimals)
{
    const std::string digits = format_fixed(100 * share, decimals);
    return digits.empty() ? digits : digits + " %";
}

std::string format_amount(double value)
{
    // Whole when the two decimals would print as .00: the sums of whole counts carry
    // rounding far below a hundredth.
    std::string s = format_thousands(value, 2);
    if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
    return s == "-0" ? "0" : s;
}

} // namespace coterm
