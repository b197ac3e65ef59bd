// SPDX-License-Identifier: MIT
#include "cli/stopwatch.hpp"

#include "core/number_format.hpp"

namespace coterm::cli {

void Stopwatch::lap(const std::string& phase)
{
    const auto now = clock::now();
    phases_.emplace_back(phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
}

std::string Stopwatch::line() const
{
    std::string out = "coterm: timings:";
    for (const auto& [phase, seconds] : phases_)
        out += " " + phase + " " + format_fixed(seconds, 3) + " s,";
    out += " total " + format_fixed(std::chrono::duration<double>(clock::now() - start_).count(), 3) + " s";
    return out;
}

} // namespace coterm::cli
