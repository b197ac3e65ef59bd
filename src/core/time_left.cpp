// SPDX-License-Identifier: MIT
#include "core/time_left.hpp"

#include <cmath>

namespace coterm {

std::string time_left_text(double elapsed_s, std::size_t done, std::size_t total)
{
    // Too early to tell: no work done yet, or not a second of it to judge the rate by.
    if (done == 0 || done >= total || elapsed_s < 1.0) return "";
    const double left = elapsed_s * static_cast<double>(total - done) / static_cast<double>(done);
    if (left < 1.0) return "";
    if (left < 90.0) return "about " + std::to_string(static_cast<long>(std::lround(left))) + " s left";
    return "about " + std::to_string(static_cast<long>(std::lround(left / 60.0))) + " min left";
}

} // namespace coterm
