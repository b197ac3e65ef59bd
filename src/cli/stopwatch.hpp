// SPDX-License-Identifier: MIT
#pragma once
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace coterm::cli {

/// Wall-clock time per phase of a command, printed by --verbose as one line:
/// "coterm: timings: read lsoa21 0.412 s, ..., total 1.093 s" (tools/bench-overlap reads it).
class Stopwatch {
public:
    /// Records the time since the previous lap (or construction) under `phase`.
    void lap(const std::string& phase);
    /// Records a phase measured elsewhere (it does not move the lap mark).
    void add(const std::string& phase, double seconds) { phases_.emplace_back(phase, seconds); }
    /// The one-line report.
    std::string line() const;

private:
    using clock = std::chrono::steady_clock;
    clock::time_point start_ = clock::now();
    clock::time_point last_ = start_;
    std::vector<std::pair<std::string, double>> phases_;
};

} // namespace coterm::cli
